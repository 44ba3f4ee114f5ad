import { invalidInput } from '../../common/domain-error.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { toIsoTimestamp } from '../../graphql/scalars.js';
import { assertWritable, customerRowOwner, requireAction, requireActor } from '../../policy/guard.js';
import { Action, CUSTOMER_WRITABLE } from '../../policy/policy.js';
import type { Role } from '../../policy/role.js';
import { guardRecordValue } from '../../policy/value-guard.js';
import { getArchivedCustomer } from '../archive/archive.service.js';
import type { ArchivedCustomerRecord } from '../archive/archive.record.js';
import { customerNotEditable } from '../customer/customer.errors.js';
import { archivedIds, lockCustomers, requireTransition } from '../customer/customer.lifecycle.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { getCustomer } from '../customer/customer.service.js';
import { writeCustomer, type CustomerChanges } from '../customer/customer.store.js';
import { historyEntryNotFound, nothingToRevert, notRevertible } from './history.errors.js';
import type { RevertCustomerInput } from './history.inputs.js';
import { changedKeys, openState, REVERTIBLE_KEYS, STATE_FIELDS, type CustomerState } from './history.state.js';
import { readEvents, readEventStates, readStateAt, readStates, type EventRow, type StateRow } from './history.store.js';
import { CustomerStore, type CustomerFieldChange, type CustomerHistoryEntryRecord } from './history.type.js';

/**
 * History, time travel and revert of one customer (issue 21). States come from
 * customer_history (kept by triggers beside every change, see the migration), the who,
 * when and why from the audit event that claimed each state. Values leave under the
 * field guards of the record as the caller reads it now, so history shows nothing the
 * record would not.
 */

type RecordType = 'Customer' | 'ArchivedCustomer';

interface Readable {
  typeName: RecordType;
  record: CustomerRecord | ArchivedCustomerRecord;
}

/** The customer as the caller may read it now: live, or archived (FORBIDDEN for roles
 * that may not read the archive), or null when it does not exist for the caller. */
async function readable(ctx: RequestContext, id: string): Promise<Readable | null> {
  const live = await getCustomer(ctx, id);
  if (live) return { typeName: 'Customer', record: live };
  if (!(await archivedIds(ctx.sql, [id], customerRowOwner(ctx))).has(id)) return null;
  const archived = await getArchivedCustomer(ctx, id);
  return archived ? { typeName: 'ArchivedCustomer', record: archived } : null;
}

function fieldChange(
  ctx: RequestContext,
  target: Readable,
  key: string,
  values: { from: unknown; to: unknown },
  revertible: boolean,
): CustomerFieldChange {
  const from = guardRecordValue(ctx, target.typeName, key, target.record.id, values.from);
  const to = guardRecordValue(ctx, target.typeName, key, target.record.id, values.to);
  return { field: key, from: from.value, to: to.value, hidden: from.hidden || to.hidden, revertible: revertible && !to.hidden };
}

function revertibleBy(role: Role, target: Readable, key: string): boolean {
  return target.typeName === 'Customer' && REVERTIBLE_KEYS.includes(key) && CUSTOMER_WRITABLE[role].includes(key);
}

function keptEntry(
  ctx: RequestContext,
  target: Readable,
  row: StateRow,
  before: CustomerState | null,
  event: EventRow | undefined,
): CustomerHistoryEntryRecord {
  const after = openState(target.record.id, row.state);
  const role = requireActor(ctx).role;
  return {
    id: event ? event.seq : `state:${row.id}`,
    seq: event?.seq ?? null,
    at: event?.at ?? row.at,
    action: event?.action ?? (row.seq === '0' ? 'HISTORY_STARTED' : 'UNRECORDED_CHANGE'),
    actorId: event?.actorId ?? null,
    actorRole: (event?.actorRole as Role | null) ?? null,
    reason: event?.reason ?? null,
    store: row.store as CustomerStore,
    version: after.version,
    valuesKept: true,
    changes: changedKeys(before, after).map((key) =>
      fieldChange(ctx, target, key, { from: before?.values[key] ?? null, to: after.values[key] }, !!event && !!before && revertibleBy(role, target, key)),
    ),
  };
}

/** An event older than kept history: its values are the audit log's own (masked there). */
function loggedEntry(ctx: RequestContext, target: Readable, event: EventRow): CustomerHistoryEntryRecord {
  const keys = new Set(Object.values(STATE_FIELDS));
  const changes = Object.entries(event.changes)
    .filter(([key, change]) => keys.has(key) && change !== null && typeof change === 'object')
    .map(([key, change]) => {
      const { from = null, to = null } = change as { from?: unknown; to?: unknown };
      return fieldChange(ctx, target, key, { from, to }, false);
    });
  return {
    id: event.seq, seq: event.seq, at: event.at, action: event.action, actorId: event.actorId, actorRole: event.actorRole as Role | null,
    reason: event.reason, store: null, version: null, valuesKept: false, changes,
  };
}

