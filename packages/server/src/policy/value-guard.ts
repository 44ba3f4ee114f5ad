import type { LoggedSubject } from './actor.js';
import { mask } from './masking.js';
import { customerValueRule, FieldAccess, GUARDED_FIELDS, type GuardedFieldRule } from './policy.js';
import { requireActor } from './guard.js';

/**
 * A customer value leaving through a cleanup type, under the same rule as the Customer
 * field it comes from: the value, its mask, or nothing (`hidden`). Full reads of personal
 * data are access-logged like reads through Customer.
 */
export function guardCustomerValue(ctx: LoggedSubject, key: string, customerId: string, value: unknown): { value: string | null; hidden: boolean } {
  const rule = customerValueRule(key);
  const text = value == null ? null : Array.isArray(value) ? value.join(', ') : String(value);
  if (!rule) return { value: text, hidden: false };
  const access = rule.access[requireActor(ctx).role];
  if (access === FieldAccess.NONE) return { value: null, hidden: true };
  if (text == null) return { value: null, hidden: false };
  if (access === FieldAccess.MASKED) return { value: mask(rule.mask, text), hidden: false };
  if (rule.personal) ctx.accessLog.record('Customer', key, customerId);
  return { value: text, hidden: false };
}

/**
 * A stored value of a customer leaving through history or time travel, under the rule of
 * the same field on the type the customer is read as now (`Customer` while live,
 * `ArchivedCustomer` once archived): a role sees in a customer's past exactly what it sees
 * in the record. Values keep their JSON shape (tags stay a list); masks are strings.
 */
export function guardRecordValue(
  ctx: LoggedSubject,
  typeName: 'Customer' | 'ArchivedCustomer',
  key: string,
  customerId: string,
  value: unknown,
): { value: unknown; hidden: boolean } {
  const rule = (GUARDED_FIELDS as Record<string, GuardedFieldRule>)[`${typeName}.${key}`];
  if (!rule) return { value: value ?? null, hidden: false };
  const access = rule.access[requireActor(ctx).role];
  if (access === FieldAccess.NONE) return { value: null, hidden: true };
  if (value == null) return { value: null, hidden: false };
  if (access === FieldAccess.MASKED) return { value: mask(rule.mask, value), hidden: false };
  if (rule.personal) ctx.accessLog.record(typeName, key, customerId);
  return { value, hidden: false };
}
