import { invalidInput } from '../../common/domain-error.js';
import { isBigintId } from '../../db/keyset.js';
import { SqlExecutor } from '../../db/sql.js';
import { LoaderRegistry, type ChangeFeed, type RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { customerByIdLoader } from '../customer/customer.loaders.js';
import { authenticate } from '../identity/auth.service.js';
import { FINISHED_STATES } from '../job/job.enums.js';
import { jobNotFound } from '../job/job.errors.js';
import { findJob } from '../job/job.queue.js';
import type { JobRecord } from '../job/job.record.js';
import { LiveStream } from './live.stream.js';
import { CustomerChangeKind, type CustomerChangeRecord } from './live.type.js';

/**
 * What subscribers receive, under the rules every read follows. Each event is made in a
 * fresh context: the caller's session is confirmed again (a disabled user, a revoked
 * session or a narrower role takes effect at the next event), the records are read anew
 * through the ordinary readers (row rules), and the field guards apply when the event is
 * executed. A stream that can no longer be served ends with that error as its last event.
 */

/** An event, or the error that ends the stream (thrown where the event is resolved, so
 * the client gets it as a GraphQL error with its code, then the end of the stream). */
export type LiveEvent<T> = T | Error;

export function unwrapEvent<T>(event: LiveEvent<T>): T {
  if (event instanceof Error) throw event;
  return event;
}

function liveFeed(ctx: RequestContext): ChangeFeed {
  if (!ctx.live) throw new Error('subscriptions are served over WebSocket (graphql-ws) only');
  return ctx.live;
}

/** A new read state for the next event, and the session confirmed again. */
async function renew(ctx: RequestContext): Promise<void> {
  ctx.em = ctx.em.fork();
  ctx.sql = new SqlExecutor(ctx.em, ctx.sql.stats);
  ctx.loaders = new LoaderRegistry();
  ctx.actor = null;
  await authenticate(ctx);
}

function stream<R, T>(expand: (raw: R) => Promise<LiveEvent<T>[]>): LiveStream<R, LiveEvent<T>> {
  const live: LiveStream<R, LiveEvent<T>> = new LiveStream(async (raw) => {
    try {
      return await expand(raw);
    } catch (error) {
      live.end();
      return [error instanceof Error ? error : new Error(String(error))];
    }
  });
  return live;
}

/** The job now, then every change of its state or progress; ends when it finishes. */
export async function jobUpdates(ctx: RequestContext, id: string): Promise<AsyncIterableIterator<LiveEvent<JobRecord>>> {
  requireAction(ctx, Action.JOB_READ);
  if (!isBigintId(id)) throw jobNotFound(id);
  let last: string | undefined;
  const deliver = (job: JobRecord): JobRecord[] => {
    const key = JSON.stringify([job.state, job.progressDone, job.progressTotal, job.cancelRequested]);
    if (key === last) return [];
    last = key;
    if (FINISHED_STATES.includes(job.state)) events.end();
    return [job];
  };
  const events = stream<'changed', JobRecord>(async () => {
    await renew(ctx);
    requireAction(ctx, Action.JOB_READ);
    const job = await findJob(ctx.sql, id);
    return job ? deliver(job) : [];
  });
  // Listening before the first read: a change committed after it is always heard.
  const live = liveFeed(ctx);
  events.onClose(await live.listen('job', (payload) => {
    if ((payload as { id?: unknown }).id === id) events.push('changed');
  }));
  events.onClose(live.onReconnect(() => events.push('changed')));
  const job = await findJob(ctx.sql, id);
  if (!job) {
    await events.return();
    throw jobNotFound(id);
  }
  for (const event of deliver(job)) events.emit(event);
  return events;
}

interface CustomerNotice {
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  /** [id, owner now, owner before] */
  rows: [string, string | null, string | null][];
}

/** Rows a caller owning `owner` (undefined: all rows) may hear of: its customers now or before. */
function audible(rows: CustomerNotice['rows'], owner: string | undefined, only: string | undefined): CustomerNotice['rows'] {
  return rows.filter(([id, now, before]) => (only === undefined || id === only) && (owner === undefined || now === owner || before === owner));
}

/**
 * Changes of the customers the caller may read (SALES: its own), or of one of them.
 * Created and updated customers come as they are now; one that left the caller's view
 * (archived, purged, given to another owner) as REMOVED with its id alone. Changes made
 * while the listener was reconnecting are not replayed: refetch after a reconnect.
 */
export async function customerChanges(ctx: RequestContext, id?: string | null): Promise<AsyncIterableIterator<LiveEvent<CustomerChangeRecord>>> {
  requireAction(ctx, Action.CUSTOMER_READ);
  if (id != null && !isBigintId(id)) throw invalidInput([{ field: 'id', message: 'must be a customer id' }]);
  const only = id ?? undefined;
  const ownerAtStart = customerRowOwner(ctx);
  const events = stream<CustomerNotice, CustomerChangeRecord>(async (notice) => {
    await renew(ctx);
    requireAction(ctx, Action.CUSTOMER_READ);
    const owner = customerRowOwner(ctx);
    const rows = audible(notice.rows, owner, only);
    if (notice.op === 'DELETE') return rows.map(([rowId]) => removed(rowId));
    const mine = rows.filter(([, now]) => owner === undefined || now === owner).map(([rowId]) => rowId);
    const loaded = new Map((await customerByIdLoader(ctx).loadMany(mine)).flatMap((c) => (c && !(c instanceof Error) ? [[c.id, c] as const] : [])));
    return rows.flatMap(([rowId, now]): CustomerChangeRecord[] => {
      if (owner !== undefined && now !== owner) return [removed(rowId)];
      const customer = loaded.get(rowId);
      // Gone or out of reach since the notice was sent: the change that did it follows.
      if (!customer) return [];
      return [{ kind: notice.op === 'INSERT' ? CustomerChangeKind.CREATED : CustomerChangeKind.UPDATED, id: rowId, customer }];
    });
  });
  events.onClose(await liveFeed(ctx).listen('customer', (payload) => {
    const notice = payload as CustomerNotice;
    if (!Array.isArray(notice.rows)) return;
    // Filtered by the rows the caller could hear of when it subscribed, before anything is
    // queued; each event is filtered again under the caller's rights at that moment.
    const rows = audible(notice.rows, ownerAtStart, only);
    if (rows.length) events.push({ op: notice.op, rows });
  }));
  return events;
}

const removed = (id: string): CustomerChangeRecord => ({ kind: CustomerChangeKind.REMOVED, id, customer: null });
