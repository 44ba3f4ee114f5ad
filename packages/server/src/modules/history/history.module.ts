import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { HistoryErrorCode } from './history.errors.js';
import { HistoryResolver } from './history.resolver.js';

/** Customer history: every kept state, time travel and revert (issue 21). */
export const historyModule: ModuleManifest = {
  name: 'history',
  resolvers: [HistoryResolver],
  errors: {
    [HistoryErrorCode.ENTRY_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [HistoryErrorCode.NOT_REVERTIBLE]: PublicErrorCode.BAD_USER_INPUT,
    [HistoryErrorCode.NOTHING_TO_REVERT]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<HistoryErrorCode, PublicErrorCode>,
};
