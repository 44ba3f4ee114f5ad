import { jobNodes } from './job.nodes.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { JobErrorCode } from './job.errors.js';
import { JobResolver } from './job.resolver.js';

/** The job queue and worker; the handlers come from the modules whose work they do. */
export const jobModule: ModuleManifest = {
  name: 'job',
  resolvers: [JobResolver],
  nodes: jobNodes,
  errors: {
    [JobErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [JobErrorCode.FINISHED]: PublicErrorCode.INVALID_STATE,
    [JobErrorCode.ALREADY_ACTIVE]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<JobErrorCode, PublicErrorCode>,
};
