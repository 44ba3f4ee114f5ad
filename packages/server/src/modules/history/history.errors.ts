import { DomainError } from '../../common/domain-error.js';

export enum HistoryErrorCode {
  /** The entry names no kept state of this customer (unknown, another customer's, or older than history). */
  ENTRY_NOT_FOUND = 'HISTORY_ENTRY_NOT_FOUND',
  /** A named field is not one a revert may put back. */
  NOT_REVERTIBLE = 'HISTORY_NOT_REVERTIBLE',
  /** The entry changed no field a revert may put back. */
  NOTHING_TO_REVERT = 'HISTORY_NOTHING_TO_REVERT',
}

export const historyEntryNotFound = (seq: string) =>
  new DomainError(HistoryErrorCode.ENTRY_NOT_FOUND, `History entry ${seq} of this customer has no kept values to revert to`, [
    { field: 'seq', message: 'no kept values' },
  ]);

export const notRevertible = (fields: string[]) =>
  new DomainError(HistoryErrorCode.NOT_REVERTIBLE, `These fields cannot be reverted: ${fields.join(', ')}`, [
    { field: 'fields', message: 'not revertible' },
  ]);

export const nothingToRevert = () =>
  new DomainError(HistoryErrorCode.NOTHING_TO_REVERT, 'This history entry changed no field that can be reverted');
