import { DomainError } from '../../common/domain-error.js';

export enum ExportErrorCode {
  LINK_INVALID = 'EXPORT_LINK_INVALID',
  FILTER_MISMATCH = 'EXPORT_FILTER_MISMATCH',
}

export const exportLinkInvalid = () =>
  new DomainError(ExportErrorCode.LINK_INVALID, 'This download link is unknown, expired or already used; start the export again');

export const exportFilterMismatch = (resource: string, given: string[]) =>
  new DomainError(ExportErrorCode.FILTER_MISMATCH, `A ${resource} export takes only its own filter`, given.map((field) => ({ field, message: `not a filter for ${resource}` })));
