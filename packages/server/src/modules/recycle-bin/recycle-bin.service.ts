import { inTransaction, type RequestContext } from '../../core/context.js';
import { invalidInput } from '../../common/domain-error.js';
import { requireAction } from '../../policy/guard.js';
import { FourEyesOperation, requireFourEyes } from '../../policy/four-eyes.js';
import { Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import type { PurgeCustomerInput } from '../archive/archive.inputs.js';
import { exportRows, guardExport, lockPurgeable, purgeRows } from '../archive/purge.service.js';
import { allows, locateCustomer, type Located } from '../customer/customer.lifecycle.js';
import { purgeAlreadyScheduled, purgeNotScheduled } from './recycle-bin.errors.js';
import { SCHEDULE_COLUMNS, type ScheduledPurgeRecord } from './recycle-bin.record.js';
import type { CancelScheduledPurgeInput } from './recycle-bin.type.js';

/**
 * The recycle bin (issue 21 part 3). A purge is scheduled PURGE_DELAY_DAYS ahead and can
 * be cancelled until then; the retention sweep carries out those past their date (under
 * the same checks as at scheduling: status, legal hold) and keeps each one's export on its
 * row for PURGE_EXPORT_KEEP_DAYS. Purging at once needs an approved four-eyes request
 * (PURGE_NOW, modules/approval), which lands here as `purgeNow`.
 */

/** purgeCustomer: puts the customer in the recycle bin. */
export async function purgeCustomer(ctx: RequestContext, input: PurgeCustomerInput): Promise<{ scheduledPurge: ScheduledPurgeRecord }> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_PURGE);
  return inTransaction(ctx, async (tx) => {
    const found = await lockPurgeable(tx, input);
    const reason = input.reason.trim();
    const row = await tx.sql.one<ScheduledPurgeRecord>(
      `insert into purge_schedule as s (customer_id, code, reason, scheduled_by, due_at)
       values ($1::bigint, $2, $3, $4::bigint, now() + make_interval(days => $5::int))
       on conflict (customer_id) where state = 'SCHEDULED' do nothing
       returning ${SCHEDULE_COLUMNS}`,
      [found.id, found.code, reason, actor.userId, tx.config.PURGE_DELAY_DAYS],
    );
    if (!row) {
      const waiting = await tx.sql.one<{ dueAt: string }>(
        `select due_at as "dueAt" from purge_schedule where customer_id = $1::bigint and state = 'SCHEDULED'`,
        [found.id],
      );
      throw purgeAlreadyScheduled(found.id, waiting?.dueAt ?? '');
    }
    await recordAudit(tx, {
      action: 'CUSTOMER_PURGE_SCHEDULED',
      entityType: 'ScheduledPurge',
      entityId: row.id,
      reason,
      changes: { customerId: { to: found.id }, code: { to: found.code }, state: { to: 'SCHEDULED' }, dueAt: { to: row.dueAt } },
    });
    return { scheduledPurge: row };
  });
}

/** cancelScheduledPurge: the customer stays; only a waiting purge can be cancelled. */
export async function cancelScheduledPurge(ctx: RequestContext, input: CancelScheduledPurgeInput): Promise<{ scheduledPurge: ScheduledPurgeRecord }> {
  const { actor } = requireAction(ctx, Action.CUSTOMER_PURGE);
  if (!/^\d{1,18}$/.test(input.id)) throw purgeNotScheduled(input.id);
  return inTransaction(ctx, async (tx) => {
    const reason = input.reason.trim();
    const row = await cancel(tx, input.id, actor.userId, reason);
    if (!row) throw purgeNotScheduled(input.id);
    return { scheduledPurge: row };
  });
}

