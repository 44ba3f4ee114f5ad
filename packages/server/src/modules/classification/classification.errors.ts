import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum ClassificationErrorCode {
  TAG_NOT_FOUND = 'CLASSIFICATION_TAG_NOT_FOUND',
  TAG_EXISTS = 'CLASSIFICATION_TAG_EXISTS',
  TOO_MANY_MATCHES = 'CLASSIFICATION_TOO_MANY_MATCHES',
}

export const tagNotFound = (name: string) => new DomainError(ClassificationErrorCode.TAG_NOT_FOUND, `Tag "${name}" was not found`);

export const tagExists = (name: string, field = 'name') =>
  new DomainError(ClassificationErrorCode.TAG_EXISTS, `Tag "${name}" already exists`, [{ field, message: 'already exists' }]);

export const tooManyMatches = (limit: number) =>
  new DomainError(ClassificationErrorCode.TOO_MANY_MATCHES, `The filter matches more than ${limit} customers; narrow it down or use an archive policy`, [
    { field: 'filter', message: `matches more than ${limit} customers` },
  ]);

export enum SegmentErrorCode {
  NOT_FOUND = 'CLASSIFICATION_SEGMENT_NOT_FOUND',
  VERSION_CONFLICT = 'CLASSIFICATION_SEGMENT_VERSION_CONFLICT',
  NAME_TAKEN = 'CLASSIFICATION_SEGMENT_NAME_TAKEN',
  IN_USE = 'CLASSIFICATION_SEGMENT_IN_USE',
}

export const segmentNotFound = (id: string) => new DomainError(SegmentErrorCode.NOT_FOUND, `Segment ${idForClient('Segment', id)} was not found`);

export const segmentVersionConflict = () =>
  new DomainError(SegmentErrorCode.VERSION_CONFLICT, 'Someone else changed this segment since you read it; reload it', [
    { field: 'version', message: 'stale version' },
  ]);

export const segmentNameTaken = () =>
  new DomainError(SegmentErrorCode.NAME_TAKEN, 'Another segment already has this name', [{ field: 'name', message: 'already in use' }]);

export const segmentInUse = (policies: string[]) =>
  new DomainError(SegmentErrorCode.IN_USE, `The segment is used by archive policies (${policies.join(', ')}); change them first`);
