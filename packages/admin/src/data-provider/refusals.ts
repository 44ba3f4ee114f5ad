/**
 * The server sends codes and field keys, the dashboard owns the words (issue 18):
 * `extensions.reason` (a module's error code) and the English text of each
 * `extensions.fields[{ field, message }]` are mapped here to catalogue keys
 * (`custos.refusals.*`, refusals-en.ts / refusals-zh-cn.ts). Anything unknown falls back
 * to a generic translated message: raw server English never reaches the screen.
 * Plain data and functions, so the unit tests run it under Node.
 */

/** `extensions.reason` values with a message of their own (`custos.refusals.reasons.<REASON>`). */
export const KNOWN_REASONS = [
  'INVALID_INPUT', 'INVALID_CURSOR', 'PAGE_TOO_LARGE',
  'CUSTOMER_NOT_FOUND', 'CUSTOMER_VERSION_CONFLICT', 'CUSTOMER_CODE_TAKEN', 'CUSTOMER_NOT_EDITABLE',
  'INTERACTION_CUSTOMER_NOT_FOUND', 'INTERACTION_CUSTOMER_NOT_ACTIVE',
  'USER_NOT_FOUND', 'USER_EMAIL_TAKEN', 'USER_LAST_ADMIN',
  'ACTION_FORBIDDEN', 'FIELD_WRITE_FORBIDDEN', 'FIELD_READ_FORBIDDEN', 'SORT_FORBIDDEN',
  'ARCHIVED_CUSTOMER_NOT_FOUND', 'LIFECYCLE_INVALID_STATE', 'ARCHIVE_INTEGRITY_FAILED', 'LEGAL_HOLD', 'CONFIRMATION_MISMATCH', 'TOO_MANY_IDS',
  'JOB_NOT_FOUND', 'JOB_FINISHED', 'JOB_ALREADY_ACTIVE',
  'ARCHIVE_POLICY_NOT_FOUND', 'ARCHIVE_POLICY_VERSION_CONFLICT', 'ARCHIVE_POLICY_NAME_TAKEN', 'ARCHIVE_POLICY_RUN_IN_PROGRESS',
  'BACKUP_NOT_FOUND', 'BACKUP_CORRUPT', 'BACKUP_NEWER_VERSION', 'BACKUP_TARGET_NOT_EMPTY',
  'EXPORT_LINK_INVALID', 'EXPORT_FILTER_MISMATCH',
  'SEARCH_QUERY_TOO_LONG', 'SEARCH_INVALID_CURSOR', 'SEARCH_PAGE_TOO_LARGE', 'SEARCH_REINDEX_RUNNING', 'SEARCH_UNAVAILABLE',
  'CLEANUP_MERGE_NOT_FOUND', 'CLEANUP_GROUP_NOT_FOUND', 'CLEANUP_NOT_MERGEABLE', 'CLEANUP_UNMERGE_BLOCKED', 'CLEANUP_NO_SUGGESTION',
  'CLASSIFICATION_TAG_NOT_FOUND', 'CLASSIFICATION_TAG_EXISTS', 'CLASSIFICATION_TOO_MANY_MATCHES',
  'CLASSIFICATION_SEGMENT_NOT_FOUND', 'CLASSIFICATION_SEGMENT_VERSION_CONFLICT', 'CLASSIFICATION_SEGMENT_NAME_TAKEN', 'CLASSIFICATION_SEGMENT_IN_USE',
  'UNDO_NOT_FOUND', 'UNDO_EXPIRED', 'UNDO_ALREADY_UNDONE', 'UNDO_STILL_RUNNING',
  'INTAKE_DUPLICATE_BLOCKED', 'INTAKE_IMPORT_NOT_FOUND', 'INTAKE_IMPORT_INVALID_STATE',
  'APPROVAL_NOT_FOUND', 'APPROVAL_OWN_REQUEST', 'APPROVAL_NOT_PENDING', 'APPROVAL_EXPIRED', 'APPROVAL_NOT_REQUESTER', 'APPROVAL_NOT_REQUIRED',
  'PURGE_ALREADY_SCHEDULED', 'PURGE_NOT_SCHEDULED',
] as const;

