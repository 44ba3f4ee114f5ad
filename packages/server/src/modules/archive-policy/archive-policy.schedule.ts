import { inTransaction, type RequestContext } from '../../core/context.js';
import { toIsoTimestamp } from '../../graphql/scalars.js';
import { nextSlot } from '../../common/cron.js';
import { findActiveRun } from './archive-policy.reader.js';
import { POLICY_COLUMNS, type ArchivePolicyRecord } from './archive-policy.record.js';
import { enqueuePolicyRun } from './archive-policy.run.js';

/**
 * Queues the runs of enabled policies whose slot has come (a worker poll task; runs as
 * the system). Each slot fires at most once however many servers poll: due policies are
 * locked with SKIP LOCKED, and the job's dedupe key `policy:<id>:<slot>` is unique, so
 * even a server that read the policy before another advanced it cannot queue the slot
 * again. Missed slots (server down) are not replayed: the next run starts from now. A
 * slot that comes while a run of the policy is still going is skipped.
 */
export async function enqueueDuePolicyRuns(ctx: RequestContext): Promise<number> {
  return inTransaction(ctx, async (tx) => {
    const due = await tx.sql.query<ArchivePolicyRecord>(
      `select ${POLICY_COLUMNS} from archive_policy p
        where p.enabled and p.schedule is not null and p.next_run_at <= now()
        order by p.next_run_at, p.id limit 20 for update skip locked`,
    );
    let queued = 0;
    for (const policy of due) {
      const slot = toIsoTimestamp(policy.nextRunAt!);
      if (!(await findActiveRun(tx.sql, policy.id))) {
        if (await enqueuePolicyRun(tx, policy, `policy:${policy.id}:${slot}`)) queued += 1;
      }
      const next = nextSlot(policy.schedule!, new Date(Math.max(Date.now(), Date.parse(slot))));
      await tx.sql.query(`update archive_policy set next_run_at = $2::timestamptz where id = $1::bigint`, [policy.id, next.toISOString()]);
    }
    return queued;
  });
}
