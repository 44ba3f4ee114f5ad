import { archivePolicyNodes } from './archive-policy.nodes.js';
import { ConfigError } from '../../config.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { archiveInteractionsHandler } from './archive-interactions.job.js';
import { runPolicyInForeground } from './archive-policy.cli.js';
import { ArchivePolicyErrorCode } from './archive-policy.errors.js';
import { ArchivePolicyResolver } from './archive-policy.resolver.js';
import { policyRunHandler } from './archive-policy.run.js';
import { enqueueDuePolicyRuns } from './archive-policy.schedule.js';

/** Archive policies: rules run by the job worker on their schedules. */
export const archivePolicyModule: ModuleManifest = {
  name: 'archive-policy',
  resolvers: [ArchivePolicyResolver],
  nodes: archivePolicyNodes,
  errors: {
    [ArchivePolicyErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [ArchivePolicyErrorCode.VERSION_CONFLICT]: PublicErrorCode.CONFLICT,
    [ArchivePolicyErrorCode.NAME_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
    [ArchivePolicyErrorCode.RUN_IN_PROGRESS]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<ArchivePolicyErrorCode, PublicErrorCode>,
  jobs: [policyRunHandler, archiveInteractionsHandler],
  schedules: () => [async (ctx) => void (await enqueueDuePolicyRuns(ctx))],
  commands: [
    {
      name: 'archive:run',
      args: '--policy <id>',
      summary: 'run an archive policy to completion in the foreground',
      options: ['policy'],
      async run({ options, config, say, database, runJob }) {
        if (!options.policy) throw new ConfigError('archive:run needs --policy <id>');
        return (await runPolicyInForeground((await database()).orm, config, options.policy, say, runJob)) === 'SUCCEEDED';
      },
    },
  ],
};