async function cancel(tx: RequestContext, id: string, by: string | null, reason: string): Promise<ScheduledPurgeRecord | undefined> {
  const row = await tx.sql.one<ScheduledPurgeRecord>(
    `update purge_schedule s set state = 'CANCELLED', cancelled_by = $2::bigint, cancelled_at = now(), cancel_reason = $3
      where s.id = $1::bigint and s.state = 'SCHEDULED'
      returning ${SCHEDULE_COLUMNS}`,
    [id, by, reason],
  );
  if (row) {
    await recordAudit(tx, {
      action: 'CUSTOMER_PURGE_CANCELLED',
      entityType: 'ScheduledPurge',
      entityId: row.id,
      reason,
      changes: { customerId: { to: row.customerId }, state: { from: 'SCHEDULED', to: 'CANCELLED' } },
    });
  }
  return row;
}

const MAX_PAGE = 200;

/** scheduledPurges: the bin, one state at a time, with the count of each state. */
export async function listScheduledPurges(
  ctx: RequestContext,
  state: ScheduledPurgeRecord['state'],
  first: number,
): Promise<{ nodes: ScheduledPurgeRecord[]; scheduledCount: number; cancelledCount: number; purgedCount: number }> {
  requireAction(ctx, Action.CUSTOMER_PURGE);
  if (first < 1 || first > MAX_PAGE) throw invalidInput([{ field: 'first', message: `must be between 1 and ${MAX_PAGE}` }]);
  const order = state === 'SCHEDULED' ? 's.due_at, s.id' : state === 'PURGED' ? 's.purged_at desc, s.id desc' : 's.cancelled_at desc, s.id desc';
  const nodes = await ctx.sql.query<ScheduledPurgeRecord>(
    `select ${SCHEDULE_COLUMNS} from purge_schedule s where s.state = $1 order by ${order} limit $2`,
    [state, first],
  );
  const counts = await ctx.sql.one<{ scheduled: number; cancelled: number; purged: number }>(
    `select count(*) filter (where state = 'SCHEDULED')::int as scheduled, count(*) filter (where state = 'CANCELLED')::int as cancelled,
            count(*) filter (where state = 'PURGED')::int as purged
       from purge_schedule`,
  );
  return { nodes, scheduledCount: counts!.scheduled, cancelledCount: counts!.cancelled, purgedCount: counts!.purged };
}

/** A carried-out purge's export, under the reader's field guards (like purge's payload was). */
export function scheduledPurgeExport(ctx: RequestContext, row: ScheduledPurgeRecord): Record<string, unknown> | null {
  const { actor } = requireAction(ctx, Action.CUSTOMER_PURGE);
  return row.export ? guardExport(actor.role, row.export) : null;
}

/**
 * Purges the customers now and files each purge in the bin as PURGED with its export: the
 * waiting row when there is one, else a new (urgent) row. Callers have locked and checked
 * them.
 */
async function carryOut(
  tx: RequestContext,
  customers: readonly (Located & { reason: string })[],
  urgent: { approvalRequestId: string; by: string } | null,
): Promise<void> {
  if (!customers.length) return;
  const ids = customers.map((c) => c.id);
  const exported = await exportRows(tx, ids);
  for (const reason of new Set(customers.map((c) => c.reason))) {
    await purgeRows(tx, customers.filter((c) => c.reason === reason), reason);
  }
  await tx.sql.query(
    `with x as (select * from unnest($1::bigint[], $2::jsonb[]) as x(id, export)),
          waiting as (
            update purge_schedule s set state = 'PURGED', purged_at = now(), export = x.export,
                   urgent = s.urgent or $3::bigint is not null, approval_request_id = coalesce($3::bigint, s.approval_request_id)
              from x where s.customer_id = x.id and s.state = 'SCHEDULED'
            returning s.customer_id)
     insert into purge_schedule (customer_id, code, reason, state, scheduled_by, due_at, urgent, approval_request_id, purged_at, export)
     select x.id, c.code, c.reason, 'PURGED', $4::bigint, now(), true, $3::bigint, now(), x.export
       from x join unnest($5::bigint[], $6::text[], $7::text[]) as c(id, code, reason) on c.id = x.id
      where x.id not in (select customer_id from waiting)`,
    [
      ids,
      ids.map((id) => JSON.stringify(exported.get(id) ?? {})),
      urgent?.approvalRequestId ?? null,
      urgent?.by ?? null,
      ids,
      customers.map((c) => c.code),
      customers.map((c) => c.reason),
    ],
  );
}

