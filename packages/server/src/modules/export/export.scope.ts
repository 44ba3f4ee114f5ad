import type { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { mask } from '../../policy/masking.js';
import { Action, FieldAccess, GUARDED_FIELDS } from '../../policy/policy.js';
import type { Role } from '../../policy/role.js';
import { archivedConditions } from '../archive/archive.reader.js';
import { archiveReadScope } from '../archive/archive.service.js';
import { auditConditions } from '../audit/audit.reader.js';
import { customerConditions } from '../customer/customer.reader.js';
import { customerReadScope } from '../customer/customer.service.js';
import { interactionConditions } from '../interaction/interaction.reader.js';
import { archivedKeysetOrder, type ArchivedCustomerOrder } from '../archive/archive.inputs.js';
import { customerKeysetOrder, type CustomerOrder } from '../customer/customer.order.js';
import { interactionKeysetOrder, type InteractionOrder } from '../interaction/interaction.inputs.js';
import { assertSortable } from '../interaction/interaction.service.js';
import { invalidInput } from '../../common/domain-error.js';
import { EXPORT_SOURCES, type ExportColumn } from './export.columns.js';
import { ExportResource } from './export.enums.js';
import { open } from '../../crypto/sealed.js';

/**
 * The rows an export may contain, as SQL conditions built by the same functions the
 * GraphQL lists use, with the same permission checks: an export can never reach a row
 * the caller could not list.
 */
export function exportConditions(ctx: RequestContext, resource: ExportResource, filter: object | null, params: Params): string[] {
  switch (resource) {
    case ExportResource.CUSTOMERS:
      return customerConditions(filter, params, customerReadScope(ctx));
    case ExportResource.ARCHIVED_CUSTOMERS:
      return archivedConditions(filter, params, archiveReadScope(ctx));
    case ExportResource.INTERACTIONS:
      requireAction(ctx, Action.CUSTOMER_READ);
      return interactionConditions(filter, params, customerRowOwner(ctx));
    case ExportResource.AUDIT_EVENTS:
      requireAction(ctx, Action.AUDIT_READ);
      return auditConditions(filter, params);
  }
}

export interface VisibleColumn extends ExportColumn {
  access: FieldAccess;
}

/** The columns this role gets: NONE columns are left out entirely, MASKED ones masked. */
export function visibleColumns(role: Role, resource: ExportResource): VisibleColumn[] {
  return EXPORT_SOURCES[resource].columns
    .map((column) => ({ ...column, access: column.guard ? GUARDED_FIELDS[column.guard].access[role] : FieldAccess.FULL }))
    .filter((column) => column.access !== FieldAccess.NONE);
}

export function guardCell(column: VisibleColumn, stored: string | null, rowKey: string): string | null {
  const value = column.sealed && stored !== null ? open(column.sealed, stored, `row ${rowKey}`) : stored;
  if (value === null || column.access !== FieldAccess.MASKED) return value;
  return mask(GUARDED_FIELDS[column.guard!].mask, value);
}

export type ExportOrder = CustomerOrder[] | ArchivedCustomerOrder[] | InteractionOrder[];

/**
 * The ORDER BY of an export: the list's own order (the same keyset orders the lists page
 * by, id last) when one is given, else by key. Sorting by a value the caller may not read
 * in full is refused as in the list.
 */
export function exportOrderBy(ctx: RequestContext, resource: ExportResource, orderBy: ExportOrder | null): string {
  const key = EXPORT_SOURCES[resource].key;
  if (!orderBy?.length) return key;
  switch (resource) {
    case ExportResource.CUSTOMERS:
      return customerKeysetOrder(orderBy as CustomerOrder[]).orderBy();
    case ExportResource.ARCHIVED_CUSTOMERS:
      return archivedKeysetOrder(orderBy as ArchivedCustomerOrder[]).orderBy();
    case ExportResource.INTERACTIONS:
      assertSortable(ctx, orderBy as InteractionOrder[]);
      return interactionKeysetOrder(orderBy as InteractionOrder[]).orderBy();
    case ExportResource.AUDIT_EVENTS:
      return key;
  }
}

export interface ValueLabel {
  column: string;
  value: string;
  label: string;
}

/** Labels only for the role's visible, unguarded columns: a label must never stand in
 * for (or hint at) a value the guard masks or hides. */
export function checkValueLabels(role: Role, resource: ExportResource, labels: readonly ValueLabel[]): void {
  const open = new Set(visibleColumns(role, resource).filter((c) => !c.guard).map((c) => c.key));
  const refused = [...new Set(labels.map((l) => l.column).filter((column) => !open.has(column)))];
  if (refused.length) throw invalidInput(refused.map((column) => ({ field: 'valueLabels', message: `no labels for column ${column}` })));
}

/** Column key → stored value → label, for the writer. */
export function labelMaps(labels: readonly ValueLabel[] | null): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const l of labels ?? []) {
    if (!out.has(l.column)) out.set(l.column, new Map());
    out.get(l.column)!.set(l.value, l.label);
  }
  return out;
}
