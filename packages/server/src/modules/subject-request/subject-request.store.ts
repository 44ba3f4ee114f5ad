import { isBigintId, KeysetOrder } from '../../db/keyset.js';
import { pageClauses, planPage, toPage, type Page, type PageArgs } from '../../db/paginate.js';
import { Params, type SqlExecutor } from '../../db/sql.js';
import { open, seal, taxIdLookupHashes } from '../../crypto/sealed.js';
import { mask } from '../../policy/masking.js';
import { OPEN_STATUSES, SubjectMatchReason, type SubjectRequestStatus, type SubjectRequestStepAction } from './subject-request.enums.js';
import type { SubjectIdentifiers, SubjectRequestRecord, SubjectRequestStepRecord } from './subject-request.type.js';
import { idForClient } from '../../common/client-id.js';

export const REQUEST_COLUMNS = `
  r.id::text as id, r.kind, r.regime, r.status, to_char(r.received_on, 'YYYY-MM-DD') as "receivedOn",
  to_char(r.due_on, 'YYYY-MM-DD') as "dueOn", (r.status in ('OPEN', 'IN_PROGRESS') and r.due_on < current_date) as overdue,
  r.language, r.reference, r.identifiers, r.identifiers_masked as "identifiersMasked", r.outcome, r.created_by::text as "createdBy",
  r.created_at as "createdAt", r.closed_at as "closedAt"`;

const ORDER = new KeysetOrder(
  // Days since 2000-01-01: an immutable integer the indexes hold (a date cast to a time is not).
  [{ column: { key: 'dueOn', sql: `(r.due_on - date '2000-01-01')`, cast: 'integer', nullable: false }, direction: 'ASC' }],
  { key: 'id', sql: 'r.id', cast: 'bigint', nullable: false },
);

/** The identifiers as stored: one sealed value while open, masks for good. */
export function sealIdentifiers(ids: SubjectIdentifiers): { sealed: string; masked: SubjectIdentifiers } {
  return {
    sealed: seal('subject_request.identifiers', JSON.stringify(ids)),
    masked: {
      subjectName: ids.subjectName == null ? null : mask('text', ids.subjectName),
      email: ids.email == null ? null : mask('email', ids.email),
      phone: ids.phone == null ? null : mask('phone', ids.phone),
      taxId: ids.taxId == null ? null : mask('identifier', ids.taxId),
    },
  };
}

export function openIdentifiers(record: SubjectRequestRecord): SubjectIdentifiers | null {
  return record.identifiers == null ? null : (JSON.parse(open('subject_request.identifiers', record.identifiers, `subject request ${idForClient('SubjectRequest', record.id)}`)) as SubjectIdentifiers);
}

export async function findRequest(sql: SqlExecutor, id: string, lock = false): Promise<SubjectRequestRecord | undefined> {
  if (!isBigintId(id)) return undefined;
  return sql.one<SubjectRequestRecord>(`select ${REQUEST_COLUMNS} from subject_request r where r.id = $1::bigint ${lock ? 'for update' : ''}`, [id]);
}

export interface RequestListFilter {
  status?: SubjectRequestStatus[] | null;
  overdue?: boolean | null;
}

/** By due date, the next deadline first (subject_request_status_due_idx / _due_idx). */
export async function findRequestPage(sql: SqlExecutor, filter: RequestListFilter | null | undefined, args: PageArgs, maxPageSize: number) {
  const plan = planPage(args, ORDER, maxPageSize);
  const params = new Params();
  const where: string[] = [];
  if (filter?.status?.length) where.push(`r.status = any(${params.add(filter.status, 'text[]')})`);
  if (filter?.overdue === true) where.push(`r.status in ('OPEN', 'IN_PROGRESS') and r.due_on < current_date`);
  if (filter?.overdue === false) where.push(`not (r.status in ('OPEN', 'IN_PROGRESS') and r.due_on < current_date)`);
  const countWhere = where.length ? where.join(' and ') : 'true';
  const countParams = [...params.values];
  const clause = pageClauses(plan, ORDER, where, params);
  const rows = await sql.query<SubjectRequestRecord & { __keys: (string | null)[] }>(
    `select ${REQUEST_COLUMNS}, ${ORDER.keysSelect()} from subject_request r where ${clause.where}
      order by ${clause.orderBy} limit ${clause.limit} offset ${clause.offset}`,
    params.values,
  );
  let counted: Promise<number> | undefined;
  return {
    page: toPage(rows, plan, ORDER) as Page<SubjectRequestRecord>,
    count: () => (counted ??= sql.one<{ n: number }>(`select count(*)::int as n from subject_request r where ${countWhere}`, countParams).then((r) => r?.n ?? 0)),
  };
}

export interface NewStep {
  action: SubjectRequestStepAction;
  actorId: string | null;
  customerId?: string | null;
  customerCode?: string | null;
  jobId?: string | null;
  fields?: string[];
}

