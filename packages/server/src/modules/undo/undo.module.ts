import { PublicErrorCode } from '../../common/domain-error.js';
import type { ModuleManifest } from '../../core/module.js';
import { UndoErrorCode } from './undo.errors.js';
import { UndoResolver } from './undo.resolver.js';

/** Undo of one's own recent change (void, archive, bulk tags, normalization). */
export const undoModule: ModuleManifest = {
  name: 'undo',
  resolvers: [UndoResolver],
  errors: {
    [UndoErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
    [UndoErrorCode.EXPIRED]: PublicErrorCode.INVALID_STATE,
    [UndoErrorCode.ALREADY_UNDONE]: PublicErrorCode.INVALID_STATE,
    [UndoErrorCode.STILL_RUNNING]: PublicErrorCode.INVALID_STATE,
  } satisfies Record<UndoErrorCode, PublicErrorCode>,
};
