import type { Role } from './role.js';
import { ACTIONS, GUARDED_FIELDS, RowScope, STAFF_FIELDS, SUBJECT_REQUEST_FIELDS, type Action, type FieldAccess, type GuardedField } from './policy.js';

/**
 * What the dashboard may show, derived from the policy: `customer:update` when the role
 * may do it on at least its own rows, `customer:update:all` when on every row, and
 * `field:Customer.email:MASKED` for each guarded field's level (and for the staff fields
 * of other users' records).
 */
export function permissionsFor(role: Role): string[] {
  const out: string[] = [];
  for (const [action, scopes] of Object.entries(ACTIONS) as [Action, Record<Role, RowScope>][]) {
    if (scopes[role] === RowScope.NONE) continue;
    out.push(action);
    if (scopes[role] === RowScope.ALL) out.push(`${action}:all`);
  }
  for (const [field, rule] of Object.entries(GUARDED_FIELDS) as [GuardedField, (typeof GUARDED_FIELDS)[GuardedField]][]) {
    out.push(`field:${field}:${rule.access[role]}`);
  }
  // Other people's staff records; one's own is always read in full.
  for (const [field, rule] of Object.entries(STAFF_FIELDS)) out.push(`field:${field}:${rule.access[role]}`);
  for (const [field, rule] of Object.entries(SUBJECT_REQUEST_FIELDS)) out.push(`field:${field}:${rule.access[role]}`);
  return out;
}

/**
 * Every guarded field (customer data and staff records) with each role's access, as
 * published in packages/schema/field-access.json for clients: the dashboard's registered
 * operations ask for a field a role may not read only under `@include`, so one document
 * serves every role (and the schema test keeps the file current).
 */
export function fieldAccessTable(): Record<string, Record<Role, FieldAccess>> {
  const out: Record<string, Record<Role, FieldAccess>> = {};
  for (const [field, rule] of [...Object.entries(GUARDED_FIELDS), ...Object.entries(STAFF_FIELDS), ...Object.entries(SUBJECT_REQUEST_FIELDS)].sort(([a], [b]) => a.localeCompare(b))) {
    out[field] = rule.access as Record<Role, FieldAccess>;
  }
  return out;
}

export function printFieldAccess(): string {
  return `${JSON.stringify({ note: 'Generated from packages/server/src/policy by `pnpm schema:generate`; do not edit.', fields: fieldAccessTable() }, null, 2)}\n`;
}
