// PostGraphile v5 (amber preset, pg adaptor) over the Custos database, exposing only the
// `customer` and `interaction` tables: the comparison server of bench/run-all.mjs.
// It connects as the cluster's superuser with no row rules, JWT, field guards or audit.
// Env: DATABASE_URL, PORT, HOST (127.0.0.1), PG_POOL_MAX (10, as the Custos pool).
import http from 'node:http';
import { postgraphile } from 'postgraphile';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { makePgSmartTagsPlugin } from 'postgraphile/utils';

const EXPOSED = new Set(['customer', 'interaction']);

/** Every other table, view and function of `public` is left out of the schema. */
const OnlyCustomerTables = makePgSmartTagsPlugin([
  { kind: 'class', match: (cls) => !EXPOSED.has(cls.relname), tags: { behavior: ['-*'] } },
  { kind: 'procedure', match: () => true, tags: { behavior: ['-*'] } },
]);

const preset = {
  extends: [PostGraphileAmberPreset],
  plugins: [OnlyCustomerTables],
  pgServices: [makePgService({ connectionString: process.env.DATABASE_URL, schemas: ['public'], poolConfig: { max: Number(process.env.PG_POOL_MAX ?? 10) } })],
  grafserv: { graphiql: false, watch: false },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = http.createServer();
serv.addTo(server);
server.listen(Number(process.env.PORT ?? 5678), process.env.HOST ?? '127.0.0.1', () => {
  process.stdout.write(`[postgraphile] listening on ${process.env.PORT}\n`);
});
const stop = async () => {
  server.close();
  await pgl.release();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
