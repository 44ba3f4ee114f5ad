import { createHash } from 'node:crypto';
import type { SqlExecutor } from '../../db/sql.js';
import { outboxStatus } from '../../search/outbox.js';
import { archiveFingerprints } from '../../search/search-document.js';
import type { IndexedFingerprint, SearchEngine, SearchIndex } from '../../search/search-index.js';
import { compareIds } from '../../db/keyset.js';

export interface ConsistencyReport {
  ok: boolean;
  engine: SearchEngine;
  archiveCount: number;
  indexCount: number;
  archiveDigest: string;
  indexDigest: string;
  missing: string[];
  extra: string[];
  stale: string[];
  pending: number;
}

const PAGE = 2000;
const LISTED = 20;

/** Pages through an id-ordered listing. */
async function* walk(next: (afterId: string) => Promise<IndexedFingerprint[]>): AsyncGenerator<IndexedFingerprint> {
  let after = '0';
  for (;;) {
    const page = await next(after);
    yield* page;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.id;
  }
}

/**
 * Walks the archive and the index side by side in id order (a merge, in pages, so memory
 * stays flat at any size), hashing `id:checksum` lines on both sides and naming the
 * first differences.
 */
export async function checkConsistency(sql: SqlExecutor, index: SearchIndex): Promise<ConsistencyReport> {
  const archive = walk((after) => archiveFingerprints(sql, after, PAGE));
  const indexed = walk((after) => index.fingerprints(after, PAGE));
  const hashes = { archive: createHash('sha256'), index: createHash('sha256') };
  const counts = { archive: 0, index: 0 };
  const report = { missing: [] as string[], extra: [] as string[], stale: [] as string[] };
  const note = (list: string[], id: string) => void (list.length < LISTED && list.push(id));
  let a = await archive.next();
  let b = await indexed.next();
  while (!a.done || !b.done) {
    const cmp = a.done ? 1 : b.done ? -1 : compareIds(a.value.id, b.value.id);
    if (cmp <= 0 && !a.done) {
      hashes.archive.update(`${a.value.id}:${a.value.checksum}\n`);
      counts.archive += 1;
    }
    if (cmp >= 0 && !b.done) {
      hashes.index.update(`${b.value.id}:${b.value.checksum}\n`);
      counts.index += 1;
    }
    if (cmp < 0) note(report.missing, a.value!.id);
    else if (cmp > 0) note(report.extra, b.value!.id);
    else if (a.value!.checksum !== b.value!.checksum) note(report.stale, a.value!.id);
    if (cmp <= 0) a = await archive.next();
    if (cmp >= 0) b = await indexed.next();
  }
  const archiveDigest = hashes.archive.digest('hex');
  const indexDigest = hashes.index.digest('hex');
  return {
    ok: archiveDigest === indexDigest && counts.archive === counts.index,
    engine: index.engine,
    archiveCount: counts.archive,
    indexCount: counts.index,
    archiveDigest,
    indexDigest,
    ...report,
    pending: (await outboxStatus(sql)).pending,
  };
}
