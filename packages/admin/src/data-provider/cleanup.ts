/**
 * Cleanup and archive-search reads (`duplicateCandidates`, `merges`, `dataQualityIssues`,
 * `searchArchive`) as fixed documents: their shapes are work queues and search results,
 * not react-admin records, so the screens read them through react-query directly.
 * Plain TypeScript on `graphql`, so the unit tests run it under Node.
 */
import { parse } from 'graphql';
import { checkResponse, type GraphQLErrorLike } from './errors.ts';
import type { BuiltRead } from './reports.ts';

interface Response {
  data?: Record<string, unknown> | null;
  errors?: readonly GraphQLErrorLike[];
}

const root = <T>(response: Response): T => {
  checkResponse('data', response.data, response.errors);
  return response.data?.['data'] as T;
};

/** Every field a merge can pick, plus what the wizard needs to send versions. */
export const MERGE_CUSTOMER = 'id code name type tier industry region lifecycleStage status email phone address taxId notes tags version interactionCount owner { id displayName }';

/** The fields of the merge wizard's grid, in CleanupField order (TAGS are united, not picked). */
export const PICKABLE_FIELDS = [
  { field: 'NAME', source: 'name' },
  { field: 'TYPE', source: 'type' },
  { field: 'TIER', source: 'tier' },
  { field: 'INDUSTRY', source: 'industry' },
  { field: 'REGION', source: 'region' },
  { field: 'LIFECYCLE_STAGE', source: 'lifecycleStage' },
  { field: 'OWNER', source: 'owner' },
  { field: 'EMAIL', source: 'email' },
  { field: 'PHONE', source: 'phone' },
  { field: 'ADDRESS', source: 'address' },
  { field: 'TAX_ID', source: 'taxId' },
  { field: 'NOTES', source: 'notes' },
] as const;

export interface CustomerRow {
  id: string;
  code: string;
  name: string;
  status: string;
  version: number;
  tags: string[];
  owner: { id: string; displayName: string } | null;
  [field: string]: unknown;
}

export interface Page<T> {
  nodes: T[];
  totalCount: number | null;
}

export interface DuplicateGroup {
  id: string;
  score: number;
  region: string | null;
  reasons: { kind: string; score: number; pairs: number; description: string }[];
  memberIds: string[];
  createdAt: string;
  customers: CustomerRow[];
}

const DUPLICATES = parse(`query DuplicateCandidates($filter: DuplicateFilter, $first: Int) {
  data: duplicateCandidates(filter: $filter, first: $first) {
    nodes { id score region reasons { kind score pairs description } memberIds createdAt customers { ${MERGE_CUSTOMER} } }
  }
}`);

export function duplicateCandidatesQuery(params: { filter?: Record<string, unknown>; first?: number } = {}): BuiltRead<DuplicateGroup[]> {
  return {
    query: DUPLICATES,
    variables: { filter: params.filter ?? null, first: params.first ?? 50 },
    parseResponse: (response) => root<{ nodes: DuplicateGroup[] }>(response).nodes,
  };
}

export interface MergeRow {
  id: string;
  mergedIds: string[];
  picks: { field: string; fromId: string }[];
  mergedAt: string;
  unmergedAt: string | null;
  unmergeReason: string | null;
  interactionCount: number;
  survivor: { id: string; code: string; name: string; status: string } | null;
  merged: { id: string; code: string; name: string; status: string }[];
  mergedBy: { displayName: string } | null;
}

/** The merge fields the Merges list and the wizard's result show. */
export const MERGE_SELECTION = 'id mergedIds picks { field fromId } mergedAt unmergedAt unmergeReason interactionCount survivor { id code name status } merged { id code name status } mergedBy { displayName }';

const MERGES = parse(`query Merges($filter: MergeFilter, $first: Int) {
  data: merges(filter: $filter, first: $first) { nodes { ${MERGE_SELECTION} } }
}`);

export function mergesQuery(params: { filter?: Record<string, unknown>; first?: number } = {}): BuiltRead<MergeRow[]> {
  return {
    query: MERGES,
    variables: { filter: params.filter ?? null, first: params.first ?? 50 },
    parseResponse: (response) => root<{ nodes: MergeRow[] }>(response).nodes,
  };
}

export interface QualityIssue {
  id: string;
  customer: { id: string; code: string; name: string };
  field: string;
  problem: string;
  value: string | null;
  hasSuggestion: boolean;
  suggestion: string | null;
  message: string;
}

const QUALITY = parse(`query DataQualityIssues($filter: DataQualityFilter, $first: Int, $offset: Int) {
  data: dataQualityIssues(filter: $filter, first: $first, offset: $offset) {
    totalCount nodes { id customer { id code name } field problem value hasSuggestion suggestion message }
  }
}`);

