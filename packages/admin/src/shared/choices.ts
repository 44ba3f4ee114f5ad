import { schemaIndex } from '../data-provider/schema.ts';
import { en } from '../i18n/en.ts';

export interface Choice {
  id: string;
  name: string;
}

/** Enum values come from the schema; their labels from `custos.enums.<Enum>.<VALUE>`. */
export function enumChoices(enumName: string): Choice[] {
  return schemaIndex.enumValues(enumName).map((value) => ({ id: value, name: `custos.enums.${enumName}.${value}` }));
}

/**
 * Industry keys and region codes are plain strings in the schema. The server's
 * industry list is fixed in its code (customer.enums.ts) and not published over
 * GraphQL, so the dashboard keeps the same keys with their translations.
 */
export const INDUSTRY_KEYS = Object.keys(en.custos.industries);
export const REGION_CODES = Object.keys(en.custos.regions);

export const industryChoices = (): Choice[] => INDUSTRY_KEYS.map((key) => ({ id: key, name: `custos.industries.${key}` }));
export const regionChoices = (): Choice[] => REGION_CODES.map((code) => ({ id: code, name: `custos.regions.${code}` }));

/** Fields a list can be sorted by, read from the list query's sort enum. */
export function sortableFields(listQuery: string): Set<string> {
  const field = schemaIndex.query(listQuery);
  const orderType = schemaIndex.argType(field, 'orderBy');
  if (!orderType) return new Set();
  const fieldArg = schemaIndex.inputFields(orderType.name).find((f) => f.name === 'field');
  if (!fieldArg) return new Set();
  let type = fieldArg.type;
  while (type.kind === 'NON_NULL' || type.kind === 'LIST') type = type.ofType;
  // NAME → name, LAST_INTERACTION_AT → lastInteractionAt
  return new Set(schemaIndex.enumValues(type.name).map((v) => v.toLowerCase().replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
}
