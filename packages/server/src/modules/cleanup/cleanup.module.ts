import { cleanupNodes } from './cleanup.nodes.js';
import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
// Resolvers first, in the order the schema lists their fields.
import { CustomerMergedIntoResolver, MergeResolver } from './merge.resolver.js';
import { DuplicateResolver } from './duplicate.resolver.js';
import { DataQualityResolver } from './quality.resolver.js';
import { NormalizeResolver } from './normalize.resolver.js';
import { CleanupErrorCode } from './cleanup.errors.js';
import { detectDuplicatesHandler } from './duplicate.job.js';
import { normalizeCustomersHandler } from './normalize.job.js';
import { countDataQualityHandler, dataQualitySchedule } from './quality.count.job.js';
import { resolveDataQualityHandler } from './quality.resolve.job.js';

/** Data cleanup: duplicates and merges, normalization, data-quality issues. */
export const cleanupModule: ModuleManifest = {
  name: 'cleanup',
  resolvers: [MergeResolver, CustomerMergedIntoResolver, NormalizeResolver, DuplicateResolver, DataQualityResolver],
  nodes: cleanupNodes,
  errors: {
    [CleanupErrorCode.MERGE_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [CleanupErrorCode.GROUP_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [CleanupErrorCode.NOT_MERGEABLE]: PublicErrorCode.INVALID_STATE,
    [CleanupErrorCode.UNMERGE_BLOCKED]: PublicErrorCode.INVALID_STATE,
    [CleanupErrorCode.NO_SUGGESTION]: PublicErrorCode.BAD_USER_INPUT,
  } satisfies Record<CleanupErrorCode, PublicErrorCode>,
  jobs: [normalizeCustomersHandler, detectDuplicatesHandler, countDataQualityHandler, resolveDataQualityHandler],
  schedules: (config) => (config.DATA_QUALITY_SCHEDULE ? [dataQualitySchedule(config.DATA_QUALITY_SCHEDULE)] : []),
};
