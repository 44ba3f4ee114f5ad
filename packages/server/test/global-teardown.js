import fs from 'node:fs';

export default async function globalTeardown() {
  const state = globalThis.__CUSTOS_TEST_PG__;
  if (!state) return;
  // Each is stopped even when the other fails to; both are children of this process and
  // would also be signalled when it exits (see src/search/meilisearch/embedded-meilisearch.ts).
  const results = await Promise.allSettled([state.meili?.stop(), state.server?.stop()]);
  fs.rmSync(state.root, { recursive: true, force: true });
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
}
