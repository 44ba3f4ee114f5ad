/**
 * `createExport` for a list screen: the list's current react-admin filter becomes the
 * API's filter input through the very conversion the list query uses
 * (QueryBuilder.filterInput with the resource's aliases and fixed filter), so the file
 * holds what the list shows, across all its pages, in its order, with local times and
 * coded values in words (export-labels.ts). Plain TypeScript, run by the unit tests.
 */
import type { CreateExportMutation, CreateExportMutationVariables, ExportFormat, ExportLanguage } from '@custos/schema';
import { fieldLevel, type Access } from '../auth/access.ts';
import type { QueryBuilder } from '../data-provider/build-query.ts';
import { registeredRead, type BuiltRead } from '../data-provider/operations.ts';
import { listQuery } from '../data-provider/query-helpers.ts';
import { resourceSpec } from '../data-provider/resources.ts';
import type { TranslationMessages } from 'react-admin';
import { exportValueLabels } from './export-labels.ts';

export type { ExportFormat, ExportLanguage };


/** react-admin resource → the API's ExportResource and the input fields holding its filter and order. */
export const EXPORTABLE: Record<string, { resource: string; input: string; order?: string }> = {
  customers: { resource: 'CUSTOMERS', input: 'customers', order: 'customersOrderBy' },
  // The Voided view is the customers export with its fixed `status: [VOID]`.
  'voided-customers': { resource: 'CUSTOMERS', input: 'customers', order: 'customersOrderBy' },
  'archived-customers': { resource: 'ARCHIVED_CUSTOMERS', input: 'archivedCustomers', order: 'archivedCustomersOrderBy' },
  interactions: { resource: 'INTERACTIONS', input: 'interactions', order: 'interactionsOrderBy' },
  'audit-events': { resource: 'AUDIT_EVENTS', input: 'auditEvents' },
};

export interface ExportRequest {
  resource: string;
  filter?: Record<string, unknown>;
  /** The list's sort: the file follows it. */
  sort?: { field: string; order: string };
  format: ExportFormat;
  language: ExportLanguage;
  /** The browser's time zone: the file's times are local, with their offset. */
  timeZone?: string;
}

/** Relative to this server, single use, valid 10 minutes. */
export type ExportLink = CreateExportMutation['createExport'];

/** `messages`: the catalogue of the export's language (its value labels are written in it). */
export function exportInput(builder: QueryBuilder, request: ExportRequest, messages: TranslationMessages): CreateExportMutationVariables['input'] {
  const target = EXPORTABLE[request.resource];
  if (!target) throw new Error(`${request.resource} cannot be exported`);
  const spec = resourceSpec(request.resource);
  const list = builder.index.query(listQuery(spec));
  const filterType = builder.index.argType(list, 'filter')?.name;
  const raFilter = { ...(request.filter ?? {}), ...(spec.fixedFilter ?? {}) };
  const filter = filterType ? builder.filterInput(filterType, raFilter, spec.filterAliases) : undefined;
  const orderBy = target.order ? builder.orderInput(builder.index.argType(list, 'orderBy')?.name, request.sort) : undefined;
  const valueLabels = exportValueLabels(target.resource, messages);
  return {
    resource: target.resource as CreateExportMutationVariables['input']['resource'],
    format: request.format,
    language: request.language,
    ...(filter ? { [target.input]: filter } : {}),
    ...(orderBy && target.order ? { [target.order]: orderBy } : {}),
    ...(request.timeZone ? { timeZone: request.timeZone } : {}),
    ...(valueLabels.length ? { valueLabels } : {}),
  };
}

export function buildExport(builder: QueryBuilder, request: ExportRequest, messages: TranslationMessages): BuiltRead<ExportLink> {
  return registeredRead('CreateExport', { input: exportInput(builder, request, messages) }, (r) => r.createExport);
}

/** The export's columns the role gets masked (they stay masked in the file, as on screen). */
export function maskedColumns(access: Access | undefined, resource: string, columns: readonly string[]): string[] {
  const typeName = resourceSpec(resource).typeName;
  return columns.filter((column) => fieldLevel(access, `${typeName}.${column}`) === 'MASKED');
}
