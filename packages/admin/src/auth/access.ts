/**
 * What the signed-in user may see and do, as told by `me { role permissions }`.
 * The server is the real guard; this only decides what the dashboard shows, so that
 * people are not offered buttons and fields that would be refused.
 *
 * Permission strings (server: policy/permissions.ts): `customer:update` when the role may
 * act on at least its own rows, `customer:update:all` when on every row, and
 * `field:Customer.email:MASKED` with FULL, MASKED or NONE for each guarded field.
 */
export type Role = 'ADMIN' | 'MANAGER' | 'SALES' | 'SUPPORT' | 'AUDITOR' | 'REPORTING';
export type FieldLevel = 'FULL' | 'MASKED' | 'NONE';

export interface Access {
  role: Role;
  permissions: readonly string[];
}

export function can(access: Access | undefined, action: string): boolean {
  return access?.permissions.includes(action) ?? false;
}

/** FULL unless the policy lists the field with a lower level (unguarded fields are public). */
export function fieldLevel(access: Access | undefined, typeField: string): FieldLevel {
  if (!access) return 'FULL';
  const prefix = `field:${typeField}:`;
  const entry = access.permissions.find((p) => p.startsWith(prefix));
  const level = entry?.slice(prefix.length);
  return level === 'MASKED' || level === 'NONE' ? level : 'FULL';
}

export function canRead(access: Access | undefined, typeField: string): boolean {
  return fieldLevel(access, typeField) !== 'NONE';
}

/**
 * Whether a customer input field is offered in forms. The policy does not publish its
 * writable-field table, so the dashboard infers it: guarded fields need FULL read (a
 * masked value cannot be edited sensibly, and the policy's writable fields match its
 * FULL reads), and the owner can only be set by roles that act on every customer.
 */
export function canWriteCustomerField(access: Access | undefined, field: string): boolean {
  if (field === 'ownerId') return can(access, 'customer:update:all');
  return fieldLevel(access, `Customer.${field}`) === 'FULL';
}

/**
 * Which screens the menu offers. AUDITOR is kept to the audit log: its role is described
 * as "reads the audit log only", even though the policy lets it read customers (with all
 * personal data hidden) so that audit entries can be followed through the API.
 */
export function showsCustomers(access: Access | undefined): boolean {
  return can(access, 'customer:read') && access?.role !== 'AUDITOR';
}

export function showsAudit(access: Access | undefined): boolean {
  return can(access, 'audit:read');
}

export function showsUsers(access: Access | undefined): boolean {
  return can(access, 'user:manage');
}
