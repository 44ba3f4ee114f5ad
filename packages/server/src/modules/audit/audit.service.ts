import type { SqlExecutor } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import type { AuditChanges } from './audit.changes.js';
import { auditSafe, scrubText } from './audit.personal.js';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string | null;
  reason?: string | null;
  changes?: AuditChanges | Record<string, unknown>;
  /** For events before an actor exists on the context (login). */
  actorId?: string;
  actorRole?: string;
}

/**
 * Appends one event to the hash-chained audit log. Call it inside the transaction of
 * the change it records, as its last statement: the chain lock is held until commit.
 * Every event passes `auditSafe` here, whatever its caller put in it: filters, free text
 * and job parameters or results never reach the log with personal data in clear.
 */
export async function recordAudit(tx: RequestContext, entry: AuditEntry): Promise<string> {
  const row = await tx.sql.one<{ seq: string }>(
    `select audit_append($1::bigint, $2, $3, $4, $5, $6, $7::jsonb, $8)::text as seq`,
    [
      entry.actorId ?? tx.actor?.userId ?? null,
      entry.actorRole ?? tx.actor?.role ?? null,
      entry.action,
      entry.entityType,
      entry.entityId,
      entry.reason == null ? null : scrubText(entry.reason),
      JSON.stringify(auditSafe(entry.changes ?? {})),
      tx.requestId,
    ],
  );
  return row!.seq;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
}

/**
 * Recomputes every hash and link in order, in batches inside PostgreSQL, and names the
 * first row whose content, hash or link does not match.
 */
export async function verifyAuditChain(sql: SqlExecutor, batchSize = 50_000): Promise<ChainVerification> {
  let checked = 0;
  let afterSeq = '0';
  let prevHash: Buffer = Buffer.alloc(0);
  let expectedSeq = 1n;
  for (;;) {
    const rows = await sql.query<{ seq: string; valid: boolean; prevHash: Buffer; hash: Buffer }>(
      `select e.seq::text as seq, e.hash = sha256(audit_canonical(e)) as valid, e.prev_hash as "prevHash", e.hash
         from audit_event e where e.seq > $1::bigint order by e.seq limit $2::int`,
      [afterSeq, batchSize],
    );
    for (const row of rows) {
      const broken = !row.valid || !row.prevHash.equals(prevHash) || BigInt(row.seq) !== expectedSeq;
      if (broken) return { ok: false, checked, firstBrokenSeq: BigInt(row.seq) !== expectedSeq ? String(expectedSeq) : row.seq };
      checked += 1;
      prevHash = row.hash;
      expectedSeq += 1n;
    }
    if (rows.length < batchSize) return { ok: true, checked, firstBrokenSeq: null };
    afterSeq = rows[rows.length - 1]!.seq;
  }
}

export interface AuditBatch {
  action: string;
  entityType: string;
  entityIds: readonly string[];
  reason?: string | null;
  /** One entry per entity id, in the same order. */
  changes: readonly (AuditChanges | Record<string, unknown>)[];
}

/**
 * Appends one event per entity in a single call, chained in order: bulk moves keep "one
 * event per record" without a round trip per record. Same rules as `recordAudit`.
 */
export async function recordAuditMany(tx: RequestContext, batch: AuditBatch): Promise<void> {
  if (batch.entityIds.length === 0) return;
  if (batch.changes.length !== batch.entityIds.length) throw new Error('recordAuditMany: one change set per entity');
  await tx.sql.query(
    `select audit_append_many($1::bigint, $2, $3, $4, $5::text[], $6, $7::jsonb[], $8)`,
    [
      tx.actor?.userId ?? null,
      tx.actor?.role ?? null,
      batch.action,
      batch.entityType,
      batch.entityIds,
      batch.reason == null ? null : scrubText(batch.reason),
      batch.changes.map((c) => JSON.stringify(auditSafe(c))),
      tx.requestId,
    ],
  );
}
