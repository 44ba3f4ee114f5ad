import type { ModuleManifest } from '../../core/module.js';
import { retentionSweepHandler } from './retention.job.js';
import { RetentionResolver } from './retention.resolver.js';
import { recycleBinSchedule, retentionSchedule } from './retention.service.js';

/** Retention sweeps: archived customers past their retention are purged. */
export const retentionModule: ModuleManifest = {
  name: 'retention',
  resolvers: [RetentionResolver],
  jobs: [retentionSweepHandler],
  schedules: (config) => [
    ...(config.RETENTION_SCHEDULE ? [retentionSchedule(config.RETENTION_SCHEDULE)] : []),
    ...(config.RECYCLE_BIN_SCHEDULE ? [recycleBinSchedule(config.RECYCLE_BIN_SCHEDULE)] : []),
  ],
};
