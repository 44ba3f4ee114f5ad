import type { KeyRing } from '../../crypto/keyring.js';
import { sealTaxId } from '../../crypto/sealed.js';

/** The columns one tax id is stored in: its ciphertext, its blind index (exact lookups,
 * duplicates) and its shape (data-quality candidates). Every write of a tax id goes
 * through here, so the three never disagree. */
export interface StoredTaxId {
  taxId: string | null;
  taxIdHash: Buffer | null;
  taxIdShape: string | null;
}

export function storedTaxId(plain: string | null, ring?: KeyRing): StoredTaxId {
  return { ...sealTaxId(plain, ring), taxIdShape: taxIdShape(plain) };
}

export interface Normalized {
  /** The canonical form, or the (trimmed) input when it cannot be made canonical. */
  value: string | null;
  /** False when the value is not a valid value of its kind at all. */
  valid: boolean;
}

/** Tax ids without spaces, upper-case (`91 3100 00ma1k4xy12b` → `91310000MA1K4XY12B`). */
export function normalizeTaxId(raw: string | null): Normalized {
  if (raw == null || raw.trim() === '') return { value: null, valid: false };
  const value = raw.normalize('NFKC').replace(/\s+/gu, '').toUpperCase();
  return { value, valid: /^[0-9A-Z][0-9A-Z-]{4,31}$/.test(value) };
}

/** China's unified social credit code: 18 characters from its own alphabet (no I, O, S, V, Z). */
export function isUnifiedSocialCreditCode(value: string): boolean {
  return /^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value);
}

const PLACEHOLDER_TEXT = new Set(['test', 'testing', 'tbd', 'n/a', 'na', 'none', 'null', 'unknown', 'xxx', 'asdf', 'abc', '测试', '无', '未知', '-', '.', '?']);

export function isPlaceholderText(value: string): boolean {
  return PLACEHOLDER_TEXT.has(value.normalize('NFKC').trim().toLowerCase());
}

/**
 * What the data-quality rules need to know about a tax id, kept beside it at write time
 * (`tax_id_shape`) because the value itself is encrypted and SQL cannot look at it: the
 * candidate scan selects on this, `issuesOf` still decides on the decrypted value. It
 * says which rule a value breaks, or that it is a unified social credit code or another
 * well-formed id; nothing more (the region already says most of it).
 */
export function taxIdShape(taxId: string | null): string | null {
  if (taxId == null) return null;
  const tax = normalizeTaxId(taxId);
  if (isPlaceholderText(taxId) || /^(.)\1+$/.test(tax.value ?? '')) return 'PLACEHOLDER';
  if (!tax.valid) return 'INVALID';
  if (tax.value !== taxId) return 'UNNORMALIZED';
  return isUnifiedSocialCreditCode(tax.value!) ? 'USCC' : 'OTHER';
}
