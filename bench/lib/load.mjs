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

/** Requests per second and latency percentiles (ms) of one run. */
export async function load({ url, query, variables = {}, headers = {}, connections = 10, seconds = 10 }) {
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  if (result.non2xx || result.errors || result.timeouts) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, requests: result.requests.total };
}
