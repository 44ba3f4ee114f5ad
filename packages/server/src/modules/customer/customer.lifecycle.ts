import type { SqlExecutor } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { CustomerStatus } from './customer.enums.js';
import { customerNotFound, customerVersionConflict, invalidTransition } from './customer.errors.js';
import { customerNotFoundFailure, stateFailure, type LifecycleFailureRecord } from './customer.failures.js';
import { validIds } from './customer.reader.js';
import { readForWrite, type StoredCustomer } from './customer.store.js';
import { idForClient } from '../../common/client-id.js';

/**
 * The customer lifecycle (DESIGN.md, Records and their states) in one table, and the one
 * way to lock customers before changing them. Every service that changes a customer's
 * state or fields asks `allows` (or `statusCondition` for set-based SQL) and locks with
 * `lockCustomers` / `locateCustomer`, so the rules cannot drift apart between features.
 *
 *   ACTIVE --void--> VOID --unvoid--> ACTIVE
 *   ACTIVE|VOID --archive--> ARCHIVED --restore--> the status it had
 *   ACTIVE --merge--> MERGED --unmerge--> ACTIVE
 *   VOID|ARCHIVED --purge--> (gone)
 */

/** Past the last state: the customer no longer exists in either store. */
export const PURGED = 'PURGED' as const;
export type CustomerState = CustomerStatus | typeof PURGED;

export type LifecycleVerb =
  /** Field changes by people: update, tags, data-quality fixes, stage classification. */
  | 'edit'
  /** Rewrites that keep stored values canonical (normalization, tag rename/delete). */
  | 'maintain'
  | 'void'
  | 'unvoid'
  | 'archive'
  | 'restore'
  | 'merge'
  | 'unmerge'
  | 'purge'
  /** Legal duties that reach every stored customer: erasure, legal hold. */
  | 'comply';

interface TransitionRule {
  from: readonly CustomerStatus[];
  /** `UNCHANGED`: the status stays; `AS_ARCHIVED`: back to the status kept in the archive row. */
  to: CustomerState | 'UNCHANGED' | 'AS_ARCHIVED';
}

const { ACTIVE, VOID, ARCHIVED, MERGED } = CustomerStatus;

export const TRANSITIONS: Readonly<Record<LifecycleVerb, TransitionRule>> = {
  edit: { from: [ACTIVE], to: 'UNCHANGED' },
  // MERGED rows stay as their merge's snapshot expects (unmerge restores them exactly).
  maintain: { from: [ACTIVE, VOID], to: 'UNCHANGED' },
  void: { from: [ACTIVE], to: VOID },
  unvoid: { from: [VOID], to: ACTIVE },
  archive: { from: [ACTIVE, VOID], to: ARCHIVED },
  restore: { from: [ARCHIVED], to: 'AS_ARCHIVED' },
  merge: { from: [ACTIVE], to: MERGED },
  unmerge: { from: [MERGED], to: ACTIVE },
  purge: { from: [VOID, ARCHIVED], to: PURGED },
  comply: { from: [ACTIVE, VOID, ARCHIVED, MERGED], to: 'UNCHANGED' },
};

export function allows(verb: LifecycleVerb, status: string): boolean {
  return (TRANSITIONS[verb].from as readonly string[]).includes(status);
}

/** The rule as SQL on a live customer alias, for set-based writes. */
export function statusCondition(verb: LifecycleVerb, alias = 'c'): string {
  const live = TRANSITIONS[verb].from.filter((s) => s !== ARCHIVED);
  return live.length === 1 ? `${alias}.status = '${live[0]}'` : `${alias}.status in (${live.map((s) => `'${s}'`).join(', ')})`;
}

/** Archived customers among `ids` (within `ownerId`'s rows when given): the one place that
 * answers "is it archived?" for callers that did not find a customer live. */
export async function archivedIds(sql: SqlExecutor, ids: readonly string[], ownerId?: string | null): Promise<Set<string>> {
  const valid = validIds(ids);
  if (valid.length === 0) return new Set();
  const rows = await sql.query<{ id: string }>(
    `select a.id::text as id from archive.customer a where a.id = any($1::bigint[]) and ($2::bigint is null or a.owner_id = $2::bigint)`,
    [valid, ownerId ?? null],
  );
  return new Set(rows.map((r) => r.id));
}

