// searchArchive end to end: GraphQL over HTTP to Custos server processes, one per engine,
// on the same database, timed in interleaved runs so machine noise hits both alike.
import { query } from './cluster.mjs';
import { graphql } from './load.mjs';
import { startCustos, tokensFor } from './servers.mjs';
import { percentile } from './stats.mjs';

export const BENCH_ADMIN = 'bench-admin@example.com';
export const BENCH_SALES = 'bench-sales@example.com';
/** Owner id of the bench's SALES user: archived rows are owned by ids 1–50 (lib/search.mjs). */
export const SALES_OWNER_ID = '7';

/** The two users the requests are signed for (idempotent). */
export async function ensureBenchUsers(url) {
  await query(url, `insert into app_user (id, email, display_name, role) values ($1::bigint, $2, 'Bench Sales', 'SALES') on conflict do nothing`, [SALES_OWNER_ID, BENCH_SALES]);
  await query(url, `insert into app_user (id, email, display_name, role) values (1000001, $1, 'Bench Admin', 'ADMIN') on conflict do nothing`, [BENCH_ADMIN]);
}

/** What the archive list's search box asks (no facets): a page of customers. */
export const LIST_QUERY = `query($query: String!, $filter: ArchiveSearchFilter, $first: Int) {
  data: searchArchive(query: $query, filter: $filter, first: $first) {
    totalCount
    hits { customer { id code name type tier industry region lifecycleStage email phone archivedAt archiveReason legalHold owner { id displayName } } }
  }
}`;

/** What the dashboard's archive search page asks (packages/admin cleanup.ts): hits and facets. */
export const PAGE_QUERY = `query($query: String!, $filter: ArchiveSearchFilter, $first: Int, $after: String) {
  data: searchArchive(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount totalCountExact engine endCursor
    hits { score highlights { field snippet } customer { id code name type region archivedAt archiveReason } }
    facets { field values { value count } }
  }
}`;

/** The cases of lib/search.mjs as GraphQL requests; `required` marks the six the target is for. */
export const HTTP_CASES = [
  { name: '2-char Chinese (张伟)', query: '张伟', required: true },
  { name: 'English word (logistics)', query: 'logistics', required: true },
  { name: 'phone fragment (4082 5678)', query: '4082 5678', required: true },
  { name: 'typo (Logistcs)', query: 'Logistcs', required: true },
  { name: 'filtered (科技, CN-SH, ENTERPRISE)', query: '科技', filter: { region: ['CN-SH'], type: ['ENTERPRISE'] }, required: true },
  { name: 'SALES user (科技, own rows)', query: '科技', user: BENCH_SALES, required: true },
  { name: 'very common term (公司)', query: '公司' },
  { name: 'rare term (quixotic)', query: 'quixotic' },
];

export const SHAPES = [
  { name: 'list search box (no facets, 25 rows)', query: LIST_QUERY, first: 25 },
  { name: 'search page (hits + facets, 20 rows)', query: PAGE_QUERY, first: 20 },
];

/**
 * Starts one Custos per engine (`engines`: name → extra env), times `{ __typename }` as
 * the HTTP/GraphQL baseline, then every case × shape, interleaving the engines run by run.
 */
export async function measureHttp(databaseUrl, engines, { runs = 40, say = () => undefined } = {}) {
  const servers = {};
  try {
    for (const [name, env] of Object.entries(engines)) {
      servers[name] = await startCustos(databaseUrl, { DB_POOL_MAX: '10', ...env });
      say(`custos (${name}) ready in ${servers[name].readyMs.toFixed(0)} ms`);
    }
    const headers = await tokensFor(databaseUrl, [BENCH_ADMIN, BENCH_SALES]);
    const names = Object.keys(servers);
    const call = (name, doc, variables, user = BENCH_ADMIN) => graphql(`${servers[name].url}/graphql`, doc, variables, headers[user]);

    /** Runs `fn(name)` for every engine in turn, `runs` times after 3 warm-ups; samples per engine. */
    const interleaved = async (fn) => {
      const samples = Object.fromEntries(names.map((n) => [n, []]));
      for (let i = 0; i < 3; i += 1) for (const n of names) await fn(n);
      for (let i = 0; i < runs; i += 1) {
        for (const n of i % 2 ? [...names].reverse() : names) {
          const t = process.hrtime.bigint();
          await fn(n);
          samples[n].push(Number(process.hrtime.bigint() - t) / 1e6);
        }
      }
      for (const n of names) samples[n].sort((a, b) => a - b);
      return samples;
    };
    const p = (sorted, q) => percentile(sorted, q).toFixed(1);

    const base = await interleaved((n) => call(n, '{ __typename }', {}));
    const rows = [{
      query: 'baseline { __typename }', shape: '-', hits: '-',
      ...Object.fromEntries(names.map((n) => [`${n} p50/p95 ms`, `${p(base[n], 0.5)} / ${p(base[n], 0.95)}`])),
      'p95 ratio': names.length === 2 ? (percentile(base[names[0]], 0.95) / percentile(base[names[1]], 0.95)).toFixed(2) : '-',
      'p95 ≤ 50 ms': '-',
    }];
    const pooled = Object.fromEntries(names.map((n) => [n, []]));
    for (const shape of SHAPES) {
      for (const c of HTTP_CASES) {
        const variables = { query: c.query, filter: c.filter ?? null, first: shape.first };
        const hits = {};
        for (const n of names) {
          const data = (await call(n, shape.query, variables, c.user)).data;
          hits[n] = `${data.hits.length}/${data.totalCount}${data.totalCountExact === false ? '+' : ''}`;
        }
        const s = await interleaved((n) => call(n, shape.query, variables, c.user));
        if (c.required) for (const n of names) pooled[n].push(...s[n]);
        rows.push({
          query: `${c.name}${c.required ? '' : ' (extra)'}`,
          shape: shape.name,
          hits: names.map((n) => hits[n]).join(' | '),
          ...Object.fromEntries(names.map((n) => [`${n} p50/p95 ms`, `${p(s[n], 0.5)} / ${p(s[n], 0.95)}`])),
          'p95 ratio': names.length === 2 ? (percentile(s[names[0]], 0.95) / percentile(s[names[1]], 0.95)).toFixed(2) : '-',
          'p95 ≤ 50 ms': c.required ? names.map((n) => (percentile(s[n], 0.95) <= 50 ? 'yes' : 'NO')).join(' | ') : '-',
        });
      }
    }
    for (const n of names) pooled[n].sort((a, b) => a - b);
    return { rows, pooled, baseline: base, names };
  } finally {
    for (const s of Object.values(servers)) await s.stop();
  }
}
