import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum CustomerErrorCode {
  NOT_FOUND = 'CUSTOMER_NOT_FOUND',
  VERSION_CONFLICT = 'CUSTOMER_VERSION_CONFLICT',
  CODE_TAKEN = 'CUSTOMER_CODE_TAKEN',
  NOT_EDITABLE = 'CUSTOMER_NOT_EDITABLE',
  /** A lifecycle transition the state machine does not allow (customer.lifecycle.ts). */
  INVALID_STATE = 'LIFECYCLE_INVALID_STATE',
}

export const customerNotFound = (id: string) =>
  new DomainError(CustomerErrorCode.NOT_FOUND, `Customer ${idForClient('Customer', id)} was not found`);

export const customerVersionConflict = () =>
  new DomainError(
    CustomerErrorCode.VERSION_CONFLICT,
    'Someone else changed this customer since you read it; reload and apply your change again',
    [{ field: 'version', message: 'stale version' }],
  );

export const customerCodeTaken = () =>
  new DomainError(CustomerErrorCode.CODE_TAKEN, 'Another customer already uses this code', [
    { field: 'code', message: 'already in use' },
  ]);

export const customerNotEditable = (status: string) =>
  new DomainError(CustomerErrorCode.NOT_EDITABLE, `A customer with status ${status} cannot be edited`);

/** A transition the state machine does not allow (customer.lifecycle.ts). */
export const invalidTransition = (verb: string, status: string) =>
  new DomainError(CustomerErrorCode.INVALID_STATE, `Cannot ${verb} a customer whose status is ${status}`);