/** The state of each customer found (live status, or ARCHIVED), without locking. */
export async function customerStates(sql: SqlExecutor, ids: readonly string[], ownerId?: string | null): Promise<Map<string, string>> {
  const valid = validIds(ids);
  if (valid.length === 0) return new Map();
  const live = await sql.query<{ id: string; status: string }>(
    `select c.id::text as id, c.status from customer c where c.id = any($1::bigint[]) and ($2::bigint is null or c.owner_id = $2::bigint)`,
    [valid, ownerId ?? null],
  );
  const states = new Map(live.map((r) => [r.id, r.status]));
  for (const id of await archivedIds(sql, valid.filter((id) => !states.has(id)), ownerId)) states.set(id, ARCHIVED);
  return states;
}

/** Live customers locked for a change, and which of the others are archived. */
export interface LockedCustomers {
  live: Map<string, StoredCustomer>;
  archived: Set<string>;
}

/**
 * Locks the live customers in id order (so two changes of overlapping sets queue rather
 * than deadlock) and reads them as they are now. With `ownerId`, another owner's customer
 * reads as missing, exactly like one that does not exist.
 */
export async function lockCustomers(tx: RequestContext, ids: readonly string[], ownerId?: string | null): Promise<LockedCustomers> {
  const valid = [...new Set(validIds(ids))];
  const rows = await readForWrite(tx.sql, valid, ownerId);
  const live = new Map(rows.map((r) => [r.id, r]));
  const missing = valid.filter((id) => !live.has(id));
  return { live, archived: missing.length ? await archivedIds(tx.sql, missing, ownerId) : new Set() };
}

export type TransitionCheck =
  | { ok: true; customer: StoredCustomer }
  | { ok: false; failure: LifecycleFailureRecord; status: string | null; reason: 'NOT_FOUND' | 'VERSION' | 'STATE' };

/** Whether `verb` may change customer `id` as locked: found (live), at the version the
 * caller read (when given), and in a state the verb starts from. */
export function checkTransition(verb: LifecycleVerb, id: string, locked: LockedCustomers, version?: number | null): TransitionCheck {
  const customer = locked.live.get(id);
  if (!customer) {
    if (locked.archived.has(id)) return { ok: false, failure: stateFailure(id, verb, ARCHIVED), status: ARCHIVED, reason: 'STATE' };
    return { ok: false, failure: customerNotFoundFailure(id), status: null, reason: 'NOT_FOUND' };
  }
  if (version != null && customer.version !== version) {
    return { ok: false, failure: { id, code: 'CONFLICT', message: `Customer ${idForClient('Customer', id)} changed since it was read` }, status: customer.status, reason: 'VERSION' };
  }
  if (!allows(verb, customer.status)) return { ok: false, failure: stateFailure(id, verb, customer.status), status: customer.status, reason: 'STATE' };
  return { ok: true, customer };
}

/** The single-customer form: the check's outcome as the error a single mutation reports
 * (`notAllowed` chooses the error for a state the verb does not start from). */
export function requireTransition(
  verb: LifecycleVerb,
  id: string,
  locked: LockedCustomers,
  version: number | null | undefined,
  notAllowed: (status: string) => Error = (status) => invalidTransition(verb, status),
): StoredCustomer {
  const check = checkTransition(verb, id, locked, version);
  if (check.ok) return check.customer;
  if (check.reason === 'NOT_FOUND') throw customerNotFound(id);
  if (check.reason === 'VERSION') throw customerVersionConflict();
  throw notAllowed(check.status!);
}

export type Store = 'LIVE' | 'ARCHIVE';

export interface Located {
  id: string;
  code: string;
  status: string;
  legalHold: boolean;
  store: Store;
}

/**
 * Finds a customer in either store and locks its row. A move that commits meanwhile can
 * hide it from both reads: the live read comes before a restore commits, the archive read
 * waits for the restore's lock and then finds the row gone. Each statement sees what was
 * committed when it started (READ COMMITTED), so looking again finds the customer where
 * it went; callers then decide on its new store and status.
 */
export async function locateCustomer(tx: RequestContext, id: string): Promise<Located | undefined> {
  if (validIds([id]).length === 0) return undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const [live] = await tx.sql.query<Located>(
      `select id::text, code, status, legal_hold as "legalHold", 'LIVE' as store from customer where id = $1::bigint for update`,
      [id],
    );
    if (live) return live;
    const [archived] = await tx.sql.query<Located>(
      `select id::text, code, 'ARCHIVED' as status, legal_hold as "legalHold", 'ARCHIVE' as store
         from archive.customer where id = $1::bigint for update`,
      [id],
    );
    if (archived) return archived;
    const [moved] = await tx.sql.query(
      `select 1 from customer where id = $1::bigint union all select 1 from archive.customer where id = $1::bigint`,
      [id],
    );
    if (!moved) return undefined;
  }
  return undefined;
}
