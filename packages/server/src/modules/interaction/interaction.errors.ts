import { DomainError } from '../../common/domain-error.js';
import { idForClient } from '../../common/client-id.js';

export enum InteractionErrorCode {
  CUSTOMER_NOT_FOUND = 'INTERACTION_CUSTOMER_NOT_FOUND',
  CUSTOMER_NOT_ACTIVE = 'INTERACTION_CUSTOMER_NOT_ACTIVE',
}

export const interactionCustomerNotFound = (id: string) =>
  new DomainError(InteractionErrorCode.CUSTOMER_NOT_FOUND, `Customer ${idForClient('Customer', id)} was not found`, [
    { field: 'customerId', message: 'no such customer' },
  ]);

export const interactionCustomerNotActive = (status: string) =>
  new DomainError(
    InteractionErrorCode.CUSTOMER_NOT_ACTIVE,
    `Interactions can only be logged for ACTIVE customers; this one is ${status}`,
  );
