import type { SearchFilter } from '../search-index.js';

/**
 * The one function that writes Meilisearch filter expressions. Attribute names come
 * from the fixed table below, never from input; string values are always double-quoted
 * with `\` and `"` escaped, numbers must be finite integers, so no value can close its
 * quotes and add `OR`, `NOT`, a parenthesis or another attribute: whatever a caller
 * sends can only ever be compared as one literal.
 */

const ATTRIBUTES = {
  ownerId: 'ownerId',
  type: 'type',
  tier: 'tier',
  industry: 'industry',
  region: 'region',
  lifecycleStage: 'lifecycleStage',
  tags: 'tags',
  archiveReason: 'archiveReason',
  archivedYear: 'archivedYear',
  archivedAtTs: 'archivedAtTs',
  previousStatus: 'previousStatus',
  legalHold: 'legalHold',
  idNum: 'idNum',
} as const;

type Attribute = keyof typeof ATTRIBUTES;

export function quote(value: string): string {
  if (typeof value !== 'string') throw new TypeError('filter values must be strings');
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function integer(value: number): string {
  if (!Number.isSafeInteger(value)) throw new TypeError(`filter value ${String(value)} is not an integer`);
  return String(value);
}

function anyOf(attribute: Attribute, values: readonly string[]): string {
  return `${ATTRIBUTES[attribute]} IN [${values.map(quote).join(', ')}]`;
}

function seconds(rfc3339: string): number {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) throw new TypeError(`${rfc3339} is not a timestamp`);
  return Math.floor(ms / 1000);
}

export interface FilterOptions {
  ownerScope?: string | null;
  /** For id-ordered listings: only documents with a greater numeric id. */
  afterId?: string;
}

/** The whole filter as one expression (AND of parts), or undefined when there is none. */
export function buildFilter(filter: SearchFilter, options: FilterOptions = {}): string | undefined {
  const parts: string[] = [];
  if (options.ownerScope) parts.push(`${ATTRIBUTES.ownerId} = ${quote(options.ownerScope)}`);
  if (options.afterId !== undefined) parts.push(`${ATTRIBUTES.idNum} > ${integer(Number(options.afterId))}`);
  const lists: [Attribute, readonly string[] | undefined][] = [
    ['ownerId', filter.ownerIds],
    ['type', filter.types],
    ['tier', filter.tiers],
    ['industry', filter.industries],
    ['region', filter.regions],
    ['lifecycleStage', filter.lifecycleStages],
    ['tags', filter.tags],
    ['archiveReason', filter.archiveReasons],
    ['previousStatus', filter.previousStatuses],
  ];
  for (const [attribute, values] of lists) if (values?.length) parts.push(anyOf(attribute, values));
  if (filter.archivedYears?.length) parts.push(`${ATTRIBUTES.archivedYear} IN [${filter.archivedYears.map(integer).join(', ')}]`);
  if (filter.archivedAfter) parts.push(`${ATTRIBUTES.archivedAtTs} >= ${integer(seconds(filter.archivedAfter))}`);
  if (filter.archivedBefore) parts.push(`${ATTRIBUTES.archivedAtTs} < ${integer(seconds(filter.archivedBefore))}`);
  if (filter.legalHold != null) parts.push(`${ATTRIBUTES.legalHold} = ${filter.legalHold ? 'true' : 'false'}`);
  for (const more of filter.also ?? []) {
    const expression = buildFilter(more);
    if (expression) parts.push(expression);
  }
  return parts.length ? parts.map((p) => `(${p})`).join(' AND ') : undefined;
}
