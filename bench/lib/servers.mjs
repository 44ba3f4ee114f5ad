// The two servers the suite compares, each started in its own process on one database.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenSigner } from '@custos/server/dist/core/tokens.js';
import { BENCH_ENCRYPTION_KEY } from '../keys.mjs';
import { query } from './cluster.mjs';
import { startServer } from './process.mjs';

export const JWT_SECRET = 'bench-'.repeat(8);
const CUSTOS_MAIN = fileURLToPath(import.meta.resolve('@custos/server/dist/server.js'));
// The unbundled modules swc writes (what tests import), for `--also CUSTOS_BUILD=modules`.
const CUSTOS_MODULES_MAIN = fileURLToPath(import.meta.resolve('@custos/server/dist/main.js'));
const POSTGRAPHILE_MAIN = fileURLToPath(new URL('../postgraphile/server.mjs', import.meta.url));

/**
 * For measuring what field guards cost (lib/guards.mjs): a copy of the bundle whose
 * schema skips `applyFieldGuards`, so guarded fields resolve as plain ones (no masks,
 * denials or access log; values still decrypted). It exists only for the bench: the
 * product has no switch that turns guards off. The bundle's chunks import `./server.js`,
 * so all of them are copied, to a folder beside `dist/` (paths relative to the bundle
 * stay the same).
 */
function unguardedBundle() {
  const from = path.dirname(CUSTOS_MAIN);
  const to = path.join(from, '..', '.bench-unguarded');
  fs.rmSync(to, { recursive: true, force: true });
  fs.mkdirSync(to);
  for (const name of fs.readdirSync(from).filter((n) => /^server.*\.js$/.test(n))) fs.copyFileSync(path.join(from, name), path.join(to, name));
  const main = path.join(to, 'server.js');
  const source = fs.readFileSync(main, 'utf8');
  const call = 'applyFieldGuards(defaultResolvers(';
  const at = source.indexOf(call);
  if (at < 0 || source.indexOf(call, at + 1) >= 0) throw new Error(`expected one ${call} in ${CUSTOS_MAIN}`);
  fs.writeFileSync(main, source.replace(call, '(defaultResolvers('));
  return main;
}

const SCRIPTS = { modules: () => CUSTOS_MODULES_MAIN, unguarded: unguardedBundle };

/** The Custos server as deployed (NODE_ENV=production, migrations checked at start),
 * with its background workers off so nothing but requests touches the database.
 * `CUSTOS_BUILD`: `modules` (unbundled) or `unguarded` (see unguardedBundle). */
export function startCustos(databaseUrl, { CUSTOS_BUILD, ...env } = {}, nodeArgs = []) {
  if (CUSTOS_BUILD && !SCRIPTS[CUSTOS_BUILD]) throw new Error(`CUSTOS_BUILD=${CUSTOS_BUILD}: expected one of ${Object.keys(SCRIPTS).join(', ')}`);
  return startServer({
    // As deployed (scripts/start.mjs, docker/Dockerfile).
    nodeArgs: ['--experimental-async-context-frame', ...nodeArgs],
    name: CUSTOS_BUILD ? `custos (${CUSTOS_BUILD})` : 'custos',
    script: CUSTOS_BUILD ? SCRIPTS[CUSTOS_BUILD]() : CUSTOS_MAIN,
    env: {
      NODE_ENV: 'production', DATABASE_URL: databaseUrl, JWT_SECRET, ENCRYPTION_KEY: BENCH_ENCRYPTION_KEY, LOG_LEVEL: 'warn', DB_POOL_MAX: '10',
      // The nested list at page 200 (200 customers × 5 interactions, 13 fields) costs
      // 41,163 under the document cost limit, past the default 20,000; PostGraphile has no
      // such limit, so the comparison raises it rather than shrinking the page.
      MAX_QUERY_COST: '100000',
      JOB_WORKER: 'off', SEARCH_SYNC: 'off', SEED_DEMO: 'never', ...env,
    },
    ready: async (url) => (await fetch(`${url}/readyz`)).ok,
  });
}

export function startPostGraphile(databaseUrl, env = {}, nodeArgs = []) {
  return startServer({
    nodeArgs,
    name: 'postgraphile',
    script: POSTGRAPHILE_MAIN,
    env: { DATABASE_URL: databaseUrl, PG_POOL_MAX: '10', NODE_ENV: 'production', ...env },
    // Ready once it answers GraphQL (it introspects the database before the first answer).
    ready: async (url) => {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{__typename}"}' });
      return res.ok;
    },
  });
}

/** Bearer headers for users of the database, by email, signed as the server signs them. */
export async function tokensFor(databaseUrl, emails) {
  const signer = new TokenSigner(JWT_SECRET, 3600);
  const rows = await query(databaseUrl, `select id::text, email, token_version from app_user where email = any($1::text[])`, [emails]);
  const headers = {};
  for (const row of rows) {
    const { token } = await signer.sign({ userId: row.id, tokenVersion: row.token_version ?? 1 });
    headers[row.email] = { authorization: `Bearer ${token}` };
  }
  return headers;
}
