import type { Subject } from './actor.js';
import { requireActor } from './guard.js';
import { mask } from './masking.js';
import { fieldReadForbidden } from './policy.errors.js';
import { FieldAccess, STAFF_FIELDS, type StaffField } from './policy.js';

/**
 * A staff record's field on its way out, on every path a User can take (`users`, `me`,
 * owners, actors, payloads): the caller's own record in full, anyone else's by the
 * STAFF_FIELDS rule. Synchronous, like the other field guards.
 */
export function guardStaffField<T>(ctx: Subject, field: StaffField, user: { id: string }, value: T): T | string | null {
  const actor = requireActor(ctx);
  if (actor.userId === user.id) return value;
  const rule = STAFF_FIELDS[field];
  const access = rule.access[actor.role];
  if (access === FieldAccess.NONE) throw fieldReadForbidden(field);
  if (access === FieldAccess.MASKED) return mask(rule.mask, value);
  return value;
}
