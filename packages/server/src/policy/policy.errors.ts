import { DomainError } from '../common/domain-error.js';

export enum PolicyErrorCode {
  NOT_AUTHENTICATED = 'NOT_AUTHENTICATED',
  ACTION_FORBIDDEN = 'ACTION_FORBIDDEN',
  FIELD_WRITE_FORBIDDEN = 'FIELD_WRITE_FORBIDDEN',
  FIELD_READ_FORBIDDEN = 'FIELD_READ_FORBIDDEN',
  SORT_FORBIDDEN = 'SORT_FORBIDDEN',
}

/** No signed-in actor: every action needs one. */
export const notAuthenticated = () =>
  new DomainError(PolicyErrorCode.NOT_AUTHENTICATED, 'Sign in first: send Authorization: Bearer <token>');

export const actionForbidden = (action: string) =>
  new DomainError(PolicyErrorCode.ACTION_FORBIDDEN, `Your role may not perform ${action}`);

/** Names the fields, never their values. */
export const fieldWriteForbidden = (fields: string[]) =>
  new DomainError(
    PolicyErrorCode.FIELD_WRITE_FORBIDDEN,
    `Your role may not write ${fields.join(', ')}; nothing was changed`,
    fields.map((field) => ({ field, message: 'not writable for your role' })),
  );

export const fieldReadForbidden = (field: string) =>
  new DomainError(PolicyErrorCode.FIELD_READ_FORBIDDEN, `Your role may not read ${field}`);

export const sortForbidden = (field: string) =>
  new DomainError(PolicyErrorCode.SORT_FORBIDDEN, `Your role may not sort or filter by ${field}`);
