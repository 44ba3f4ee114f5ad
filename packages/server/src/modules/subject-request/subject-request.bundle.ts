import { byId } from '../../db/keyset.js';
import type { SqlExecutor } from '../../db/sql.js';
import { openNullable } from '../../crypto/sealed.js';
import type { MatchedCustomer } from './subject-request.store.js';
import type { SubjectIdentifiers, SubjectRequestRecord } from './subject-request.type.js';
import { idForClient } from '../../common/client-id.js';

/**
 * Everything held about one person, as the subject access export hands it over. Only rows
 * whose customer is one of the subject's matched records go in, and of those rows only
 * what is about the subject: staff appear by role, never by name or id (they are other
 * people), merge snapshots keep only the subject's own records, and an access-log entry
 * keeps the time, role and field but not the other customers the same read listed.
 */
export interface SubjectBundle {
  format: 'custos-subject-access/1';
  request: { id: string; kind: string; regime: string; receivedOn: string; dueOn: string; reference: string | null; language: string };
  generatedAt: string;
  subject: SubjectIdentifiers;
  customers: Record<string, unknown>[];
  interactions: Record<string, unknown>[];
  merges: Record<string, unknown>[];
  history: Record<string, unknown>[];
  accessLog: Record<string, unknown>[];
}

/** Customer columns a bundle shows (owner and archive bookkeeping are about staff, not the subject). */
const CUSTOMER_FIELDS = `c.id::text as id, c.code, c.name, c.type, c.tier, c.industry, c.region, c.lifecycle_stage as "lifecycleStage",
  c.email, c.phone, c.address, c.tax_id as "taxId", c.tags, c.notes, c.last_interaction_at as "lastInteractionAt",
  c.created_at as "createdAt", c.updated_at as "updatedAt", c.void_reason as "voidReason", c.void_note as "voidNote", c.voided_at as "voidedAt"`;

const INTERACTION_FIELDS = `i.id::text as id, i.customer_id::text as "customerId", i.kind, i.occurred_at as "occurredAt", i.channel,
  i.subject, i.body, i.amount::text as amount, i.currency, i.created_at as "createdAt"`;

/** History keeps these of a state; the owner is staff. */
const HISTORY_DROPPED = ['owner_id', 'tax_id_shape', 'stage_override', 'version'];

