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

/**
 * `headers` holds the request headers per role (ADMIN, SUPPORT). Returns a row per
 * variant and round, and per guarded variant the median of its per-round ratios to the
 * unguarded run of the same round.
 */
export async function compareGuards({ url, headers, seconds = 8, rounds = 2, connections = 10, warmup = seconds }) {
  const run = (v, s) => load({ url: `${url}/graphql`, query: v.query, headers: headers[v.role], connections, seconds: s });
  for (const v of GUARD_VARIANTS) await run(v, warmup); // warm-up, not reported
  const rows = [];
  const ratios = Object.fromEntries(GUARD_VARIANTS.map((v) => [v.name, []]));
  const rps = Object.fromEntries(GUARD_VARIANTS.map((v) => [v.name, []]));
  for (let round = 1; round <= rounds; round += 1) {
    let baseline;
    for (const v of GUARD_VARIANTS) {
      const r = await run(v, seconds);
      baseline ??= r.rps;
      // A round in which no request of one side finished has no ratio.
      if (r.rps > 0 && baseline > 0) ratios[v.name].push(r.rps / baseline);
      rps[v.name].push(r.rps);
      rows.push({ round, variant: v.name, 'req/s': r.rps.toFixed(1), 'p99 ms': r.p99, 'vs unguarded': ratioText(r.rps / baseline), 'timeouts (> 30 s)': r.timeouts });
    }
  }
  const summary = GUARD_VARIANTS.map((v) => ({ name: v.name, rps: median(rps[v.name]), ratio: ratios[v.name].length ? median(ratios[v.name]) : NaN }));
  return { rows, summary };
}
