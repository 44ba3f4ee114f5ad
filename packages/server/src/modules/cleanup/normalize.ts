import { domainToASCII, domainToUnicode } from 'node:url';
import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { INDUSTRIES } from '../customer/customer.enums.js';
import { REGION_PATTERN } from '../customer/customer.inputs.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { CleanupField } from './cleanup.enums.js';
import { normalizeTaxId, type Normalized } from '../customer/customer.tax.js';

export { isUnifiedSocialCreditCode, normalizeTaxId, type Normalized } from '../customer/customer.tax.js';

/**
 * Canonical forms of customer values. Pure functions: the dry run, the apply job and the
 * data-quality checks all call these, so a preview shows exactly what a run would write.
 */


const collapse = (text: string) => text.normalize('NFKC').replace(/\s+/gu, ' ').trim();

/** Names keep their script; NFKC folds full-width Latin letters, digits and spaces. */
export function normalizeName(raw: string | null): Normalized {
  if (raw == null) return { value: null, valid: false };
  const value = collapse(raw);
  return { value: value || raw, valid: value.length > 0 };
}

/**
 * Trimmed and lower-cased; the domain is validated through its ASCII (punycode) form
 * and stored in canonical Unicode, so `ZHANG@ＢÜCHER.DE` and `zhang@xn--bcher-kva.de`
 * become the same `zhang@bücher.de`.
 */
export function normalizeEmail(raw: string | null): Normalized {
  if (raw == null || raw.trim() === '') return { value: null, valid: false };
  const text = raw.normalize('NFKC').trim();
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at).toLowerCase();
  const ascii = at > 0 ? domainToASCII(text.slice(at + 1).toLowerCase()) : '';
  const validLocal = /^[^\s@"(),:;<>[\\\]]{1,64}$/u.test(local) && !local.startsWith('.') && !local.endsWith('.') && !local.includes('..');
  const validDomain = ascii !== '' && /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{1,62}$/.test(ascii);
  if (!validLocal || !validDomain) return { value: text, valid: false };
  return { value: `${local}@${domainToUnicode(ascii)}`, valid: true };
}

/** The ISO 3166-1 country of a region code (`CN-SH` → `CN`) when libphonenumber knows it. */
export function countryOfRegion(region: string | null | undefined, fallback: string): CountryCode {
  const country = region?.slice(0, 2).toUpperCase();
  if (country && isSupportedCountry(country)) return country;
  return fallback as CountryCode;
}

/**
 * E.164 through libphonenumber (full metadata, so validity is checked against the real
 * numbering plan): `138 0013 8000`, `+86 138-0013-8000`, `0086 13800138000` and
 * full-width `１３８００１３８０００` all become `+8613800138000`; landlines such as
 * `021-6123 4567` get their area code (`+862161234567`). Numbers read in the customer's
 * own country unless they carry a country code.
 */
export function normalizePhone(raw: string | null, country: CountryCode): Normalized {
  if (raw == null || raw.trim() === '') return { value: null, valid: false };
  const text = raw.normalize('NFKC').trim();
  const dialable = text.replace(/^00(?=[1-9])/, '+').replace(/[()\s.\-–—]/gu, (c) => (c === '(' || c === ')' ? '' : ' '));
  const parsed = parsePhoneNumberFromString(dialable, country);
  if (!parsed || !parsed.isValid()) return { value: text, valid: false };
  return { value: parsed.number, valid: true };
}

/** ISO 3166-2 codes upper-case with a hyphen (`cn_sh`, `ＣＮ－ＳＨ` → `CN-SH`). */
export function normalizeRegion(raw: string | null): Normalized {
  if (raw == null || raw.trim() === '') return { value: null, valid: false };
  const value = raw.normalize('NFKC').trim().toUpperCase().replace(/[\s_]+/g, '-');
  return REGION_PATTERN.test(value) ? { value, valid: true } : { value: raw, valid: false };
}

const INDUSTRY_BY_KEY = new Map(INDUSTRIES.map((key) => [key.toLowerCase(), key as string]));

/** Industry keys from the fixed list, matched ignoring case, spaces and punctuation. */
export function normalizeIndustry(raw: string | null): Normalized {
  if (raw == null || raw.trim() === '') return { value: null, valid: false };
  const key = raw.normalize('NFKC').toLowerCase().replace(/[\s_&-]+/g, '');
  const value = INDUSTRY_BY_KEY.get(key);
  return value ? { value, valid: true } : { value: raw, valid: false };
}

export interface FieldChange {
  field: CleanupField;
  before: string | null;
  after: string | null;
}

/** The customer columns normalization may rewrite, by field. */
export const NORMALIZED_FIELDS = [
  CleanupField.NAME, CleanupField.EMAIL, CleanupField.PHONE, CleanupField.TAX_ID, CleanupField.REGION, CleanupField.INDUSTRY,
] as const;

type Normalizable = Pick<CustomerRecord, 'name' | 'email' | 'phone' | 'taxId' | 'region' | 'industry'>;

/** What normalization would change on one customer; invalid values are left alone. */
export function normalizeCustomer(c: Normalizable, defaultCountry: string): FieldChange[] {
  const region = normalizeRegion(c.region);
  const country = countryOfRegion(region.valid ? region.value : c.region, defaultCountry);
  const results: [CleanupField, string | null, Normalized][] = [
    [CleanupField.NAME, c.name, normalizeName(c.name)],
    [CleanupField.EMAIL, c.email, normalizeEmail(c.email)],
    [CleanupField.PHONE, c.phone, normalizePhone(c.phone, country)],
    [CleanupField.TAX_ID, c.taxId, normalizeTaxId(c.taxId)],
    [CleanupField.REGION, c.region, region],
    [CleanupField.INDUSTRY, c.industry, normalizeIndustry(c.industry)],
  ];
  return results
    .filter(([, before, n]) => n.valid && n.value !== before)
    .map(([field, before, n]) => ({ field, before, after: n.value }));
}
