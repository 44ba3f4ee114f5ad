import type { LoggedSubject } from './actor.js';
import { requireActor } from './guard.js';
import { mask } from './masking.js';
import { fieldReadForbidden } from './policy.errors.js';
import { FieldAccess, SUBJECT_REQUEST_FIELDS, type SubjectRequestField } from './policy.js';

/**
 * An identifier of a data-subject request on its way out, by the SUBJECT_REQUEST_FIELDS
 * rule. `clear` is the value while the request is open (decrypted), null once it is closed;
 * `masked` is the mask kept for good. A full read of a value in clear is access-logged
 * like a customer's personal field.
 */
export function guardSubjectValue(
  ctx: LoggedSubject,
  field: SubjectRequestField,
  requestId: string,
  clear: string | null,
  masked: string | null,
): string | null {
  const rule = SUBJECT_REQUEST_FIELDS[field];
  const access = rule.access[requireActor(ctx).role];
  if (access === FieldAccess.NONE) throw fieldReadForbidden(field);
  if (clear == null) return masked;
  if (access === FieldAccess.MASKED) return mask(rule.mask, clear);
  ctx.accessLog.record('SubjectRequest', field.split('.')[1]!, requestId);
  return clear;
}