export async function addStep(sql: SqlExecutor, requestId: string, step: NewStep): Promise<void> {
  await sql.query(
    `insert into subject_request_step (request_id, actor_id, action, customer_id, customer_code, job_id, fields)
     values ($1::bigint, $2::bigint, $3, $4::bigint, $5, $6::bigint, $7::text[])`,
    [requestId, step.actorId, step.action, step.customerId ?? null, step.customerCode ?? null, step.jobId ?? null, step.fields ?? []],
  );
}

export const STEP_COLUMNS = `s.id::text as id, s.request_id::text as "requestId", s.at, s.actor_id::text as "actorId", s.action,
  s.customer_id::text as "customerId", s.customer_code as "customerCode", s.job_id::text as "jobId", s.fields`;

export async function stepsOf(sql: SqlExecutor, requestIds: readonly string[]): Promise<SubjectRequestStepRecord[]> {
  return sql.query<SubjectRequestStepRecord>(
    `select ${STEP_COLUMNS} from subject_request_step s where s.request_id = any($1::bigint[]) order by s.request_id, s.id`,
    [requestIds.filter(isBigintId)],
  );
}

/** Open → in progress on the first thing done; closed requests are refused before this. */
export async function markInProgress(sql: SqlExecutor, id: string): Promise<void> {
  await sql.query(`update subject_request set status = 'IN_PROGRESS' where id = $1::bigint and status = 'OPEN'`, [id]);
}

export const isOpen = (record: SubjectRequestRecord) => OPEN_STATUSES.includes(record.status);

export interface MatchedCustomer {
  customerId: string;
  code: string;
  name: string;
  status: string;
  archived: boolean;
  matchedBy: SubjectMatchReason[];
}

/**
 * Customer records (both stores) about the subject: those an email, phone or tax id
 * matches under the keys duplicate detection compares (custos_email_key,
 * custos_phone_key, the tax id's blind index under every key of the ring), then every
 * record a merge in force joins to one of them, in either direction. A name never
 * matches alone; when given, it is reported where it agrees.
 */
export async function matchCustomers(sql: SqlExecutor, ids: SubjectIdentifiers): Promise<MatchedCustomer[]> {
  const hashes = ids.taxId ? taxIdLookupHashes(ids.taxId) : [];
  const args = [ids.email, ids.phone, hashes, ids.subjectName];
  const select = (table: string, archived: boolean) => `
    select c.id::text as "customerId", c.code, c.name, ${archived ? `'ARCHIVED'` : 'c.status'} as status, ${archived} as archived,
           array_remove(array[
             case when custos_email_key(c.email) = custos_email_key($1::text) then 'EMAIL' end,
             case when custos_phone_key(c.phone) = custos_phone_key($2::text) then 'PHONE' end,
             case when c.tax_id_hash = any($3::bytea[]) then 'TAX_ID' end,
             case when custos_name_key(c.name) = custos_name_key($4::text) then 'NAME' end], null) as "matchedBy"
      from ${table} c
     where custos_email_key(c.email) = custos_email_key($1::text) or custos_phone_key(c.phone) = custos_phone_key($2::text)
        or c.tax_id_hash = any($3::bytea[])`;
  const direct = await sql.query<MatchedCustomer>(`${select('customer', false)} union all ${select('archive.customer', true)}`, args);
  const found = new Map(direct.map((m) => [m.customerId, m]));
  const joined = await mergedWith(sql, [...found.keys()]);
  const extra = joined.filter((id) => !found.has(id));
  if (extra.length) {
    const rows = await sql.query<MatchedCustomer>(
      `select c.id::text as "customerId", c.code, c.name, c.status, false as archived, array['MERGE'] as "matchedBy" from customer c where c.id = any($1::bigint[])
       union all
       select c.id::text, c.code, c.name, 'ARCHIVED', true, array['MERGE'] from archive.customer c where c.id = any($1::bigint[])`,
      [extra],
    );
    for (const row of rows) found.set(row.customerId, row);
  }
  return [...found.values()].sort((a, b) => (BigInt(a.customerId) < BigInt(b.customerId) ? -1 : 1));
}

/** Every customer a chain of merges in force joins to these, these included. */
async function mergedWith(sql: SqlExecutor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await sql.query<{ id: string }>(
    `with recursive g(id) as (
       select unnest($1::bigint[])
       union
       select x.id from g, lateral (
         select m.survivor_id as id from customer_merge m where m.unmerged_at is null and m.merged_ids @> array[g.id]
         union all
         select unnest(m.merged_ids) from customer_merge m where m.unmerged_at is null and m.survivor_id = g.id) x)
     select g.id::text as id from g order by g.id`,
    [ids],
  );
  return rows.map((r) => r.id);
}
