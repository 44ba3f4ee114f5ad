/**
 * GraphQL errors → what react-admin understands. react-admin reads `message` (shown in a
 * notification, translated when it is a message key), `status` (401/403 reach
 * authProvider.checkError) and `body.errors` (shown next to form inputs). This module
 * depends on nothing but plain objects so the unit tests can run it without a browser.
 */

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
};

const STATUS: Partial<Record<ErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  BAD_USER_INPUT: 400,
};

export interface ApiErrorBody {
  code: ErrorCode;
  /** The server's own message (English), kept for logs and for codes without a key. */
  serverMessage: string;
  /** Per-field messages for react-admin forms (BAD_USER_INPUT). */
  errors?: Record<string, string>;
}

/** Shaped like react-admin's HttpError (message, status, body), which is all it inspects. */
export class ApiError extends Error {
  readonly status: number;
  readonly body: ApiErrorBody;

  constructor(code: ErrorCode, serverMessage: string, fieldErrors?: Record<string, string>) {
    // Codes with a message key are shown translated; others (BAD_USER_INPUT,
    // INVALID_STATE) carry the server's explanation, which names the problem.
    super(MESSAGE_KEYS[code] ?? serverMessage);
    this.name = 'ApiError';
    this.status = STATUS[code] ?? 500;
    this.body = { code, serverMessage, ...(fieldErrors ? { errors: fieldErrors } : {}) };
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
      return code;
    case 'GRAPHQL_VALIDATION_FAILED':
    case 'GRAPHQL_PARSE_FAILED':
      return 'BAD_USER_INPUT';
    default:
      return 'INTERNAL_SERVER_ERROR';
  }
}

/** `extensions.fields: [{ field: 'input.email', message }]` → `{ email: message }`. */
function fieldErrors(error: GraphQLErrorLike): Record<string, string> | undefined {
  const fields = error.extensions?.['fields'];
  if (!Array.isArray(fields) || fields.length === 0) return undefined;
  const out: Record<string, string> = {};
  for (const item of fields as { field?: unknown; message?: unknown }[]) {
    if (typeof item.field !== 'string' || typeof item.message !== 'string') continue;
    const name = item.field.replace(/^input\./, '');
    out[name] = out[name] ? `${out[name]}; ${item.message}` : item.message;
  }
  return Object.keys(out).length ? out : undefined;
}

export function toApiError(error: GraphQLErrorLike): ApiError {
  const code = errorCode(error);
  return new ApiError(code, error.message, code === 'BAD_USER_INPUT' ? fieldErrors(error) : undefined);
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
