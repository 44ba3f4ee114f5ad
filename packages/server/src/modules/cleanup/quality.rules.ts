import { createHash } from 'node:crypto';
import type { CustomerRecord } from '../customer/customer.record.js';
import { CleanupField, DataQualityProblem, FIELD_KEYS } from './cleanup.enums.js';
import {
  countryOfRegion,
  isUnifiedSocialCreditCode,
  normalizeEmail,
  normalizeIndustry,
  normalizeName,
  normalizePhone,
  normalizeTaxId,
} from './normalize.js';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { isPlaceholderText } from '../customer/customer.tax.js';

/** One problem with one field of one customer; `suggestion` applies when `hasSuggestion`
 * (a null suggestion then means "clear the value"). */
export interface Issue {
  field: CleanupField;
  problem: DataQualityProblem;
  hasSuggestion: boolean;
  suggestion: string | null;
  message: string;
}

export interface QualityOptions {
  defaultCountry: string;
  outdatedYears: number;
  now: Date;
}

/** `111111`, `123456`, `000-0000` and friends: digits that no one dials. */
export function isPlaceholderPhone(value: string): boolean {
  const digits = value.normalize('NFKC').replace(/\D/g, '');
  if (digits.length === 0) return true;
  if (/^(\d)\1+$/.test(digits.replace(/^(86|0086|1)/, ''))) return true;
  return '01234567890'.includes(digits) || '98765432109'.includes(digits);
}

export function isPlaceholderEmail(value: string): boolean {
  const [local = '', domain = ''] = value.normalize('NFKC').trim().toLowerCase().split('@');
  return isPlaceholderText(local) || /^(test|none|noemail|no-email|xxx)(\.(com|cn|net))?$/.test(domain);
}

/** The digest a dismissal is kept with: the issue comes back when the value changes. */
export function valueDigest(customer: CustomerRecord, field: CleanupField): string {
  const value =
    field === CleanupField.CONTACT ? `${customer.email ?? ''}|${customer.phone ?? ''}`
      : field === CleanupField.ACTIVITY ? `${customer.updatedAt}|${customer.lastInteractionAt ?? ''}`
        : String((customer as unknown as Record<string, unknown>)[FIELD_KEYS[field]?.key ?? ''] ?? '');
  return createHash('sha256').update(value).digest('hex');
}


const issue = (field: CleanupField, problem: DataQualityProblem, message: string, suggestion?: string | null): Issue => ({
  field, problem, message, hasSuggestion: suggestion !== undefined, suggestion: suggestion ?? null,
});

/** Every data-quality problem of one customer, in field order. */
export function issuesOf(c: CustomerRecord, options: QualityOptions): Issue[] {
  const out: Issue[] = [];
  const P = DataQualityProblem;
  const F = CleanupField;

  const name = normalizeName(c.name);
  if (isPlaceholderText(c.name)) out.push(issue(F.NAME, P.PLACEHOLDER, 'The name is a placeholder'));
  else if (name.value !== c.name) out.push(issue(F.NAME, P.NOT_NORMALIZED, 'Extra or full-width spaces in the name', name.value));

  const country = countryOfRegion(c.region, options.defaultCountry);
  if (c.email != null) {
    const email = normalizeEmail(c.email);
    const repaired = normalizeEmail(c.email.replace(/\s+(at|\[at\]|\(at\))\s+/i, '@').replace(/\s+/g, ''));
    if (isPlaceholderEmail(c.email)) out.push(issue(F.EMAIL, P.PLACEHOLDER, 'The email address is a placeholder', null));
    else if (!email.valid) out.push(issue(F.EMAIL, P.INVALID_EMAIL, 'Not a valid email address', repaired.valid ? repaired.value : undefined));
    else if (email.value !== c.email) out.push(issue(F.EMAIL, P.NOT_NORMALIZED, 'The email address is not in canonical form', email.value));
  }
  if (c.phone != null) {
    const phone = normalizePhone(c.phone, country);
    if (isPlaceholderPhone(c.phone)) out.push(issue(F.PHONE, P.PLACEHOLDER, 'The phone number is a placeholder', null));
    else if (!phone.valid) out.push(issue(F.PHONE, P.INVALID_PHONE, `Not a valid phone number for ${country}`));
    else {
      if (phone.value !== c.phone) out.push(issue(F.PHONE, P.NOT_NORMALIZED, 'The phone number is not in E.164 form', phone.value));
      const phoneCountry = parsePhoneNumberFromString(phone.value!)?.country;
      const regionCountry = c.region?.slice(0, 2);
      if (phoneCountry && regionCountry && phoneCountry !== regionCountry && !(regionCountry === 'CN' && ['HK', 'MO', 'TW'].includes(phoneCountry))) {
        out.push(issue(F.PHONE, P.CONFLICTING, `The phone number belongs to ${phoneCountry}, the region to ${regionCountry}`));
      }
    }
  }
  const noEmail = c.email == null || isPlaceholderEmail(c.email);
  const noPhone = c.phone == null || isPlaceholderPhone(c.phone);
  if (noEmail && noPhone) out.push(issue(F.CONTACT, P.MISSING_CONTACT, 'No way to reach this customer: neither a usable email nor phone'));

  if (c.taxId != null) {
    const tax = normalizeTaxId(c.taxId);
    const chinese = c.region?.startsWith('CN') && c.type !== 'INDIVIDUAL';
    if (isPlaceholderText(c.taxId) || /^(.)\1+$/.test(tax.value ?? '')) out.push(issue(F.TAX_ID, P.PLACEHOLDER, 'The tax id is a placeholder', null));
    else if (!tax.valid || (chinese && !isUnifiedSocialCreditCode(tax.value!))) {
      out.push(issue(F.TAX_ID, P.INVALID_TAX_ID, chinese ? 'Not an 18-character unified social credit code' : 'Not a valid tax id'));
    } else if (tax.value !== c.taxId) out.push(issue(F.TAX_ID, P.NOT_NORMALIZED, 'The tax id has spaces or lower-case letters', tax.value));
  }
  if (c.industry != null) {
    const industry = normalizeIndustry(c.industry);
    if (!industry.valid) out.push(issue(F.INDUSTRY, P.INVALID_CODE, 'Not one of the configured industries', null));
    else if (industry.value !== c.industry) out.push(issue(F.INDUSTRY, P.NOT_NORMALIZED, 'The industry key is not spelled as configured', industry.value));
  }
  const lastTouched = Math.max(Date.parse(c.updatedAt), Date.parse(c.lastInteractionAt ?? c.createdAt));
  const limit = new Date(options.now);
  limit.setUTCFullYear(limit.getUTCFullYear() - options.outdatedYears);
  if (lastTouched < limit.getTime()) {
    out.push(issue(F.ACTIVITY, P.OUTDATED, `Neither edited nor contacted for more than ${options.outdatedYears} years`));
  }
  return out;
}

