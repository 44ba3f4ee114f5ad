import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum CleanupErrorCode {
  MERGE_NOT_FOUND = 'CLEANUP_MERGE_NOT_FOUND',
  GROUP_NOT_FOUND = 'CLEANUP_GROUP_NOT_FOUND',
  NOT_MERGEABLE = 'CLEANUP_NOT_MERGEABLE',
  UNMERGE_BLOCKED = 'CLEANUP_UNMERGE_BLOCKED',
  NO_SUGGESTION = 'CLEANUP_NO_SUGGESTION',
}

export const mergeNotFound = (id: string) => new DomainError(CleanupErrorCode.MERGE_NOT_FOUND, `Merge ${idForClient('CustomerMerge', id)} was not found`);

export const groupNotFound = (id: string) => new DomainError(CleanupErrorCode.GROUP_NOT_FOUND, `Duplicate group ${id} was not found`);

export const notMergeable = (id: string, status: string) =>
  new DomainError(CleanupErrorCode.NOT_MERGEABLE, `Customer ${idForClient('Customer', id)} has status ${status}; only ACTIVE customers can be merged`);

/** Names what stands in the way, so a person can decide what to undo first. */
export const unmergeBlocked = (mergeId: string, blockers: string[]) =>
  new DomainError(CleanupErrorCode.UNMERGE_BLOCKED, `Merge ${idForClient('CustomerMerge', mergeId)} cannot be undone exactly: ${blockers.join('; ')}`);

export const noSuggestion = (index: number) =>
  new DomainError(CleanupErrorCode.NO_SUGGESTION, 'An issue has no suggested fix; dismiss it or edit the customer', [
    { field: `issues.${index}`, message: 'has no suggestion to apply' },
  ]);
