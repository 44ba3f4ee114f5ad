import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { CommonErrorCode, DomainError, type FieldProblem } from '../common/domain-error.js';
import { ArchiveErrorCode } from '../modules/archive/archive.errors.js';
import { CustomerErrorCode } from '../modules/customer/customer.errors.js';
import { IdentityErrorCode, TooManyRequestsError } from '../modules/identity/identity.errors.js';
import { InteractionErrorCode } from '../modules/interaction/interaction.errors.js';
import { JobErrorCode } from '../modules/job/job.errors.js';
import { ArchivePolicyErrorCode } from '../modules/archive-policy/archive-policy.errors.js';
import { BackupErrorCode } from '../modules/backup/backup.errors.js';
import { ExportErrorCode } from '../modules/export/export.errors.js';
import { SearchErrorCode } from '../modules/search/search.errors.js';
import { PolicyErrorCode } from '../policy/policy.errors.js';
import { CleanupErrorCode } from '../modules/cleanup/cleanup.errors.js';
import { ClassificationErrorCode, SegmentErrorCode } from '../modules/classification/classification.errors.js';
import { UndoErrorCode } from '../modules/undo/undo.errors.js';

/** Public error codes clients can rely on (`extensions.code`). */
export enum PublicErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  /** Come back later: `extensions.retryAfter` seconds (HTTP 429 with Retry-After). */
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
  /** The search engine does not answer; try again later (everything else works). */
  SEARCH_UNAVAILABLE = 'SEARCH_UNAVAILABLE',
}

/** The one table from module error codes to public codes. A module code missing here
 * fails the type check, so no module error can leak out unmapped. */
const PUBLIC_CODE: Record<
  | CommonErrorCode | CustomerErrorCode | InteractionErrorCode | IdentityErrorCode | PolicyErrorCode | ArchiveErrorCode
  | JobErrorCode | ArchivePolicyErrorCode | BackupErrorCode | ExportErrorCode | SearchErrorCode | CleanupErrorCode | ClassificationErrorCode
  | SegmentErrorCode | UndoErrorCode,
  PublicErrorCode
