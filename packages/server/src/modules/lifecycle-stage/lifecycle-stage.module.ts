import type { ModuleManifest } from '../../core/module.js';
import { classifyLifecycleHandler } from './lifecycle-stage.job.js';
import { LifecycleStageResolver } from './lifecycle-stage.resolver.js';
import { lifecycleSchedule } from './lifecycle-stage.service.js';

/** Lifecycle stages classified from activity. */
export const lifecycleStageModule: ModuleManifest = {
  name: 'lifecycle-stage',
  resolvers: [LifecycleStageResolver],
  jobs: [classifyLifecycleHandler],
  schedules: (config) => (config.LIFECYCLE_SCHEDULE ? [lifecycleSchedule(config.LIFECYCLE_SCHEDULE)] : []),
};