export async function gatherBundle(
  sql: SqlExecutor,
  request: SubjectRequestRecord,
  subject: SubjectIdentifiers,
  matches: MatchedCustomer[],
): Promise<SubjectBundle> {
  const ids = matches.map((m) => m.customerId);
  const matchedBy = new Map(matches.map((m) => [m.customerId, m.matchedBy]));
  const customers = await sql.query<Record<string, unknown> & { id: string; taxId: string | null }>(
    `select 'LIVE' as store, c.status, m.survivor_id::text as "mergedInto", ${CUSTOMER_FIELDS}, null::timestamptz as "archivedAt"
       from customer c
       left join lateral (select m.survivor_id from customer_merge m where m.unmerged_at is null and m.merged_ids @> array[c.id]
                          order by m.merged_at desc, m.id desc limit 1) m on true
      where c.id = any($1::bigint[])
     union all
     select 'ARCHIVE', c.status, null, ${CUSTOMER_FIELDS}, c.archived_at from archive.customer c where c.id = any($1::bigint[])`,
    [ids],
  );
  for (const c of customers) {
    c.taxId = openNullable('customer.tax_id', c.taxId, `customer ${idForClient('Customer', c.id)}`);
    c.matchedBy = matchedBy.get(c.id) ?? [];
  }
  const interactions = await sql.query<Record<string, unknown> & { id: string }>(
    `select 'LIVE' as store, ${INTERACTION_FIELDS}, null::timestamptz as "archivedAt" from interaction i where i.customer_id = any($1::bigint[])
     union all
     select 'ARCHIVE', ${INTERACTION_FIELDS}, i.archived_at from archive.interaction i where i.customer_id = any($1::bigint[])`,
    [ids],
  );
  customers.sort(byId);
  interactions.sort(byId);
  const merges = await sql.query<{ id: string; survivorId: string; mergedIds: string[]; mergedAt: string; unmergedAt: string | null; snapshot: Record<string, Record<string, unknown>> }>(
    `select m.id::text as id, m.survivor_id::text as "survivorId", m.merged_ids::text[] as "mergedIds", m.merged_at as "mergedAt",
            m.unmerged_at as "unmergedAt", m.snapshot
       from customer_merge m where m.survivor_id = any($1::bigint[]) or m.merged_ids && $1::bigint[]
      order by m.merged_at, m.id`,
    [ids],
  );
  const mine = new Set(ids);
  const mergeEntries = merges.map((m) => ({
    id: m.id,
    mergedAt: m.mergedAt,
    unmergedAt: m.unmergedAt,
    survivorId: mine.has(m.survivorId) ? m.survivorId : null,
    mergedIds: m.mergedIds.filter((id) => mine.has(id)),
    records: Object.entries(m.snapshot)
      .filter(([id]) => mine.has(id))
      .map(([id, row]) => snapshotRecord(id, row)),
  }));
  const history = await sql.query<{ customerId: string; at: string; store: string; action: string | null; actorRole: string | null; state: Record<string, unknown> }>(
    `select h.customer_id::text as "customerId", h.at, h.store, e.action, e.actor_role as "actorRole", h.state
       from customer_history h left join audit_event e on e.seq = h.seq
      where h.customer_id = any($1::bigint[]) order by h.customer_id, h.id`,
    [ids],
  );
  for (const entry of history) {
    for (const key of HISTORY_DROPPED) delete entry.state[key];
    const sealed = entry.state.tax_id;
    entry.state.tax_id = typeof sealed === 'string' ? openNullable('customer.tax_id', sealed, `customer ${idForClient('Customer', entry.customerId)}`) : null;
  }
  const interactionIds = interactions.map((i) => i.id);
  const accessLog = await sql.query<Record<string, unknown>>(
    `select a.at, a.actor_role as "actorRole", a.entity_type as "entityType", a.field,
            array(select u.x::text from unnest(a.entity_ids) as u(x)
                   where u.x = any(case when a.entity_type in ('Customer', 'ArchivedCustomer') then $1::bigint[] else $2::bigint[] end)
                   order by u.x) as "recordIds"
       from access_log a
      where (a.batch_id is null
             -- Only the batches whose requests read one of these records are unpacked.
             or a.batch_id = any(array(select b.id from access_log_batch b where b.record_ids && ($1::bigint[] || $2::bigint[]))))
        and ((a.entity_type in ('Customer', 'ArchivedCustomer') and a.entity_ids && $1::bigint[])
             or (a.entity_type in ('Interaction', 'ArchivedInteraction') and a.entity_ids && $2::bigint[]))
      order by a.at, a.id`,
    [ids, interactionIds],
  );
  const now = await sql.one<{ now: string }>(`select now() as now`);
  return {
    format: 'custos-subject-access/1',
    request: {
      id: request.id, kind: request.kind, regime: request.regime, receivedOn: request.receivedOn, dueOn: request.dueOn,
      reference: request.reference, language: request.language,
    },
    generatedAt: now!.now,
    subject,
    customers,
    interactions,
    merges: mergeEntries,
    history,
    accessLog,
  };
}

/** A party as a merge kept it, in the bundle's words (the tax id opened, staff left out). */
function snapshotRecord(id: string, row: Record<string, unknown>): Record<string, unknown> {
  const keep = ['code', 'name', 'type', 'tier', 'industry', 'region', 'email', 'phone', 'address', 'tags', 'notes', 'status', 'created_at', 'updated_at'];
  const out: Record<string, unknown> = { id };
  for (const key of keep) out[key] = row[key] ?? null;
  out.tax_id = typeof row.tax_id === 'string' ? openNullable('customer.tax_id', row.tax_id, `customer ${idForClient('Customer', id)}`) : null;
  return out;
}

export function bundleCounts(bundle: SubjectBundle) {
  return {
    customers: bundle.customers.length,
    interactions: bundle.interactions.length,
    history: bundle.history.length,
    merges: bundle.merges.length,
    accessLog: bundle.accessLog.length,
  };
}