> = {
  [CommonErrorCode.INVALID_INPUT]: PublicErrorCode.BAD_USER_INPUT,
  [CommonErrorCode.INVALID_CURSOR]: PublicErrorCode.BAD_USER_INPUT,
  [CommonErrorCode.PAGE_TOO_LARGE]: PublicErrorCode.BAD_USER_INPUT,
  [CustomerErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [CustomerErrorCode.VERSION_CONFLICT]: PublicErrorCode.CONFLICT,
  [CustomerErrorCode.CODE_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [CustomerErrorCode.NOT_EDITABLE]: PublicErrorCode.INVALID_STATE,
  [CustomerErrorCode.INVALID_STATE]: PublicErrorCode.INVALID_STATE,
  [InteractionErrorCode.CUSTOMER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [InteractionErrorCode.CUSTOMER_NOT_ACTIVE]: PublicErrorCode.INVALID_STATE,
  [IdentityErrorCode.NOT_AUTHENTICATED]: PublicErrorCode.UNAUTHENTICATED,
  [IdentityErrorCode.INVALID_TOKEN]: PublicErrorCode.UNAUTHENTICATED,
  [IdentityErrorCode.LOGIN_FAILED]: PublicErrorCode.UNAUTHENTICATED,
  [IdentityErrorCode.USER_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [IdentityErrorCode.EMAIL_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [IdentityErrorCode.LAST_ADMIN]: PublicErrorCode.INVALID_STATE,
  [IdentityErrorCode.SIGN_IN_THROTTLED]: PublicErrorCode.TOO_MANY_REQUESTS,
  [IdentityErrorCode.SIGN_IN_LOCKED]: PublicErrorCode.TOO_MANY_REQUESTS,
  [IdentityErrorCode.SIGN_IN_BUSY]: PublicErrorCode.TOO_MANY_REQUESTS,
  [PolicyErrorCode.ACTION_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
  [PolicyErrorCode.FIELD_WRITE_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
  [PolicyErrorCode.FIELD_READ_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
  [PolicyErrorCode.SORT_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
  [ArchiveErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [ArchiveErrorCode.INTEGRITY]: PublicErrorCode.INVALID_STATE,
  [ArchiveErrorCode.LEGAL_HOLD]: PublicErrorCode.INVALID_STATE,
  [ArchiveErrorCode.CONFIRMATION_MISMATCH]: PublicErrorCode.BAD_USER_INPUT,
  [ArchiveErrorCode.TOO_MANY_IDS]: PublicErrorCode.BAD_USER_INPUT,
  [JobErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [JobErrorCode.FINISHED]: PublicErrorCode.INVALID_STATE,
  [JobErrorCode.ALREADY_ACTIVE]: PublicErrorCode.INVALID_STATE,
  [ArchivePolicyErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [ArchivePolicyErrorCode.VERSION_CONFLICT]: PublicErrorCode.CONFLICT,
  [ArchivePolicyErrorCode.NAME_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [ArchivePolicyErrorCode.RUN_IN_PROGRESS]: PublicErrorCode.INVALID_STATE,
  [BackupErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [BackupErrorCode.CORRUPT]: PublicErrorCode.INVALID_STATE,
  [BackupErrorCode.NEWER_VERSION]: PublicErrorCode.INVALID_STATE,
  [BackupErrorCode.TARGET_NOT_EMPTY]: PublicErrorCode.INVALID_STATE,
  [ExportErrorCode.LINK_INVALID]: PublicErrorCode.NOT_FOUND,
  [ExportErrorCode.FILTER_MISMATCH]: PublicErrorCode.BAD_USER_INPUT,
  [SearchErrorCode.QUERY_TOO_LONG]: PublicErrorCode.BAD_USER_INPUT,
  [SearchErrorCode.INVALID_CURSOR]: PublicErrorCode.BAD_USER_INPUT,
  [SearchErrorCode.PAGE_TOO_LARGE]: PublicErrorCode.BAD_USER_INPUT,
  [SearchErrorCode.REINDEX_RUNNING]: PublicErrorCode.INVALID_STATE,
  [SearchErrorCode.UNAVAILABLE]: PublicErrorCode.SEARCH_UNAVAILABLE,
  [CleanupErrorCode.MERGE_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [CleanupErrorCode.GROUP_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [CleanupErrorCode.NOT_MERGEABLE]: PublicErrorCode.INVALID_STATE,
  [CleanupErrorCode.UNMERGE_BLOCKED]: PublicErrorCode.INVALID_STATE,
  [CleanupErrorCode.NO_SUGGESTION]: PublicErrorCode.BAD_USER_INPUT,
  [ClassificationErrorCode.TAG_NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [ClassificationErrorCode.TAG_EXISTS]: PublicErrorCode.BAD_USER_INPUT,
  [ClassificationErrorCode.TOO_MANY_MATCHES]: PublicErrorCode.BAD_USER_INPUT,
  [SegmentErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [SegmentErrorCode.VERSION_CONFLICT]: PublicErrorCode.CONFLICT,
  [SegmentErrorCode.NAME_TAKEN]: PublicErrorCode.BAD_USER_INPUT,
  [SegmentErrorCode.IN_USE]: PublicErrorCode.INVALID_STATE,
  [UndoErrorCode.NOT_FOUND]: PublicErrorCode.NOT_FOUND,
  [UndoErrorCode.EXPIRED]: PublicErrorCode.INVALID_STATE,
  [UndoErrorCode.ALREADY_UNDONE]: PublicErrorCode.INVALID_STATE,
  [UndoErrorCode.STILL_RUNNING]: PublicErrorCode.INVALID_STATE,
};

const PASS_THROUGH = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'GRAPHQL_PARSE_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'OPERATION_NOT_REGISTERED',
]);

const APQ_REQUEST_ERRORS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

/** Turns thrown errors into GraphQL errors. Unknown errors are masked: no stack, SQL or
 * values; the server log keeps the detail under the request id. */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  /** Logs an unexpected error; returns the request id it was logged under, if known. */
  log: (error: unknown) => string | undefined | void,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };

  if (original instanceof DomainError) {
    const code = PUBLIC_CODE[original.reason as keyof typeof PUBLIC_CODE] ?? PublicErrorCode.INTERNAL_SERVER_ERROR;
    const extensions: Record<string, unknown> = { code, reason: original.reason };
    if (original.fields.length) extensions.fields = original.fields;
    if (original instanceof TooManyRequestsError) extensions.retryAfter = original.retryAfterSeconds;
    return { ...base, message: original.message, extensions };
  }
  if (original instanceof ArgumentValidationError) {
    const fields: FieldProblem[] = original.extensions.validationErrors.flatMap((v) =>
      flattenValidation(v as ValidationLike),
    );
    return {
      ...base,
      message: `Invalid input (${fields.map((f) => `${f.field}: ${f.message}`).join('; ')})`,
      extensions: { code: PublicErrorCode.BAD_USER_INPUT, fields },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && PASS_THROUGH.has(code)) {
    // APQ clients retry with the full document on PERSISTED_QUERY_NOT_FOUND, so the
    // persisted-query codes keep their names.
    const kept = ['GRAPHQL_VALIDATION_FAILED', 'GRAPHQL_PARSE_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN',
      'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_NOT_REGISTERED'];
    return { ...base, extensions: { code: kept.includes(code) ? code : PublicErrorCode.BAD_USER_INPUT } };
  }
  // Apollo's own answers to a malformed persisted-query request carry no code.
  if (error instanceof GraphQLError && !error.originalError && APQ_REQUEST_ERRORS.has(error.message)) {
    return { ...base, message: error.message, extensions: { code: PublicErrorCode.BAD_USER_INPUT } };
  }
  // The client gets the request id to quote; the log line under that id has the stack.
  const requestId = log(error);
  const extensions: Record<string, unknown> = { code: PublicErrorCode.INTERNAL_SERVER_ERROR };
  if (requestId) extensions.requestId = requestId;
  return { ...base, message: 'Internal server error', extensions };
}

interface ValidationLike {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationLike[];
}

function flattenValidation(error: ValidationLike, prefix = ''): FieldProblem[] {
  const field = prefix ? `${prefix}.${error.property}` : error.property;
  const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
  return [...own, ...(error.children ?? []).flatMap((child) => flattenValidation(child, field))];
}
