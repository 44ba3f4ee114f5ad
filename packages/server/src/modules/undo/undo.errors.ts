import { DomainError } from '../../common/domain-error.js';

export enum UndoErrorCode {
  NOT_FOUND = 'UNDO_NOT_FOUND',
  EXPIRED = 'UNDO_EXPIRED',
  ALREADY_UNDONE = 'UNDO_ALREADY_UNDONE',
  STILL_RUNNING = 'UNDO_STILL_RUNNING',
}

/** Another person's operation reads as missing: an undo never tells who did what. */
export const undoNotFound = (id: string) =>
  new DomainError(UndoErrorCode.NOT_FOUND, `Operation ${id} was not found among your recent changes`, [{ field: 'id', message: 'no such operation of yours' }]);

export const undoExpired = (id: string, minutes: number) =>
  new DomainError(UndoErrorCode.EXPIRED, `Operation ${id} can no longer be undone: changes can be undone for ${minutes} minutes only`);

export const undoAlreadyUndone = (id: string) => new DomainError(UndoErrorCode.ALREADY_UNDONE, `Operation ${id} was already undone`);

export const undoStillRunning = (id: string) =>
  new DomainError(UndoErrorCode.STILL_RUNNING, `Operation ${id} is still running; undo it once its job has finished`);
