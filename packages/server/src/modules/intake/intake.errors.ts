import { DomainError, type FieldProblem } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum IntakeErrorCode {
  /** A duplicate rule set to BLOCK matched: nothing was written. */
  DUPLICATE_BLOCKED = 'INTAKE_DUPLICATE_BLOCKED',
  IMPORT_NOT_FOUND = 'INTAKE_IMPORT_NOT_FOUND',
  IMPORT_INVALID_STATE = 'INTAKE_IMPORT_INVALID_STATE',
}

/** Which kinds blocked and how many customers matched by them; never which customers or
 * values (the caller may not be allowed to see them). */
export const duplicateBlocked = (kinds: { kind: string; count: number }[]) => {
  const FIELD: Record<string, string> = { EMAIL: 'email', PHONE: 'phone', TAX_ID: 'taxId', NAME: 'name', SIMILAR_NAME: 'name' };
  const fields: FieldProblem[] = kinds.map(({ kind, count }) => ({
    field: FIELD[kind] ?? kind,
    message: `${kind}: matches ${count} existing customer(s), and the duplicate rule blocks it`,
  }));
  return new DomainError(
    IntakeErrorCode.DUPLICATE_BLOCKED,
    `Refused: an existing customer matches by ${kinds.map((k) => k.kind).join(', ')}, and the duplicate rule for it blocks the write`,
    fields,
  );
};

export const importNotFound = (id: string) => new DomainError(IntakeErrorCode.IMPORT_NOT_FOUND, `Import ${idForClient('CustomerImport', id)} was not found`);

export const importState = (id: string, state: string, verb: string) =>
  new DomainError(IntakeErrorCode.IMPORT_INVALID_STATE, `Cannot ${verb} import ${idForClient('CustomerImport', id)} in state ${state}`);
