// Throughput of the customers query with guarded fields vs the same shape with unguarded
// fields, against one server, interleaved round by round so machine noise hits both.
import { load } from './load.mjs';
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
 * unguarded-fields run of the same round and, with `strippedUrl` (a server built without
 * guards), to the same query on that server.
 */
export async function compareGuards({ url, strippedUrl, headers, seconds = 8, rounds = 2, connections = 10, warmup = seconds }) {
  const variants = strippedUrl ? [...GUARD_VARIANTS, STRIPPED_VARIANT] : GUARD_VARIANTS;
  if (strippedUrl) {
    // The stripped build must really be without guards (SUPPORT reads whole email
    // addresses there, masked ones through the guards), or its ratio would measure nothing.
    const emails = async (base) => {
      const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers.SUPPORT }, body: JSON.stringify({ query: GUARDED }) });
      return (await res.json()).data.customers.nodes.map((n) => n.email).filter(Boolean);
    };
    if (!(await emails(url)).every((e) => e.includes('***'))) throw new Error('the server under test does not mask SUPPORT\'s email addresses');
    if ((await emails(strippedUrl)).some((e) => e.includes('***'))) throw new Error('the stripped build still masks SUPPORT\'s email addresses');
  }
  const run = (v, s) => load({ url: `${v.stripped ? strippedUrl : url}/graphql`, query: v.query, headers: headers[v.role], connections, seconds: s });
  for (const v of variants) await run(v, warmup); // warm-up, not reported
  const rows = [];
  const rps = Object.fromEntries(variants.map((v) => [v.name, []]));
  for (let round = 1; round <= rounds; round += 1) {
    // The side that goes first alternates, so drift in the machine's load hits all alike.
    for (const v of round % 2 ? variants : [...variants].reverse()) {
      const r = await run(v, seconds);
      rps[v.name].push(r.rps);
      rows.push({ round, variant: v.name, 'req/s': r.rps.toFixed(1), 'p99 ms': r.p99, 'timeouts (> 30 s)': r.timeouts });
    }
  }
  // A round in which no request of one side finished has no ratio.
  const ratiosTo = (name, base) => rps[name].map((x, i) => x / rps[base][i]).filter((x) => Number.isFinite(x) && x > 0);
  for (const row of rows) {
    const i = row.round - 1;
    row['vs unguarded fields'] = ratioText(rps[row.variant][i] / rps[GUARD_VARIANTS[0].name][i]);
    if (strippedUrl) row['vs same query, guards stripped'] = ratioText(rps[row.variant][i] / rps[STRIPPED_VARIANT.name][i]);
  }
  const summary = variants.map((v) => {
    const ratio = ratiosTo(v.name, GUARD_VARIANTS[0].name);
    const stripped = strippedUrl ? ratiosTo(v.name, STRIPPED_VARIANT.name) : [];
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
