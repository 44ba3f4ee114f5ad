import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { CommonErrorCode, DomainError, PublicErrorCode, type FieldProblem } from '../common/domain-error.js';
import { TooManyRequestsError } from '../modules/identity/identity.errors.js';
import { PolicyErrorCode } from '../policy/policy.errors.js';
import { FourEyesErrorCode } from '../policy/four-eyes.js';
import { MODULES } from './modules.js';

/** The one table from error codes to public codes: the shared and policy codes here, each
 * module's from its manifest (typed there as a complete map of its error enum; the
 * architecture test checks that every module error enum is contributed). */
export const PUBLIC_CODE: Readonly<Record<string, PublicErrorCode>> = {
  ...({
    [CommonErrorCode.INVALID_INPUT]: PublicErrorCode.BAD_USER_INPUT,
    [CommonErrorCode.INVALID_CURSOR]: PublicErrorCode.BAD_USER_INPUT,
    [CommonErrorCode.PAGE_TOO_LARGE]: PublicErrorCode.BAD_USER_INPUT,
    [CommonErrorCode.WRONG_ID_TYPE]: PublicErrorCode.BAD_USER_INPUT,
    [CommonErrorCode.TOO_MANY_IDS]: PublicErrorCode.BAD_USER_INPUT,
  } satisfies Record<CommonErrorCode, PublicErrorCode>),
  ...({
    [PolicyErrorCode.NOT_AUTHENTICATED]: PublicErrorCode.UNAUTHENTICATED,
    [PolicyErrorCode.ACTION_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
    [PolicyErrorCode.FIELD_WRITE_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
    [PolicyErrorCode.FIELD_READ_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
    [PolicyErrorCode.SORT_FORBIDDEN]: PublicErrorCode.FORBIDDEN,
  } satisfies Record<PolicyErrorCode, PublicErrorCode>),
  ...({
    [FourEyesErrorCode.APPROVAL_REQUIRED]: PublicErrorCode.FORBIDDEN,
  } satisfies Record<FourEyesErrorCode, PublicErrorCode>),
  ...Object.assign({}, ...MODULES.map((m) => m.errors ?? {})),
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
    const code = PUBLIC_CODE[original.reason] ?? PublicErrorCode.INTERNAL_SERVER_ERROR;
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
