import { inTransaction, type RequestContext } from '../../core/context.js';
import { currentSlot } from '../../common/cron.js';
import type { PollTask } from './job.worker.js';

/**
 * A poll task for a cron schedule: `enqueue` runs once per slot in this process, in a
 * transaction, with the slot's start (ISO). Several servers polling the same slot are
 * made harmless by the dedupe key the callers derive from the slot (`kind:<slot>`).
 */
export function slotTask(schedule: string, enqueue: (tx: RequestContext, slot: string) => Promise<void>): PollTask {
  let lastSlot = '';
  return async (ctx) => {
    const slot = currentSlot(schedule, new Date()).toISOString();
    if (slot === lastSlot) return;
    await inTransaction(ctx, (tx) => enqueue(tx, slot));
    lastSlot = slot;
  };
}
