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
