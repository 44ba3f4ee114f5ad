import type { Role } from './role.js';
import { FieldAccess, fieldAccess, type GuardedField } from './policy.js';

/**
 * What modules ask of the policy about searching, filtering and ordering, so none derives
 * it from the field rules itself. One rule stands behind all three: comparing by a value
 * reveals it (a search finds a masked phone digit by digit, an order sorts by the hidden
 * amount, an exact filter confirms a tax id), so a role compares only by values it reads
 * in full.
 */

/** Whether the role reads the field at all (in full or masked): a value it may not read
 * need not be decrypted or formatted, since its guard answers null before looking. */
export function mayRead(role: Role, field: GuardedField): boolean {
  return fieldAccess(role, field) !== FieldAccess.NONE;
}

/** The text columns a list's free-text search looks in, with the field each one reveals. */
const SEARCH_COLUMNS = {
  Customer: { name: null, code: null, email: 'Customer.email', phone: 'Customer.phone' },
  ArchivedCustomer: { name: null, code: null, email: 'ArchivedCustomer.email', phone: 'ArchivedCustomer.phone' },
} as const satisfies Record<string, Record<string, GuardedField | null>>;

export type SearchedType = keyof typeof SEARCH_COLUMNS;

/** Whether the role may search, filter or order by the field's value. */
export function mayCompareBy(role: Role, field: GuardedField): boolean {
  return fieldAccess(role, field) === FieldAccess.FULL;
}

/** The columns the role's free-text search on a list of `type` looks in. */
export function searchableColumns(role: Role, type: SearchedType): string[] {
  return Object.entries(SEARCH_COLUMNS[type])
    .filter(([, field]) => field === null || mayCompareBy(role, field))
    .map(([column]) => column);
}

/** The first guarded field among the sort terms that the role may not order by, if any. */
export function forbiddenOrder<F extends string>(
  role: Role,
  orderBy: readonly { field: F }[] | null | undefined,
  guards: Partial<Record<F, GuardedField>>,
): GuardedField | undefined {
  for (const order of orderBy ?? []) {
    const guarded = guards[order.field];
    if (guarded && !mayCompareBy(role, guarded)) return guarded;
  }
  return undefined;
}
