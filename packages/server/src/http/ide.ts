import { getDistDirectory, renderAltair } from 'altair-static';
import type { FastifyInstance } from 'fastify';
import { serveDirectory } from './static-files.js';

const EXAMPLE = `# Custos GraphQL API. Try:
query Customers {
  customers(first: 5) {
    totalCount
    nodes { code name owner { displayName } interactions(first: 3) { nodes { kind occurredAt subject } } }
  }
}
`;

/** The Altair GraphQL IDE, served from node_modules: these machines have no CDN access. */
export function registerIde(app: FastifyInstance): void {
  const html = renderAltair({ baseURL: '/ide/', endpointURL: '/graphql', initialQuery: EXAMPLE });
  app.get('/ide', (_req, reply) => reply.redirect('/ide/'));
  app.get('/ide/', (_req, reply) => reply.type('text/html').send(html));
  serveDirectory(app, '/ide/', getDistDirectory());
}
