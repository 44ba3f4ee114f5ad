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
      return text.length === 0 ? '' : `${[...text][0]}***`;
  }
}

function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${[...email][0]}***${email.slice(at)}`;
}

/** Keeps the first three and last four digits of the national number; the country
 * code and separators stay as they are. */
function maskPhone(phone: string): string {
  const prefix = /^\+\d{1,3}[\s-]+/.exec(phone)?.[0] ?? (phone.startsWith('+86') ? '+86' : '');
  const rest = phone.slice(prefix.length);
  const digits = rest.replace(/\D/g, '').length;
  if (digits < 8) return prefix + rest.replace(/\d(?=(?:\D*\d){2})/g, '*');
  let seen = 0;
  const masked = rest.replace(/\d/g, (d) => {
    seen += 1;
    return seen <= 3 || seen > digits - 4 ? d : '*';
  });
  return prefix + masked;
}
