import type { ApolloClient, DocumentNode } from '@apollo/client';
import type { DataProvider } from 'react-admin';
import buildGraphQLProvider from 'ra-data-graphql';
import { currentAccess } from '../auth/session.ts';
import { ACTIONS, LATEST_AUDIT_SEQ, VERIFY_AUDIT_CHAIN, actionAvailable, auditEventAt, buildAction, type ActionName, type ChainVerification } from './actions.ts';
import { createApolloClient } from './apollo-client.ts';
import { QueryBuilder, createBuildQuery } from './build-query.ts';
import { ApiError, checkResponse, normalizeError, type GraphQLErrorLike } from './errors.ts';
import { buildExport, type ExportLink, type ExportRequest } from './exports.ts';
import {
  archiveStatsQuery, backupsQuery, cleanupStatsQuery, customerStatsQuery, lifecycleActivityQuery,
  type ArchiveStats, type BackupRow, type CleanupStats, type BuiltRead, type CustomerStat, type LifecycleActivityRow, type StatsRequest, type TimeBucket,
} from './reports.ts';
import { bulkTagMutation, dataQualityIssuesQuery, duplicateCandidatesQuery, mergesQuery, searchArchiveQuery, segmentsQuery, type ArchiveSearchResult, type BulkTagOutcome, type DuplicateGroup, type MergeRow, type Page, type QualityIssue, type SegmentRow } from './cleanup.ts';
import { resourceSpec } from './resources.ts';
import { interactionTimelineQuery, type TimelinePage, type TimelineRequest } from './timeline.ts';
import { customerHistoryQuery, type HistoryEntry } from './history.ts';
import { schema } from './schema.ts';

// `any`: each screen reads the payload fields it asked for (see ACTIONS).
type ActionMethods = { [K in ActionName]: (input: Record<string, unknown>) => Promise<{ data: any }> };

/**
 * Every method returns a promise: react-admin's proxy around the provider calls `.then`
 * on whatever a method returns. Whether the server has an action is therefore read from
 * the static schema (shared/use-action.ts `useSupports`), not from a method here.
 */
export interface CustosDataProvider extends DataProvider, ActionMethods {
  verifyAuditChain: () => Promise<{ data: ChainVerification }>;
  customerStats: (request: StatsRequest) => Promise<{ data: CustomerStat[] }>;
  lifecycleActivity: (params: { from: string; to: string; bucket: TimeBucket; timeZone?: string }) => Promise<{ data: LifecycleActivityRow[] }>;
  archiveStats: () => Promise<{ data: ArchiveStats }>;
  cleanupStats: () => Promise<{ data: CleanupStats }>;
  backups: () => Promise<{ data: BackupRow[] }>;
  createExport: (request: ExportRequest) => Promise<{ data: ExportLink }>;
  duplicateCandidates: (params?: Parameters<typeof duplicateCandidatesQuery>[0]) => Promise<{ data: DuplicateGroup[] }>;
  merges: (params?: Parameters<typeof mergesQuery>[0]) => Promise<{ data: MergeRow[] }>;
  dataQualityIssues: (params?: Parameters<typeof dataQualityIssuesQuery>[0]) => Promise<{ data: Page<QualityIssue> }>;
  searchArchive: (params: Parameters<typeof searchArchiveQuery>[0]) => Promise<{ data: ArchiveSearchResult }>;
  segments: (params?: undefined) => Promise<{ data: SegmentRow[] }>;
  interactionTimeline: (request: TimelineRequest) => Promise<{ data: TimelinePage }>;
  customerHistory: (id: string) => Promise<{ data: HistoryEntry[] }>;
  /** `filter` is the react-admin list filter of `resource` (converted like the list query). */
  bulkTagCustomers: (request: { resource: string; filter: Record<string, unknown>; ids?: string[]; add?: string[]; remove?: string[]; dryRun?: boolean }) => Promise<{ data: BulkTagOutcome }>;
}

interface RawResponse {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLErrorLike[];
}

/**
 * react-admin's data provider: ra-data-graphql with our buildQuery and the static
 * schema, every error normalised (see errors.ts), plus action methods.
 */
