/**
 * Tags added and removed on the customers a list shows (`bulkTagCustomers`): the list's
 * react-admin filter converted like the list query's, narrowed to the ticked ids. Plain
 * TypeScript, run by the unit tests.
 */
import type { BulkTagCustomersMutation, CustomerFilter } from '@custos/schema';
import type { QueryBuilder } from '../../data-provider/build-query.ts';
import { registeredRead, type BuiltRead } from '../../data-provider/operations.ts';
import { resourceSpec } from '../../data-provider/resources.ts';

export type BulkTagOutcome = BulkTagCustomersMutation['bulkTagCustomers'];

export interface BulkTagRequest {
  /** The react-admin resource whose list filter applies (customers, voided-customers). */
  resource: string;
  filter: Record<string, unknown>;
  ids?: readonly string[];
  add?: readonly string[];
  remove?: readonly string[];
  dryRun?: boolean;
}

/** Tags are trimmed and blanks dropped; the list's fixed filter (Voided) applies too. */
export function bulkTagRead(builder: QueryBuilder, request: BulkTagRequest): BuiltRead<BulkTagOutcome> {
  const spec = resourceSpec(request.resource);
  const clean = (tags: readonly string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
  const listFilter = builder.filterInput('CustomerFilter', { ...request.filter, ...(spec.fixedFilter ?? {}) }, spec.filterAliases) ?? {};
  const filter = { ...listFilter, ...(request.ids?.length ? { ids: [...request.ids] } : {}) } as CustomerFilter;
  return registeredRead('BulkTagCustomers', { input: { filter, add: clean(request.add), remove: clean(request.remove), dryRun: request.dryRun ?? false } }, (r) => r.bulkTagCustomers);
}
