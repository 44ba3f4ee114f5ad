/** A problem with one input field, reported in `extensions.fields`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What services throw. `reason` is a value of a module's error-code enum; the GraphQL
 * layer maps it to the public `extensions.code` in one table (app/error-map.ts, from the module manifests).
 * Messages must never contain a value the caller may not read.
 */
export class DomainError extends Error {
  constructor(
    readonly reason: string,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** Errors shared by every module: input shape and paging. */
export enum CommonErrorCode {
  INVALID_INPUT = 'INVALID_INPUT',
  INVALID_CURSOR = 'INVALID_CURSOR',
  PAGE_TOO_LARGE = 'PAGE_TOO_LARGE',
  /** A global id of another type than the input takes (e.g. a User id as a customer). */
  WRONG_ID_TYPE = 'WRONG_ID_TYPE',
  /** More ids in one `nodes` call than the server reads at once. */
  TOO_MANY_IDS = 'TOO_MANY_IDS',
}

export function invalidInput(fields: FieldProblem[]): DomainError {
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new DomainError(CommonErrorCode.INVALID_INPUT, `Invalid input (${summary})`, fields);
}

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