export function createDataProvider(): CustosDataProvider {
  const client = createApolloClient();
  const base = buildGraphQLProvider({
    client,
    introspection: { schema },
    buildQuery: createBuildQuery(currentAccess),
    // Partial results must reach parseResponse: a field the role may not read comes
    // back null with a FORBIDDEN error, and the rest of the page is still worth showing.
    query: () => ({ fetchPolicy: 'no-cache', errorPolicy: 'all' }),
    mutation: () => ({ fetchPolicy: 'no-cache', errorPolicy: 'all' }),
  }) as unknown as DataProvider;
  const builder = new QueryBuilder(schema, currentAccess);

  const run = async (query: DocumentNode, variables: Record<string, unknown> = {}, mutation = false): Promise<RawResponse> => {
    try {
      const result = mutation
        ? await (client as ApolloClient<unknown>).mutate({ mutation: query, variables, fetchPolicy: 'no-cache', errorPolicy: 'all' })
        : await (client as ApolloClient<unknown>).query({ query, variables, fetchPolicy: 'no-cache', errorPolicy: 'all' });
      return { data: result.data as Record<string, unknown> | null, errors: result.errors as GraphQLErrorLike[] | undefined };
    } catch (error) {
      throw normalizeError(error);
    }
  };

  const getAuditEvent = async (id: string) => {
    const wanted = Number(id);
    if (!Number.isSafeInteger(wanted) || wanted < 1) throw new ApiError('NOT_FOUND', 'No such audit event');
    for (let attempt = 0; attempt < 2; attempt++) {
      const latest = await run(LATEST_AUDIT_SEQ);
      checkResponse('data', latest.data, latest.errors);
      const top = Number(((latest.data?.['data'] as { nodes: { seq: string }[] }).nodes[0]?.seq) ?? 0);
      if (wanted > top) break;
      const at = auditEventAt(builder, top - wanted);
      const found = await run(at.query, at.variables);
      checkResponse('data', found.data, found.errors);
      const node = (found.data?.['data'] as { nodes: Record<string, unknown>[] }).nodes[0];
      if (node && String(node['id']) === id) return { data: at.toRecord(node) };
    }
    throw new ApiError('NOT_FOUND', 'No such audit event');
  };

  const guarded = <A extends unknown[], R>(fn: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } catch (error) {
      throw normalizeError(error);
    }
  };

  const actionMethods = Object.fromEntries(
    (Object.keys(ACTIONS) as ActionName[]).map((name) => [
      name,
      guarded(async (input: Record<string, unknown>) => {
        const spec = ACTIONS[name];
        if (!actionAvailable(builder, spec)) throw new Error(`The server does not offer ${name}`);
        const built = buildAction(builder, spec, input);
        return built.parseResponse(await run(built.query, built.variables, !('query' in spec && spec.query)));
      }),
    ]),
  ) as ActionMethods;

  /** A fixed read (reports, backups): its document, variables and parser from reports.ts. */
  const read = <T>(built: BuiltRead<T>, mutation = false) =>
    run(built.query, built.variables, mutation).then((response) => ({ data: built.parseResponse(response) }));

  return {
    getList: guarded(base.getList),
    // The audit log has no single-event query (see actions.ts).
    getOne: guarded(async (resource: string, params: Parameters<DataProvider['getOne']>[1]) =>
      resource === 'audit-events' ? getAuditEvent(String(params.id)) : base.getOne(resource, params),
    ),
    getMany: guarded(base.getMany),
    getManyReference: guarded(base.getManyReference),
    create: guarded(base.create),
    update: guarded(base.update),
    updateMany: () => Promise.reject(new Error('updateMany is not supported')),
    // Only tags and segments are deleted this way; customers go through void, archive and purge.
    delete: guarded(async (resource: string, params: Parameters<DataProvider['delete']>[1]) => {
      if (!resourceSpec(resource).remove) throw new Error('Records are never deleted from the dashboard this way');
      return base.delete(resource, params);
    }),
    deleteMany: () => Promise.reject(new Error('Records are never deleted from the dashboard this way')),
    ...actionMethods,
    verifyAuditChain: guarded(async () => {
      const response = await run(VERIFY_AUDIT_CHAIN);
      checkResponse('data', response.data, response.errors);
      return { data: response.data?.['data'] as ChainVerification };
    }),
    customerStats: guarded((request: StatsRequest) => read(customerStatsQuery(request))),
    lifecycleActivity: guarded((params: { from: string; to: string; bucket: TimeBucket; timeZone?: string }) => read(lifecycleActivityQuery(params))),
    archiveStats: guarded(() => read(archiveStatsQuery())),
    cleanupStats: guarded(() => read(cleanupStatsQuery())),
    backups: guarded(() => read(backupsQuery())),
    createExport: guarded((request: ExportRequest) => read(buildExport(builder, request), true)),
    duplicateCandidates: guarded((params?: Parameters<typeof duplicateCandidatesQuery>[0]) => read(duplicateCandidatesQuery(params))),
    merges: guarded((params?: Parameters<typeof mergesQuery>[0]) => read(mergesQuery(params))),
    dataQualityIssues: guarded((params?: Parameters<typeof dataQualityIssuesQuery>[0]) => read(dataQualityIssuesQuery(params))),
    searchArchive: guarded((params: Parameters<typeof searchArchiveQuery>[0]) => read(searchArchiveQuery(params))),
    segments: guarded(() => read(segmentsQuery())),
    interactionTimeline: guarded((request: TimelineRequest) => read(interactionTimelineQuery(builder, request))),
    customerHistory: guarded((id: string) => read(customerHistoryQuery(id))),
    bulkTagCustomers: guarded((request: Parameters<CustosDataProvider['bulkTagCustomers']>[0]) => {
      const spec = resourceSpec(request.resource);
      const filter = builder.filterInput('CustomerFilter', { ...request.filter, ...(spec.fixedFilter ?? {}) }, spec.filterAliases);
      return read(bulkTagMutation({ ...request, filter }), true);
    }),
  } as CustosDataProvider;
}
