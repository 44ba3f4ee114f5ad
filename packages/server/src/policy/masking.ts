import type { MaskKind } from './policy.js';

/** Masks keep the shape of a value (`z***@example.com`, `138****5678`) so screens and
 * exports stay readable without revealing it. */
export function mask(kind: MaskKind, value: unknown): string | null {
  if (value == null) return null;
  const text = String(value);
  switch (kind) {
    case 'email':
      return maskEmail(text);
    case 'phone':
      return maskPhone(text);
    case 'identifier':
      return text.length <= 6 ? '*'.repeat(text.length) : `${text.slice(0, 2)}${'*'.repeat(text.length - 6)}${text.slice(-4)}`;
    case 'amount':
      return '***';
    case 'text':
      return text.length === 0 ? '' : `${firstCharacter(text)}***`;
  }
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${firstCharacter(email)}***${email.slice(at)}`;
}

/** The first code point (a whole emoji or rare CJK character, never half of one), without
 * spreading the whole string into an array per masked value. */
function firstCharacter(text: string): string {
  return String.fromCodePoint(text.codePointAt(0)!);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** Keeps the first three and last four digits of the national number; the country
 * code and separators stay as they are. */
function maskPhone(phone: string): string {
  const prefix = /^\+\d{1,3}[\s-]+/.exec(phone)?.[0] ?? (phone.startsWith('+86') ? '+86' : '');
  const rest = phone.slice(prefix.length);
  const digits = rest.replace(/\D/g, '').length;
  if (digits < 8) return prefix + rest.replace(/\d(?=(?:\D*\d){2})/g, '*');
  // One pass over the characters: a replace callback per digit cost ~0.7 µs a phone
  // number, on every masked value of a list.
  let seen = 0;
  let masked = '';
  for (let i = 0; i < rest.length; i += 1) {
    const code = rest.charCodeAt(i);
    if (!isDigit(code)) masked += rest[i];
    else {
      seen += 1;
      masked += seen <= 3 || seen > digits - 4 ? rest[i] : '*';
    }
  }
  return prefix + masked;
}
