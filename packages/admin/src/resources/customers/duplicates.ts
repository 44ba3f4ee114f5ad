/**
 * The duplicate warning on the customer form (issue 22): what to ask `customerDuplicates`
 * while someone types, and how to read its answer. Plain TypeScript, so the unit tests
 * run it under Node (duplicate-warning.tsx shows it).
 */
import type { CustomerDuplicateCheckInput, CustomerDuplicatesQuery } from '@custos/schema';

export type PossibleDuplicate = CustomerDuplicatesQuery['customerDuplicates'][number];

const CHECKED = ['name', 'region', 'email', 'phone', 'taxId'] as const;
type Checked = (typeof CHECKED)[number];

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/**
 * The values to check, or null when there is nothing worth asking about. A new customer
 * is checked with everything typed; an edited one only with what changed (name and
 * region go together: a name matches within its region), so a customer's long-known
 * neighbours do not warn on every edit. Fields the role may not write are left out (the
 * server refuses a probe of them).
 */
export function duplicateCheckInput(
  values: Partial<Record<Checked | 'id', unknown>>,
  original: Readonly<Record<string, unknown>> | undefined,
  mayWrite: (field: string) => boolean,
): CustomerDuplicateCheckInput | null {
  const input: CustomerDuplicateCheckInput = {};
  const changed = (field: Checked) => !original || text(values[field]) !== text(original[field]);
  const nameChanged = changed('name') || changed('region');
  for (const field of CHECKED) {
    const value = text(values[field]);
    if (!value || !mayWrite(field)) continue;
    if (field === 'name' || field === 'region' ? !nameChanged : !changed(field)) continue;
    input[field] = value;
  }
  // A region alone matches nothing.
  if (!input.name && !input.email && !input.phone && !input.taxId) return null;
  if (original && values.id != null) input.id = String(values.id);
  return input;
}

/** A match a save would be refused for (its rule for one of the reasons is BLOCK). */
export const blocks = (match: PossibleDuplicate) => match.reasons.some((r) => r.action === 'BLOCK');

export interface DuplicateVerdict {
  matches: PossibleDuplicate[];
  /** A save would be refused. */
  blocked: boolean;
}

export function verdict(matches: readonly PossibleDuplicate[] | undefined): DuplicateVerdict {
  const list = [...(matches ?? [])];
  return { matches: list, blocked: list.some(blocks) };
}

/** "87%": how likely the match is the same customer. */
export const percent = (score: number) => `${Math.round(Math.max(0, Math.min(1, score)) * 100)}%`;
