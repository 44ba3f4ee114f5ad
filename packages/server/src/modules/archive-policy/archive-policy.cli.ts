import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../../config.js';
import { ConfigError } from '../../config.js';
import { consoleContext, inTransaction } from '../../core/context.js';
import { enqueuePolicyRun } from './archive-policy.run.js';
import { findActiveRun, findPolicy } from './archive-policy.reader.js';
import type { CommandRun } from '../../core/module.js';

/**
 * `archive:run --policy <id>`: queues a run as the system (an operator at the console,
 * audited with no user) and runs it here to the end, printing progress. Another worker
 * never takes it: it is claimed by id straight away.
 */
export async function runPolicyInForeground(orm: MikroORM, config: Config, policyId: string, say: (m: string) => void, runJob: CommandRun['runJob']): Promise<string> {
  const ctx = consoleContext(orm, config, 'archive:run');
  const job = await inTransaction(ctx, async (tx) => {
    const policy = await findPolicy(tx.sql, policyId, true);
    if (!policy) throw new ConfigError(`archive policy ${policyId} does not exist`);
    const active = await findActiveRun(tx.sql, policy.id);
    if (active) throw new ConfigError(`a run of this policy is already queued or running (job ${active})`);
    return (await enqueuePolicyRun(tx, policy))!;
  });
  say(`job ${job.id} queued for policy ${policyId}`);
  const finished = await runJob(job, 'customers');
  return finished?.state ?? 'UNKNOWN';
}
