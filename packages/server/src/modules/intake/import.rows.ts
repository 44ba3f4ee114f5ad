import { validate } from 'class-validator';
import { countryOfRegion, normalizeEmail, normalizeIndustry, normalizeName, normalizePhone, normalizeRegion, normalizeTaxId } from '../cleanup/normalize.js';
import { CustomerTier, CustomerType } from '../customer/customer.enums.js';
import { CreateCustomerInput } from '../customer/customer.inputs.js';
import type { ColumnMapping, ImportField } from './import.mapping.js';

/**
 * One file row → the customer it describes, normalized the way normalization would store
 * it (phones to E.164, emails, regions, industries, tax ids), then checked by the same
 * rules as createCustomer's input. A row with any problem is not written; its problems
 * name the field and say why.
 */

export interface RowProblem {
  field: string;
  message: string;
}

export interface MappedRow {
  /** The fields the file gives (mapped and not empty), as createCustomer takes them. */
  values: Partial<CreateCustomerInput>;
  problems: RowProblem[];
}

const TYPES: Record<string, CustomerType> = {
  enterprise: CustomerType.ENTERPRISE, 企业: CustomerType.ENTERPRISE, 大企业: CustomerType.ENTERPRISE, 大客户: CustomerType.ENTERPRISE,
  smb: CustomerType.SMB, 中小企业: CustomerType.SMB, 小企业: CustomerType.SMB,
  individual: CustomerType.INDIVIDUAL, person: CustomerType.INDIVIDUAL, 个人: CustomerType.INDIVIDUAL,
};
const TIERS: Record<string, CustomerTier> = {
  key_account: CustomerTier.KEY_ACCOUNT, 'key account': CustomerTier.KEY_ACCOUNT, 重点客户: CustomerTier.KEY_ACCOUNT, 大客户: CustomerTier.KEY_ACCOUNT,
  long_term: CustomerTier.LONG_TERM, 'long term': CustomerTier.LONG_TERM, 长期客户: CustomerTier.LONG_TERM,
  standard: CustomerTier.STANDARD, 普通: CustomerTier.STANDARD, 普通客户: CustomerTier.STANDARD, 标准: CustomerTier.STANDARD,
};

/** Rows without a type column (or with an empty cell) are this type. */
export const DEFAULT_TYPE = CustomerType.SMB;

export async function mapRow(raw: readonly string[], mapping: ColumnMapping, defaultCountry: string): Promise<MappedRow> {
  const cells: Partial<Record<ImportField, string>> = {};
  for (const [column, field] of Object.entries(mapping)) {
    const text = (raw[Number(column)] ?? '').trim();
    if (text !== '') cells[field] = text;
  }
  const problems: RowProblem[] = [];
  const values: Partial<CreateCustomerInput> = {};
  const bad = (field: string, message: string) => problems.push({ field, message });

  if (cells.name) values.name = normalizeName(cells.name).value ?? cells.name;
  else bad('name', 'is required');
  if (cells.code) values.code = cells.code;
  const type = cells.type ? TYPES[cells.type.normalize('NFKC').toLowerCase()] : DEFAULT_TYPE;
  if (type) values.type = type;
  else bad('type', `unknown type "${cells.type}" (ENTERPRISE, SMB or INDIVIDUAL)`);
  if (cells.tier) {
    const tier = TIERS[cells.tier.normalize('NFKC').toLowerCase()];
    if (tier) values.tier = tier;
    else bad('tier', `unknown tier "${cells.tier}" (KEY_ACCOUNT, LONG_TERM or STANDARD)`);
  }
  if (cells.region) {
    const region = normalizeRegion(cells.region);
    if (region.valid) values.region = region.value;
    else bad('region', 'must be an ISO 3166-2 code such as CN-SH or US-CA');
  }
  if (cells.industry) {
    const industry = normalizeIndustry(cells.industry);
    if (industry.valid) values.industry = industry.value;
    else bad('industry', `unknown industry "${cells.industry}"`);
  }
  if (cells.email) {
    const email = normalizeEmail(cells.email);
    if (email.valid) values.email = email.value;
    else bad('email', 'email must be a valid email address');
  }
  if (cells.phone) {
    const phone = normalizePhone(cells.phone, countryOfRegion(values.region, defaultCountry));
    if (phone.valid) values.phone = phone.value;
    else bad('phone', 'is not a valid phone number');
  }
  if (cells.taxId) {
    const tax = normalizeTaxId(cells.taxId);
    if (tax.valid) values.taxId = tax.value;
    else bad('taxId', 'is not a valid tax id');
  }
  if (cells.address) values.address = cells.address;
  if (cells.notes) values.notes = cells.notes;
  if (cells.tags) values.tags = [...new Set(cells.tags.split(/[,;，；、|]/u).map((t) => t.trim()).filter(Boolean))];

  // Then the API's own rules (lengths, patterns) on what is left.
  const input = Object.assign(new CreateCustomerInput(), values);
  for (const error of await validate(input, { skipMissingProperties: true, forbidUnknownValues: false })) {
    if (problems.some((p) => p.field === error.property)) continue;
    bad(error.property, Object.values(error.constraints ?? {})[0] ?? 'is invalid');
  }
  return { values, problems };
}
