import { lockIndexApply } from '../../search/outbox.js';
import { openSearchIndex } from '../../search/search-engine.js';
import { loadDocumentPage } from '../../search/search-document.js';
import { warmTokenizer } from '../../search/tokenize.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';

interface Checkpoint {
  /** copy: upsert every archived customer; sweep: drop documents no longer archived. */
  phase: 'copy' | 'sweep';
  lastId: string;
  indexed: number;
  removed: number;
}

/**
 * Rebuilds the index from `archive.customer` without emptying it first, so search keeps
 * answering during the run: archived customers are upserted in id order, then the index
 * is walked in id order and whatever is no longer archived is removed. Each batch takes
 * the same apply lock as the outbox drain, so a batch cannot put back an older state
 * than the one a concurrent drain just wrote (see search/outbox.ts).
 */
export const reindexSearchHandler: JobHandler<Record<string, unknown>, Checkpoint> = {
  kind: JobKind.REINDEX_SEARCH,
  warmUp: warmTokenizer,

  async begin(tx) {
    await openSearchIndex(tx.config, tx.sql).prepare();
    const row = await tx.sql.one<{ n: number }>(`select count(*)::int as n from archive.customer`);
    return { total: row!.n, checkpoint: { phase: 'copy', lastId: '0', indexed: 0, removed: 0 } };
  },

  async step(tx, _job, checkpoint) {
    const size = tx.config.ARCHIVE_BATCH_SIZE;
    const index = openSearchIndex(tx.config, tx.sql);
    await lockIndexApply(tx.sql);
    if (checkpoint.phase === 'copy') {
      const documents = await loadDocumentPage(tx.sql, checkpoint.lastId, size);
      await index.upsert(documents);
      const next: Checkpoint =
        documents.length < size
          ? { ...checkpoint, phase: 'sweep', lastId: '0', indexed: checkpoint.indexed + documents.length }
          : { ...checkpoint, lastId: documents[documents.length - 1]!.id, indexed: checkpoint.indexed + documents.length };
      return { checkpoint: next, done: documents.length, finished: false };
    }
    const listed = await index.fingerprints(checkpoint.lastId, size);
    const ids = listed.map((f) => f.id);
    const kept = new Set(
      (await tx.sql.query<{ id: string }>(`select id::text from archive.customer where id = any($1::bigint[])`, [ids])).map((r) => r.id),
    );
    const gone = ids.filter((id) => !kept.has(id));
    await index.remove(gone);
    return {
      checkpoint: { ...checkpoint, lastId: ids[ids.length - 1] ?? checkpoint.lastId, removed: checkpoint.removed + gone.length },
      done: 0,
      finished: listed.length < size,
    };
  },

  result(_job, checkpoint) {
    return { indexed: checkpoint.indexed, removed: checkpoint.removed };
  },
};
