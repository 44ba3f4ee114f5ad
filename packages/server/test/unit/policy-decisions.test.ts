import { describe, expect, it } from '@jest/globals';
import { forbiddenOrder, mayCompareBy, searchableColumns } from '../../src/policy/decisions.js';
import { FieldAccess, fieldAccess } from '../../src/policy/policy.js';
import { Role } from '../../src/policy/role.js';
import { ARCHIVED_GUARDED_SORTS, GUARDED_SORTS, InteractionSortField } from '../../src/modules/interaction/interaction.inputs.js';

/** The policy's answers about searching and ordering, for every role, against the field rules. */
const ROLES = Object.values(Role);

describe('policy decisions', () => {
  it('searches only the columns a role reads in full, live and archived', () => {
    const table = Object.fromEntries(ROLES.map((role) => [role, [searchableColumns(role, 'Customer'), searchableColumns(role, 'ArchivedCustomer')]]));
    for (const role of ROLES) {
      const full = (field: 'Customer.email' | 'Customer.phone' | 'ArchivedCustomer.email' | 'ArchivedCustomer.phone') => fieldAccess(role, field) === FieldAccess.FULL;
      expect(table[role]).toEqual([
        ['name', 'code', ...(full('Customer.email') ? ['email'] : []), ...(full('Customer.phone') ? ['phone'] : [])],
        ['name', 'code', ...(full('ArchivedCustomer.email') ? ['email'] : []), ...(full('ArchivedCustomer.phone') ? ['phone'] : [])],
      ]);
    }
    // The rule bites somewhere: SUPPORT reads phones masked and cannot search them.
    expect(searchableColumns(Role.SUPPORT, 'Customer')).not.toContain('phone');
    expect(searchableColumns(Role.ADMIN, 'Customer')).toEqual(['name', 'code', 'email', 'phone']);
  });

  it('refuses an order by a guarded value to roles that do not read it in full, naming the field', () => {
    const byAmount = [{ field: InteractionSortField.OCCURRED_AT }, { field: InteractionSortField.AMOUNT }];
    for (const role of ROLES) {
      expect(forbiddenOrder(role, byAmount, GUARDED_SORTS)).toBe(mayCompareBy(role, 'Interaction.amount') ? undefined : 'Interaction.amount');
      expect(forbiddenOrder(role, byAmount, ARCHIVED_GUARDED_SORTS)).toBe(mayCompareBy(role, 'ArchivedInteraction.amount') ? undefined : 'ArchivedInteraction.amount');
      expect(forbiddenOrder(role, [{ field: InteractionSortField.OCCURRED_AT }], GUARDED_SORTS)).toBeUndefined();
      expect(forbiddenOrder(role, null, GUARDED_SORTS)).toBeUndefined();
    }
    expect(ROLES.some((role) => !mayCompareBy(role, 'Interaction.amount'))).toBe(true);
  });
});