/** Microseconds since the epoch of a PostgreSQL timestamp (Date keeps milliseconds only). */
function micros(at: string): number {
  const iso = toIsoTimestamp(at);
  return Date.parse(iso) * 1000 + Number(/\.\d{3}(\d{3})/.exec(iso)![1]);
}

/** Every step of the customer's life, oldest first. */
export async function customerHistory(ctx: RequestContext, id: string): Promise<CustomerHistoryEntryRecord[] | null> {
  const target = await readable(ctx, id);
  if (!target) return null;
  const [states, events] = await Promise.all([readStates(ctx.sql, id), readEvents(ctx.sql, id)]);
  const claimed = new Map<string, number>();
  states.forEach((row, index) => {
    if (row.seq && row.seq !== '0' && !claimed.has(row.seq)) claimed.set(row.seq, index);
  });
  const entries: { order: [string, number]; entry: CustomerHistoryEntryRecord }[] = [];
  const opened = states.map((row) => openState(id, row.state));
  states.forEach((row, index) => {
    const event = row.seq && row.seq !== '0' ? events.find((e) => e.seq === row.seq) : undefined;
    if (row.seq && row.seq !== '0' && (!event || claimed.get(row.seq) !== index)) return;
    const entry = keptEntry(ctx, target, row, index > 0 ? opened[index - 1]! : null, event);
    entries.push({ order: [entry.at, index], entry });
  });
  for (const event of events) {
    if (!claimed.has(event.seq)) entries.push({ order: [event.at, -1], entry: loggedEntry(ctx, target, event) });
  }
  return entries
    .sort((a, b) => micros(a.order[0]) - micros(b.order[0]) || Number(a.entry.seq ?? 0) - Number(b.entry.seq ?? 0) || a.order[1] - b.order[1])
    .map((e) => e.entry);
}

function withState<T extends CustomerRecord>(record: T, state: CustomerState): T {
  return {
    ...record,
    ...(state.values as Partial<T>),
    version: state.version ?? record.version,
    createdAt: state.createdAt ?? record.createdAt,
    updatedAt: state.updatedAt ?? record.updatedAt,
  };
}

/** A live customer as it was at `at`; null when it is not live and visible now, or had no kept state then. */
export async function customerAsOf(ctx: RequestContext, id: string, at: string): Promise<CustomerRecord | null> {
  const live = await getCustomer(ctx, id);
  if (!live) return null;
  const row = await readStateAt(ctx.sql, id, at);
  return row ? withState(live, openState(id, row.state)) : null;
}

/** An archived customer as it was at `at` (the archive fields describe its current archiving). */
export async function archivedCustomerAsOf(ctx: RequestContext, id: string, at: string): Promise<ArchivedCustomerRecord | null> {
  const archived = await getArchivedCustomer(ctx, id);
  if (!archived) return null;
  const row = await readStateAt(ctx.sql, id, at);
  if (!row) return null;
  const state = openState(id, row.state);
  return { ...withState(archived, state), previousStatus: state.previousStatus ?? archived.previousStatus, legalHold: Boolean(state.values.legalHold) };
}

/**
 * Puts back the values a history entry replaced, through the one customer write path:
 * the version read is checked, a role may revert only fields it may write, and the
 * revert is one CUSTOMER_REVERTED event naming the entry.
 */
export async function revertCustomer(ctx: RequestContext, input: RevertCustomerInput): Promise<{ customer: CustomerRecord; revertedFields: string[] }> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_UPDATE);
  if (!/^[1-9][0-9]{0,17}$/.test(input.seq)) throw invalidInput([{ field: 'seq', message: 'must be a history entry number' }]);
  const named = input.fields?.length ? [...new Set(input.fields)] : null;
  const unknown = named?.filter((f) => !REVERTIBLE_KEYS.includes(f)) ?? [];
  if (unknown.length) throw notRevertible(unknown);
  const owner = customerRowOwner(ctx);
  return inTransaction(ctx, async (tx) => {
    const locked = await lockCustomers(tx, [input.id], owner);
    const current = requireTransition('edit', input.id, locked, input.version, customerNotEditable);
    const { before, after } = await readEventStates(tx.sql, input.id, input.seq);
    if (!before || !after) throw historyEntryNotFound(input.seq);
    const previous = openState(input.id, before.state);
    const keys = named ?? changedKeys(previous, openState(input.id, after.state)).filter((k) => REVERTIBLE_KEYS.includes(k));
    if (keys.length === 0) throw nothingToRevert();
    const changes = Object.fromEntries(keys.map((k) => [k, previous.values[k] ?? null])) as CustomerChanges;
    assertWritable(actor.role, CUSTOMER_WRITABLE, changes);
    // A stage put back by a person is a person's choice, as when edited.
    if (changes.lifecycleStage !== undefined) changes.stageOverride = true;
    const write = await writeCustomer(
      tx,
      { before: current, changes },
      { audit: { action: 'CUSTOMER_REVERTED', reason: input.reason.trim(), extra: () => ({ revertedSeq: { to: input.seq } }) } },
    );
    return { customer: write.after, revertedFields: keys };
  });
}
