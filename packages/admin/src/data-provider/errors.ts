/**
 * GraphQL errors → what react-admin understands. react-admin reads `message` (shown in a
 * notification, translated: always a message key here, never the server's English),
 * `status` (401/403 reach authProvider.checkError) and `body.errors` (shown next to form
 * inputs, translated). This module depends on nothing but plain objects so the unit
 * tests can run it without a browser.
 */
import { encodeForForm, fieldMessage, formFieldName, reasonKey, type Message } from './refusals.ts';


export interface GraphQLErrorLike {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'INVALID_STATE'
  | 'TOO_MANY_REQUESTS'
  | 'SEARCH_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK';

/** Codes whose meaning the dashboard explains in the user's language. */
const MESSAGE_KEYS: Partial<Record<ErrorCode, string>> = {
  UNAUTHENTICATED: 'custos.errors.unauthenticated',
  FORBIDDEN: 'custos.errors.forbidden',
  NOT_FOUND: 'custos.errors.not_found',
  CONFLICT: 'custos.errors.conflict',
  NETWORK: 'custos.errors.network',
  INTERNAL_SERVER_ERROR: 'custos.errors.internal',
  BAD_USER_INPUT: 'custos.errors.bad_input',
  INVALID_STATE: 'custos.errors.invalid_state',
  TOO_MANY_REQUESTS: 'custos.refusals.too_many_requests',
  SEARCH_UNAVAILABLE: 'custos.refusals.reasons.SEARCH_UNAVAILABLE',
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
};

export interface FieldRefusal extends Message {
  /** The form's field name (`criteria.tags`). */
  field: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  /** `extensions.reason`: what exactly was refused (a module's error code), when sent. */
  reason?: string;
  /** The server's own message (English), kept for logs and tests only: never shown. */
  serverMessage: string;
  /** Per-field problems, translated (BAD_USER_INPUT). */
  fields?: FieldRefusal[];
  /** The same for react-admin forms: field → encoded message (see refusals.ts). */
  errors?: Record<string, string>;
}

/** Shaped like react-admin's HttpError (message, status, body), which is all it inspects. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(code: ErrorCode, serverMessage: string, fields?: FieldRefusal[], reason?: string) {
    // Always a message key: the reason's words when the dashboard has them, else the code's.
    super(reasonKey(reason) ?? MESSAGE_KEYS[code] ?? 'custos.errors.internal');
    this.name = 'ApiError';
    this.status = STATUS[code] ?? 500;
    const errors = fields?.length ? Object.fromEntries(fields.map(({ field, ...message }) => [field, encodeForForm(message)])) : undefined;
    this.body = { code, serverMessage, ...(reason ? { reason } : {}), ...(fields?.length ? { fields, errors } : {}) };
  }

  get code(): ErrorCode {
    return this.body.code;
  }
}

export function errorCode(error: GraphQLErrorLike): ErrorCode {
  const code = error.extensions?.['code'];
  switch (code) {
    case 'UNAUTHENTICATED':
    case 'FORBIDDEN':
    case 'NOT_FOUND':
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
    case 'INVALID_STATE':
    case 'TOO_MANY_REQUESTS':
    case 'SEARCH_UNAVAILABLE':
      return code;
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return 'BAD_USER_INPUT';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

/**
 * `extensions.fields: [{ field: 'input.email', message }]` → one translated message per
 * form field (the first problem of a field: the one to fix first).
 */
function fieldRefusals(error: GraphQLErrorLike): FieldRefusal[] | undefined {
  const fields = error.extensions?.['fields'];
  if (!Array.isArray(fields) || fields.length === 0) return undefined;
  const out = new Map<string, FieldRefusal>();
  for (const item of fields as { field?: unknown; message?: unknown }[]) {
    if (typeof item.field !== 'string' || typeof item.message !== 'string') continue;
    const field = formFieldName(item.field);
    if (!out.has(field)) out.set(field, { field, ...fieldMessage(item.message) });
  }
  return out.size ? [...out.values()] : undefined;
}

export function toApiError(error: GraphQLErrorLike): ApiError {
  const code = errorCode(error);
  const reason = typeof error.extensions?.['reason'] === 'string' ? (error.extensions['reason'] as string) : undefined;
  return new ApiError(code, error.message, code === 'BAD_USER_INPUT' ? fieldRefusals(error) : undefined, reason);
}

/**
 * Decides whether a response with errors can still be shown. A field the role may not
 * read resolves to null with a FORBIDDEN error at that field's path (e.g.
 * `customers.nodes.3.taxId`): the rest of the record is fine, so such errors are
 * dropped. Anything else (an error at the operation's root, a missing root value,
 * an expired session anywhere) fails the whole call.
 */
export function checkResponse(root: string, data: Record<string, unknown> | null | undefined, errors: readonly GraphQLErrorLike[] | undefined): void {
  const list = errors ?? [];
  const unauthenticated = list.find((e) => errorCode(e) === 'UNAUTHENTICATED');
  if (unauthenticated) throw toApiError(unauthenticated);
  const rootValue = data?.[root];
  const fatal = list.find((e) => (e.path?.length ?? 0) <= 1);
  if (fatal) throw toApiError(fatal);
  if (rootValue === null || rootValue === undefined) {
    if (list[0]) throw toApiError(list[0]);
    return;
  }
  for (const e of list) {
    // Field-level denials are expected; anything else nested is worth a trace in the console.
    if (errorCode(e) !== 'FORBIDDEN') console.warn(`GraphQL error at ${e.path?.join('.')}: ${e.message}`);
  }
}

/**
 * Finds GraphQL errors in whatever Apollo or ra-data-graphql threw: an ApolloError
 * (graphQLErrors), a ServerError for HTTP 4xx/5xx (result.errors) or react-admin's
 * HttpError wrapping either in `body`.
 */
export function normalizeError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const seen = new Set<unknown>();
  let status: unknown;
  const visit = (value: unknown): ApiError | undefined => {
    if (!value || typeof value !== 'object' || seen.has(value)) return undefined;
    seen.add(value);
    if (value instanceof ApiError) return value;
    const v = value as Record<string, unknown>;
    status ??= v['statusCode'] ?? (typeof v['status'] === 'number' && v['status'] !== 200 ? v['status'] : undefined);
    for (const key of ['graphQLErrors', 'errors']) {
      const list = v[key];
      if (Array.isArray(list) && list.length && typeof list[0]?.message === 'string') return toApiError(list[0] as GraphQLErrorLike);
    }
    return visit(v['body']) ?? visit(v['result']) ?? visit(v['networkError']) ?? visit(v['cause']);
  };
  const found = visit(error);
  if (found) return found;
  if (status === 401) return new ApiError('UNAUTHENTICATED', 'HTTP 401');
  const message = error instanceof Error ? error.message : String(error);
  // fetch failures and 5xx without a GraphQL body: the server could not be reached.
  return new ApiError('NETWORK', message);
}
