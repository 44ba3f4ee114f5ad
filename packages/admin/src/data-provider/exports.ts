/**
 * `createExport` for a list screen: the list's current react-admin filter becomes the
 * API's filter input through the very conversion the list query uses
 * (QueryBuilder.filterInput with the resource's aliases and fixed filter), so the file
 * holds what the list shows, across all its pages.
 */
import { parse } from 'graphql';
import { fieldLevel, type Access } from '../auth/access.ts';
import type { QueryBuilder } from './build-query.ts';
import { checkResponse, type GraphQLErrorLike } from './errors.ts';
import { listQuery } from './query-helpers.ts';
import { resourceSpec } from './resources.ts';

export type ExportFormat = 'CSV' | 'XLSX';
export type ExportLanguage = 'EN' | 'ZH_CN';

/** react-admin resource → the API's ExportResource and the input field holding its filter. */
export const EXPORTABLE: Record<string, { resource: string; input: string }> = {
  customers: { resource: 'CUSTOMERS', input: 'customers' },
  // The Voided view is the customers export with its fixed `status: [VOID]`.
  'voided-customers': { resource: 'CUSTOMERS', input: 'customers' },
  'archived-customers': { resource: 'ARCHIVED_CUSTOMERS', input: 'archivedCustomers' },
  interactions: { resource: 'INTERACTIONS', input: 'interactions' },
  'audit-events': { resource: 'AUDIT_EVENTS', input: 'auditEvents' },
};

export interface ExportRequest {
  resource: string;
  filter?: Record<string, unknown>;
  format: ExportFormat;
  language: ExportLanguage;
}

export interface ExportLink {
  /** Relative to this server, single use, valid 10 minutes. */
  url: string;
  expiresAt: string;
  rowCount: number;
  columns: string[];
}

const CREATE_EXPORT = parse(`mutation CreateExport($input: CreateExportInput!) {
  data: createExport(input: $input) { url expiresAt rowCount columns }
}`);

export function exportInput(builder: QueryBuilder, request: ExportRequest): Record<string, unknown> {
  const target = EXPORTABLE[request.resource];
  if (!target) throw new Error(`${request.resource} cannot be exported`);
  const spec = resourceSpec(request.resource);
  const filterType = builder.index.argType(builder.index.query(listQuery(spec)), 'filter')?.name;
  const raFilter = { ...(request.filter ?? {}), ...(spec.fixedFilter ?? {}) };
  const filter = filterType ? builder.filterInput(filterType, raFilter, spec.filterAliases) : undefined;
  return { resource: target.resource, format: request.format, language: request.language, ...(filter ? { [target.input]: filter } : {}) };
}

export function buildExport(builder: QueryBuilder, request: ExportRequest) {
  return {
    query: CREATE_EXPORT,
    variables: { input: exportInput(builder, request) },
    parseResponse: (response: { data?: Record<string, unknown> | null; errors?: readonly GraphQLErrorLike[] }): ExportLink => {
      checkResponse('data', response.data, response.errors);
      return response.data?.['data'] as ExportLink;
    },
  };
}

/** The export's columns the role gets masked (they stay masked in the file, as on screen). */
export function maskedColumns(access: Access | undefined, resource: string, columns: readonly string[]): string[] {
  const typeName = resourceSpec(resource).typeName;
  return columns.filter((column) => fieldLevel(access, `${typeName}.${column}`) === 'MASKED');
}
