import type { SqlExecutor } from '../db/sql.js';
import type { SearchDocument } from './search-index.js';

/** Archived customers as search documents, straight from `archive.customer`. */
const DOCUMENT_COLUMNS = `
  a.id::text as id, a.owner_id::text as "ownerId", a.code, a.name, a.email, a.phone, a.type, a.tier, a.industry,
  a.region, a.lifecycle_stage as "lifecycleStage", a.tags, a.archive_reason as "archiveReason",
  to_char(a.archived_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "archivedAt",
  extract(year from a.archived_at at time zone 'UTC')::int as "archivedYear",
  a.status as "previousStatus", a.legal_hold as "legalHold", encode(a.checksum, 'hex') as checksum`;

/** The documents of those ids that are in the archive now (the others are gone). */
export async function loadDocuments(sql: SqlExecutor, ids: readonly string[]): Promise<SearchDocument[]> {
  if (ids.length === 0) return [];
  return sql.query<SearchDocument>(
    `select ${DOCUMENT_COLUMNS} from archive.customer a where a.id = any($1::bigint[]) order by a.id`,
    [ids],
  );
}

/** The next `limit` archived customers after `afterId`, in id order. */
export async function loadDocumentPage(sql: SqlExecutor, afterId: string, limit: number): Promise<SearchDocument[]> {
  return sql.query<SearchDocument>(
    `select ${DOCUMENT_COLUMNS} from archive.customer a where a.id > $1::bigint order by a.id limit $2::int`,
    [afterId, limit],
  );
}

/** The archive side of the consistency check: id and checksum, in id order. */
export async function archiveFingerprints(sql: SqlExecutor, afterId: string, limit: number): Promise<{ id: string; checksum: string }[]> {
  return sql.query<{ id: string; checksum: string }>(
    `select a.id::text as id, encode(a.checksum, 'hex') as checksum from archive.customer a
      where a.id > $1::bigint order by a.id limit $2::int`,
    [afterId, limit],
  );
}