const REASONS = new Set<string>(KNOWN_REASONS);

/** The message key of a refusal's reason, when the dashboard has words for it. */
export function reasonKey(reason: unknown): string | undefined {
  return typeof reason === 'string' && REASONS.has(reason) ? `custos.refusals.reasons.${reason}` : undefined;
}

/** A translatable message: react-admin's `{ message, args }` shape. */
export interface Message {
  message: string;
  args?: Record<string, unknown>;
}

type Rule = [RegExp, string, ((m: RegExpExecArray) => Record<string, unknown>)?];

/**
 * The server's per-field texts (class-validator's defaults and the services' own, see
 * packages/server/src/**\/*.inputs.ts and invalidInput calls) → `custos.refusals.field.*`.
 * Order matters: "must not be in the future" before "must be in the future".
 */
const FIELD_RULES: Rule[] = [
  [/shorter than or equal to (\d+)/, 'too_long', (m) => ({ max: Number(m[1]) })],
  [/longer than or equal to (\d+)/, 'too_short', (m) => ({ min: Number(m[1]) })],
  [/must not be less than (-?\d+)/, 'min_value', (m) => ({ min: Number(m[1]) })],
  [/must not be greater than (-?\d+)/, 'max_value', (m) => ({ max: Number(m[1]) })],
  [/when it is OTHER/, 'note_for_other'],
  [/must not be blank|should not be empty|is required|must not be empty/, 'required'],
  [/valid email|must be an email/, 'email'],
  [/phone number/, 'phone'],
  [/letters, digits/, 'code'],
  [/ISO 3166-2/, 'region'],
  [/ISO 4217/, 'currency'],
  [/each tag|1–40 characters/, 'tag'],
  [/already in use/, 'taken'],
  [/^no such|no such live/, 'unknown_reference'],
  [/stale version|give the version/, 'stale'],
  [/must not be in the future/, 'not_future'],
  [/must be in the future/, 'future'],
  [/must not be negative/, 'not_negative'],
  [/must equal the customer's code/, 'confirm_code'],
  [/greater than activeDays/, 'after_active'],
  [/cannot add and remove the same tag/, 'tag_both'],
  [/give tags to add or to remove/, 'tags_none'],
  [/matches more than (\d+)/, 'too_many_matches', (m) => ({ max: Number(m[1]) })],
  [/at most (\d+)/, 'at_most', (m) => ({ max: Number(m[1]) })],
  [/must be after from/, 'after_from'],
  // The duplicate gate (packages/server/src/modules/intake) and import rows (import.rows.ts).
  [/duplicate rule (for [A-Z_, ]+ )?blocks it/, 'duplicate_blocked'],
  [/matching customer is not yours/, 'duplicate_not_yours'],
  [/unknown type/, 'unknown_type'],
  [/unknown tier/, 'unknown_tier'],
  [/unknown industry/, 'unknown_industry'],
  [/valid tax id/, 'tax_id'],
];

/** One server field text as a translatable message; `invalid` when the text is not known. */
export function fieldMessage(text: string): Message {
  for (const [pattern, key, args] of FIELD_RULES) {
    const m = pattern.exec(text);
    if (m) return args ? { message: `custos.refusals.field.${key}`, args: args(m) } : { message: `custos.refusals.field.${key}` };
  }
  return { message: 'custos.refusals.field.invalid' };
}

/** `input.criteria.tags` → `criteria.tags`: the form's own field names. */
export const formFieldName = (field: string) => field.replace(/^input\./, '');

/**
 * react-admin forms show `{ message, args }` translated only from its validators; a
 * submission error is a plain string, so the same shape travels in react-admin's
 * special prefix (ra-core ValidationError) and is translated on the field.
 */
export const encodeForForm = (m: Message) => `@@react-admin@@${JSON.stringify(m)}`;