/** The run of an approved PURGE_NOW request (modules/approval): the bin's countdown skipped. */
export async function purgeNow(tx: RequestContext, input: PurgeCustomerInput): Promise<{ customerId: string; code: string }> {
  const { actor } = requireAction(tx, Action.CUSTOMER_PURGE);
  requireFourEyes(tx, FourEyesOperation.PURGE_NOW);
  const found = await lockPurgeable(tx, input);
  await carryOut(tx, [{ ...found, reason: input.reason.trim() }], { approvalRequestId: tx.approval!.requestId, by: actor.userId });
  return { customerId: found.id, code: found.code };
}

/** What a purge would remove, for a request's preview. */
export async function purgePreview(tx: RequestContext, input: PurgeCustomerInput): Promise<{ customers: number; interactions: number }> {
  const found = await lockPurgeable(tx, input);
  const row = await tx.sql.one<{ n: number }>(
    `select ((select count(*) from interaction where customer_id = $1::bigint) +
             (select count(*) from archive.interaction where customer_id = $1::bigint))::int as n`,
    [found.id],
  );
  return { customers: 1, interactions: row!.n };
}

/** Waiting purges due by `asOf`. */
export async function countDuePurges(tx: RequestContext, asOf: string): Promise<number> {
  const row = await tx.sql.one<{ n: number }>(
    `select count(*)::int as n from purge_schedule s where s.state = 'SCHEDULED' and s.due_at <= $1::timestamptz`,
    [asOf],
  );
  return row!.n;
}

/**
 * One batch of the retention sweep's recycle-bin phase: carries out waiting purges due by
 * `asOf` with ids after `afterId`. Each is checked again under its row lock: a customer that
 * is gone or no longer purgeable (restored to ACTIVE, unvoided) has its purge cancelled by
 * the system; one under legal hold waits (the next sweep looks again).
 */
export async function purgeDue(
  tx: RequestContext,
  asOf: string,
  afterId: string,
  limit: number,
): Promise<{ lastId: string; seen: number; purged: number; cancelled: number; held: number }> {
  const due = await tx.sql.query<{ id: string; customerId: string; reason: string }>(
    `select s.id::text, s.customer_id::text as "customerId", s.reason from purge_schedule s
      where s.state = 'SCHEDULED' and s.due_at <= $1::timestamptz and s.id > $2::bigint
      order by s.id limit $3 for update of s`,
    [asOf, afterId, limit],
  );
  const purgeable: (Located & { reason: string })[] = [];
  let cancelled = 0;
  let held = 0;
  for (const entry of due) {
    const found = await locateCustomer(tx, entry.customerId);
    if (!found || !allows('purge', found.status)) {
      await cancel(tx, entry.id, null, found ? `the customer is ${found.status} now` : 'the customer no longer exists');
      cancelled += 1;
    } else if (found.legalHold) held += 1;
    else purgeable.push({ ...found, reason: entry.reason });
  }
  await carryOut(tx, purgeable, null);
  return { lastId: due.at(-1)?.id ?? afterId, seen: due.length, purged: purgeable.length, cancelled, held };
}

/** Drops the exports of purges carried out more than PURGE_EXPORT_KEEP_DAYS before `asOf`. */
export async function dropOldExports(tx: RequestContext, asOf: string): Promise<number> {
  const rows = await tx.sql.query(
    `update purge_schedule set export = null
      where export is not null and purged_at < $1::timestamptz - make_interval(days => $2::int) returning id`,
    [asOf, tx.config.PURGE_EXPORT_KEEP_DAYS],
  );
  return rows.length;
}
