/** The customer lifecycle's actions (void, archive, restore, purge, hold, erasure) and Undo. */
import { ARCHIVED, CUSTOMERS, FAILURES, UNDO, type ActionSpec } from '../../data-provider/actions.ts';

export const customerActions = {
  voidCustomer: { mutation: 'voidCustomer', fields: { customer: CUSTOMERS, undo: UNDO } },
  voidCustomers: { mutation: 'voidCustomers', fields: { customers: CUSTOMERS, failures: FAILURES, undo: UNDO } },
  unvoidCustomer: { mutation: 'unvoidCustomer', fields: { customer: CUSTOMERS }, primary: 'customer' },
  unvoidCustomers: { mutation: 'unvoidCustomers', fields: { customers: CUSTOMERS, failures: FAILURES } },
  archiveCustomers: { mutation: 'archiveCustomers', fields: { customers: ARCHIVED, failures: FAILURES, archivedInteractions: 'scalar', undo: UNDO } },
  restoreCustomers: { mutation: 'restoreCustomers', fields: { customers: CUSTOMERS, failures: FAILURES, restoredInteractions: 'scalar' } },
  archiveInteractions: { mutation: 'archiveInteractions', fields: { archivedCount: 'scalar', customerCount: 'scalar' } },
  purgeCustomer: { mutation: 'purgeCustomer', fields: { scheduledPurge: { select: 'id code dueAt' } } },
  revertCustomer: { mutation: 'revertCustomer', fields: { customer: CUSTOMERS, revertedFields: 'scalar' }, primary: 'customer' },
  setLegalHold: { mutation: 'setLegalHold', fields: { customer: CUSTOMERS, archivedCustomer: ARCHIVED } },
  erasePersonalData: { mutation: 'erasePersonalData', fields: { customer: CUSTOMERS, archivedCustomer: ARCHIVED } },
  undoOperation: {
    mutation: 'undoOperation',
    fields: { operation: { select: 'id kind customerCount undoneAt' }, customers: CUSTOMERS, failures: FAILURES, restoredInteractions: 'scalar' },
  },
} as const satisfies Record<string, ActionSpec>;
