import type { LoggedSubject } from './actor.js';
import { mask } from './masking.js';
import { customerValueRule, FieldAccess } from './policy.js';
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
