/** A problem with one input field, reported in `extensions.fields`. */
export interface FieldProblem {
  field: string;
  message: string;
}

/**
 * What services throw. `reason` is a value of a module's error-code enum; the GraphQL
 * layer maps it to the public `extensions.code` in one table (graphql/error-map.ts).
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
}

export function invalidInput(fields: FieldProblem[]): DomainError {
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return new DomainError(CommonErrorCode.INVALID_INPUT, `Invalid input (${summary})`, fields);
}