/**
 * A SQL superset of `issuesOf` on alias `c` (placeholders for the outdated threshold and
 * the industry keys), so the list reads only customers that may have an issue; `issuesOf`
 * decides. Conflicting phone/region pairs are pre-selected for Chinese and US numbers.
 * The tax id is encrypted at rest, so SQL selects on its write-time `tax_id_shape`
 * (see `taxIdShape`); a value without one (plaintext from before encryption, until the
 * rotation job has run) is always a candidate.
 */
export function candidateCondition(years: string, industries: string): string {
  return `(
    (c.email is null and c.phone is null)
    or (c.email is not null and c.email !~ '^[a-z0-9._%+-]+@([a-z0-9-]+\\.)+[a-z]{2,}$')
    or c.email ~* '^(test|none|null|n/a|na|xxx|asdf|abc|tbd|unknown)@' or c.email ~* '@(test|none|noemail|no-email|xxx)(\\.(com|cn|net))?$'
    or (c.phone is not null and c.phone !~ '^\\+[1-9][0-9]{6,14}$')
    or (c.phone ~ '^\\+' and regexp_replace(c.phone, '^\\+(86|1)?', '') ~ '^(.)\\1+$')
    or (c.phone is not null and c.region is not null and left(c.region, 2) <> 'US' and c.phone ~ '^\\+1')
    or (c.phone like '+86%' and c.region is not null and left(c.region, 2) not in ('CN', 'HK', 'MO', 'TW'))
    or (c.phone is not null and left(c.region, 2) = 'CN' and c.phone !~ '^\\+(86|852|853|886)')
    or (c.phone is not null and left(c.region, 2) not in ('CN', 'US') and c.phone ~ '^\\+(86|1)')
    or (c.tax_id is not null and (c.tax_id_shape is null or c.tax_id_shape in ('PLACEHOLDER', 'INVALID', 'UNNORMALIZED')
        or (c.tax_id_shape = 'OTHER' and c.region like 'CN%' and c.type <> 'INDIVIDUAL')))
    or c.name <> btrim(regexp_replace(normalize(c.name, NFKC), '\\s+', ' ', 'g'))
    or lower(btrim(c.name)) in ('test', 'testing', 'tbd', 'n/a', 'na', 'none', 'null', 'unknown', 'xxx', 'asdf', 'abc', '测试', '无', '未知', '-', '.', '?')
    or (c.industry is not null and c.industry <> all(${industries}))
    or greatest(c.updated_at, coalesce(c.last_interaction_at, c.created_at)) < now() - ${years}::int * interval '1 year'
  )`;
}
