import { hkdfSync } from 'node:crypto';
import { hmac, keyRing, type KeyRing } from '../../crypto/keyring.js';
import { taxIdKey } from '../../crypto/sealed.js';

/**
 * What the append-only audit log may hold of personal data: nothing in clear. Erasing a
 * person can never edit the log, so values are masked before they enter it (audit.changes.ts)
 * or replaced by a keyed hash ("pseudonym"): an HMAC under a key derived from the current
 * encryption key, so the same search term or email always gives the same token — two
 * events about "the same filter" stay comparable — while nobody without the key can
 * test guesses against it. Tokens name the key id: after a key rotation new events carry
 * new tokens, and once the old key is dropped the old tokens cannot be linked to anyone.
 *
 * Two layers, both applied by `recordAudit` to every event:
 * - criteria that hold typed-in values of customers (`search`, `taxId`) become tokens
 *   wherever a filter appears (exports, segments, job parameters, policy rules);
 * - every other string (reasons, descriptions, names of things, job results and errors)
 *   has the email addresses, phone numbers and identifiers inside it replaced by tokens.
 * A person's name inside free text cannot be recognized; the log never copies customer
 * names (masked) or search terms (tokens), which is where names are typed.
 */

export type PseudonymKind = 'text' | 'email' | 'phone' | 'id';

const INFO = 'custos audit pseudonym v1';
let derived: { ring: KeyRing; keyId: string; key: Buffer } | undefined;

function pseudonymKey(): { keyId: string; key: Buffer } {
  const ring = keyRing();
  if (derived?.ring !== ring) {
    const keyId = ring.currentId;
    derived = { ring, keyId, key: Buffer.from(hkdfSync('sha256', ring.keys.get(keyId)!, Buffer.alloc(0), INFO, 32)) };
  }
  return derived;
}

/** The form two values are compared in: what a search or a match would treat as equal. */
function normalized(kind: PseudonymKind, value: string): string {
  const text = value.normalize('NFKC').trim();
  switch (kind) {
    case 'email':
      return text.toLowerCase();
    case 'phone':
      return text.replace(/\D/g, '');
    case 'id':
      return taxIdKey(text) ?? '';
    case 'text':
      return text.replace(/\s+/g, ' ').toLowerCase();
  }
}

/** `[hmac:<kind>:<key id>:<96 bits in hex>]` */
export function auditPseudonym(kind: PseudonymKind, value: string): string {
  const { keyId, key } = pseudonymKey();
  const digest = hmac(key, `${kind}\u0000${normalized(kind, value)}`).toString('hex').slice(0, 24);
  return `[hmac:${kind}:${keyId}:${digest}]`;
}

const TOKEN = /\[hmac:[a-z]+:[A-Za-z0-9_-]{1,32}:[0-9a-f]{24}\]/g;

/** Unicode local parts are allowed (createCustomer takes them); `*` is not, so masked
 * addresses (`z***@example.com`) stay as they are. */
const EMAIL = /[\p{L}\p{N}._%+!#$&'=?^`{|}~-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** International numbers (+…), Chinese mobiles, and numbers written in groups of digits. */
const PHONE = /(?<![\w+])(?:\+\d[\d\s().-]{5,}\d|1[3-9]\d{9}|0\d{2,3}[\s-]\d{7,8}|\d{2,4}(?:[\s.-]\d{2,5}){2,})(?![\w])/gu;
/** Tax and identity numbers: 15–20 capitals and digits, at least 8 of them digits. */
const IDENTIFIER = /(?<![\p{L}\p{N}])(?=(?:[0-9A-Z]*[0-9]){8})[0-9A-Z]{15,20}(?![\p{L}\p{N}])/gu;
/** Dates and times look like groups of digits; they are kept, and no match spans them.
 * The compact form is how backup names carry their time (custos-20261204T101112Z-…). */
const DATE = /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?|\d{8}T\d{6}(?:\.\d+)?Z?/g;

/** Each pattern runs only outside the tokens the patterns before it wrote. */
function scrubPart(text: string): string {
  const passes: ((part: string) => string)[] = [
    (part) => part.replace(EMAIL, (m) => auditPseudonym('email', m)),
    (part) =>
      part.replace(PHONE, (m) => {
        const digits = m.replace(/\D/g, '').length;
        return digits < 7 || digits > 15 ? m : auditPseudonym('phone', m);
      }),
    (part) => part.replace(IDENTIFIER, (m) => auditPseudonym('id', m)),
  ];
  return passes.reduce((done, pass) => outside(done, TOKEN, pass), text);
}

/** `text` cut at the matches of `keep`: the matches stay, the rest goes through `scrub`. */
function outside(text: string, keep: RegExp, scrub: (part: string) => string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(keep)) {
    out += scrub(text.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  return out + scrub(text.slice(last));
}

/** Free text with the emails, phone numbers and identifiers in it replaced by tokens;
 * tokens already in it (a filter pseudonymized earlier) and dates are kept. */
export function scrubText(text: string): string {
  // Most strings of an event are enum values and ids: nothing to find without a digit or @.
  if (!/[\p{N}@]/u.test(text)) return text;
  return outside(text, TOKEN, (part) => outside(part, DATE, scrubPart));
}

/** Filter criteria whose value is typed-in customer data: replaced whole by a token. */
const CRITERIA: Record<string, PseudonymKind> = {
  search: 'text',
  taxId: 'id',
};

function isToken(text: string): boolean {
  return new RegExp(`^${TOKEN.source}$`).test(text);
}

/**
 * A value on its way into the log (an event's changes, a filter, job parameters or
 * results): criteria as tokens, every other string scrubbed. Keys, numbers, booleans and
 * the shape stay as they are. `key` is the property the value sits under.
 */
export function auditSafe(value: unknown, key?: string): unknown {
  if (typeof value === 'string') {
    const kind = key !== undefined ? CRITERIA[key] : undefined;
    if (kind) return isToken(value) ? value : auditPseudonym(kind, value);
    return scrubText(value);
  }
  if (Array.isArray(value)) return value.map((item) => auditSafe(item, key));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = auditSafe(v, k);
    return out;
  }
  return value;
}

/** A stored filter without typed-in customer data, for records kept after their use. */
export function pseudonymizedFilter<T extends object | null>(filter: T): T {
  return auditSafe(filter) as T;
}
