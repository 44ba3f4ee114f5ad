import { DomainError } from '../../common/domain-error.js';

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