/** One page of issues (`offset` rows skipped) with the total count, for paging through all of them. */
export function dataQualityIssuesQuery(params: { filter?: Record<string, unknown>; first?: number; offset?: number } = {}): BuiltRead<Page<QualityIssue>> {
  return {
    query: QUALITY,
    variables: { filter: params.filter ?? null, first: params.first ?? 100, offset: params.offset ?? 0 },
    parseResponse: (response) => {
      const data = root<{ nodes: QualityIssue[]; totalCount?: number | null }>(response);
      return { nodes: data.nodes, totalCount: data.totalCount ?? null };
    },
  };
}

/** The reference `resolveDataQualityIssues` takes for one issue. */
export const issueRef = (issue: QualityIssue) => ({ customerId: issue.customer.id, field: issue.field, problem: issue.problem });

export interface ArchiveHit {
  score: number;
  highlights: { field: string; snippet: string }[];
  customer: { id: string; code: string; name: string; type: string; region: string | null; archivedAt: string; archiveReason: string };
}

export interface ArchiveSearchResult {
  totalCount: number;
  totalCountExact: boolean;
  hits: ArchiveHit[];
  facets: { field: string; values: { value: string; count: number }[] }[];
  engine: string;
  endCursor: string | null;
}

const SEARCH = parse(`query SearchArchive($query: String!, $filter: ArchiveSearchFilter, $first: Int, $after: String) {
  data: searchArchive(query: $query, filter: $filter, first: $first, after: $after) {
    totalCount totalCountExact engine endCursor
    hits { score highlights { field snippet } customer { id code name type region archivedAt archiveReason } }
    facets { field values { value count } }
  }
}`);

/** Facets whose values the filter takes as numbers (the API lists years as digits). */
const NUMERIC_FACETS = new Set(['archivedYear']);

/** Selected facet values (facet field → values) as an ArchiveSearchFilter; empty lists left out. */
export function facetFilter(selected: Record<string, string[]>): Record<string, unknown> | null {
  const out: Record<string, unknown> = {};
  for (const [field, values] of Object.entries(selected)) {
    if (values.length === 0) continue;
    out[field] = NUMERIC_FACETS.has(field) ? values.map(Number) : values;
  }
  return Object.keys(out).length ? out : null;
}

export function searchArchiveQuery(params: { query: string; selected?: Record<string, string[]>; first?: number; after?: string | null }): BuiltRead<ArchiveSearchResult> {
  return {
    query: SEARCH,
    variables: {
      // Required by the API; empty lists the whole archive (facets included).
      query: params.query.trim(),
      filter: facetFilter(params.selected ?? {}),
      first: params.first ?? 20,
      after: params.after ?? null,
    },
    parseResponse: (response) => root<ArchiveSearchResult>(response),
  };
}

/**
 * The server's highlight snippet (`<em>` around matches, every other character
 * HTML-escaped) as plain text parts: rendered as React text, so nothing in a customer's
 * data can become markup, whatever it contains.
 */
export function snippetParts(snippet: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = /<em>([\s\S]*?)<\/em>/g;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: unescapeHtml(snippet.slice(last, m.index)), match: false });
    parts.push({ text: unescapeHtml(m[1]!), match: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: unescapeHtml(snippet.slice(last)), match: false });
  return parts;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Named and numeric entities (the server escapes as `&#60;`); unknown ones stay as written. */
function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export interface SegmentRow { id: string; name: string; description: string | null }

const SEGMENTS = parse('query Segments { data: segments { id name description } }');

/** Saved segments, for the scope pickers (normalization). */
export function segmentsQuery(): BuiltRead<SegmentRow[]> {
  return { query: SEGMENTS, variables: {}, parseResponse: (response) => root<SegmentRow[]>(response) };
}

export interface BulkTagOutcome { matched: number; changed: number; dryRun: boolean }

const BULK_TAG = parse(`mutation BulkTagCustomers($input: BulkTagCustomersInput!) {
  data: bulkTagCustomers(input: $input) { matched changed dryRun }
}`);

/**
 * Tags added and removed on the customers a list shows: its filter (already converted
 * to a CustomerFilter) narrowed to the ticked ids. Tags are trimmed, blanks dropped.
 */
export function bulkTagMutation(request: { filter: Record<string, unknown> | undefined; ids?: readonly string[]; add?: readonly string[]; remove?: readonly string[]; dryRun?: boolean }): BuiltRead<BulkTagOutcome> {
  const clean = (tags: readonly string[] | undefined) => [...new Set((tags ?? []).map((t) => t.trim()).filter(Boolean))];
  const filter = { ...(request.filter ?? {}), ...(request.ids?.length ? { ids: [...request.ids] } : {}) };
  return {
    query: BULK_TAG,
    variables: { input: { filter, add: clean(request.add), remove: clean(request.remove), dryRun: request.dryRun ?? false } },
    parseResponse: (response) => root<BulkTagOutcome>(response),
  };
}
