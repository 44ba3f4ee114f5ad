// Throughput of the customers query with guarded fields vs the same shape with unguarded
// fields, against one server, interleaved round by round so machine noise hits both.
import { load, loadAfterRewarm } from './load.mjs';
import { median, ratioText } from './stats.mjs';

export const GUARDED = `{ customers(first: 50) { nodes { id name email phone address notes taxId interactions(first: 5) { nodes { subject body amount currency } } } } }`;
export const UNGUARDED = `{ customers(first: 50) { nodes { id name code region industry tier interactions(first: 5) { nodes { subject kind occurredAt channel } } } } }`;
export const GUARD_VARIANTS = [
  { name: 'unguarded fields (ADMIN)', query: UNGUARDED, role: 'ADMIN' },
  { name: 'guarded fields, FULL + access log (ADMIN)', query: GUARDED, role: 'ADMIN' },
  { name: 'guarded fields, MASKED/NONE (SUPPORT)', query: GUARDED, role: 'SUPPORT' },
];
/** The guarded query on a build without field guards (lib/servers.mjs, CUSTOS_BUILD=
 * unguarded): "the same query unguarded", so the ratio is the cost of the guards, masks,
 * denials and access log alone, not of the guarded query's larger values. */
export const STRIPPED_VARIANT = { name: 'guarded fields, guards stripped from the build (ADMIN)', query: GUARDED, role: 'ADMIN', stripped: true };

/**
 * `headers` holds the request headers per role (ADMIN, SUPPORT). Returns a row per
 * variant and round, and per guarded variant the median of its per-round ratios to the
 * unguarded-fields run of the same round and, when `urlOf` gives the stripped variant a
 * server (one built without guards), to the same query on that server. `urlOf(variant)` is
 * each variant's server (read-path.mjs gives each its own); by default all share `url`.
 */
export async function compareGuards({ url, urlOf = (v) => (v.stripped ? undefined : url), headers, seconds = 8, rounds = 2, connections = 10, warmup = seconds }) {
  const withStripped = Boolean(urlOf(STRIPPED_VARIANT));
  const variants = withStripped ? [...GUARD_VARIANTS, STRIPPED_VARIANT] : GUARD_VARIANTS;
  if (withStripped) {
    // The stripped build must really be without guards (SUPPORT reads whole email
    // addresses there, masked ones through the guards), or its ratio would measure nothing.
    const emails = async (base) => {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers.SUPPORT }, body: JSON.stringify({ query: GUARDED }) });
      return (await res.json()).data.customers.nodes.map((n) => n.email).filter(Boolean);
    };
    for (const v of GUARD_VARIANTS) {
      if (!(await emails(urlOf(v))).every((e) => e.includes('***'))) throw new Error('the server under test does not mask SUPPORT\'s email addresses');
    }
    if ((await emails(urlOf(STRIPPED_VARIANT))).some((e) => e.includes('***'))) throw new Error('the stripped build still masks SUPPORT\'s email addresses');
  }
  const options = (v, s) => ({ url: `${urlOf(v)}/graphql`, query: v.query, headers: headers[v.role], connections, seconds: s });
  const run = (v, s) => load(options(v, s));
  for (const v of variants) await run(v, warmup); // warm-up, not reported
  const rows = [];
  const rps = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let round = 1; round <= rounds; round += 1) {
    // The same order every round, so every variant waits the same time between its runs:
    // with the order reversed every other round, the variants at the ends ran twice in a
    // row at each turn of round and measured faster for it (a server that has just run
    // answers faster than one that waited through three other runs, even after a rewarm).
    for (const v of variants) {
      const r = await loadAfterRewarm(options(v, seconds));
      rps[v.name].push(r.rps);
      rows.push({ round, variant: v.name, 'req/s': r.rps.toFixed(1), 'p99 ms': r.p99, 'timeouts (> 30 s)': r.timeouts });
    }
  }
  // A round in which no request of one side finished has no ratio.
  const ratiosTo = (name, base) => rps[name].map((x, i) => x / rps[base][i]).filter((x) => Number.isFinite(x) && x > 0);
  for (const row of rows) {
    const i = row.round - 1;
    row['vs unguarded fields'] = ratioText(rps[row.variant][i] / rps[GUARD_VARIANTS[0].name][i]);
    if (withStripped) row['vs same query, guards stripped'] = ratioText(rps[row.variant][i] / rps[STRIPPED_VARIANT.name][i]);
  }
  const summary = variants.map((v) => {
    const ratio = ratiosTo(v.name, GUARD_VARIANTS[0].name);
    const stripped = withStripped ? ratiosTo(v.name, STRIPPED_VARIANT.name) : [];
    return {
      name: v.name,
      rps: median(rps[v.name]),
      ratio: ratio.length ? median(ratio) : NaN,
      ratios: ratio,
      vsStripped: stripped.length ? median(stripped) : NaN,
      strippedRatios: stripped,
    };
  });
  return { rows, summary };
}
