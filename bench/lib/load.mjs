// HTTP load with autocannon: one GraphQL request body, fixed connections and duration.
import autocannon from 'autocannon';

/** POSTs a GraphQL request once and returns its data, failing on any error. */
export async function graphql(url, query, variables = {}, headers = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await res.json();
  if (!res.ok || body.errors) throw new Error(`${url}: HTTP ${res.status} ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  return body.data;
}

/**
 * Requests per second and latency percentiles (ms) of one run. A request that takes
 * longer than `timeoutSeconds` counts as a timeout: they are returned (a server too slow
 * for the load is a result, not a failure of the benchmark); non-2xx answers throw.
 */
export async function load({ url, query, variables = {}, headers = {}, connections = 10, seconds = 10, timeoutSeconds = 30 }) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    timeout: timeoutSeconds,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  if (result.non2xx) throw new Error(`${url}: ${result.non2xx} non-2xx responses`);
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    timeouts: result.timeouts,
    errors: result.errors - result.timeouts,
  };
}

/**
 * `load` right after a short, unreported run of the same load. The servers' pools close a
 * connection idle for 10 s (node-postgres's default, on both sides): a side that waited
 * through the other sides' rounds began its own with new connections and statements to
 * prepare again, and measured slower for it (the guards rounds showed the stripped build
 * 0.7–0.8× as fast when it ran last than when it ran first).
 */
export async function loadAfterRewarm(options) {
  await rewarm(options);
  return load(options);
}

/** The unreported run before a measured one (see loadAfterRewarm), for callers that sample
 * the server between the two. */
export function rewarm(options) {
  return load({ ...options, seconds: 2 });
}
