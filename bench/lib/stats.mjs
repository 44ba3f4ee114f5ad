// Small helpers shared by the benchmarks: timing, percentiles and table output.

/** Seconds `work` took. */
export async function seconds(work) {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The value at quantile `p` (0..1) of ascending `sorted`. */
export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Latencies in ms of `n` sequential calls after `warm` unreported ones, ascending. */
export async function latencies(fn, n, warm = 3) {
  for (let i = 0; i < warm; i += 1) await fn();
  const samples = [];
  for (let i = 0; i < n; i += 1) {
    const started = process.hrtime.bigint();
    await fn();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return samples.sort((a, b) => a - b);
}

/** p50 and p95 of `fn`, as strings with one decimal. */
export async function time(fn, n) {
  const samples = await latencies(fn, n);
  return { p50: percentile(samples, 0.5).toFixed(1), p95: percentile(samples, 0.95).toFixed(1), samples };
}

export const fmt = (n) => Math.round(n).toLocaleString('en-US');

/** A ratio with two decimals, or `n/a` when one side had nothing to compare (0 or NaN). */
export const ratioText = (r) => (Number.isFinite(r) && r > 0 ? r.toFixed(2) : 'n/a');

/** A markdown table of `rows` (objects with the same keys). */
export function markdown(rows) {
  const keys = Object.keys(rows[0] ?? {});
  const cell = (v) => String(v ?? '').replace(/\|/g, '\\|');
  return [
    `| ${keys.join(' | ')} |`,
    `| ${keys.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${keys.map((k) => cell(r[k])).join(' | ')} |`),
  ].join('\n');
}
