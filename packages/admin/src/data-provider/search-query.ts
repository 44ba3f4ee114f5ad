/**
 * Full-text archive search, switched on by the schema: when the server has
 * `searchArchive(query, filter, first, …) { totalCount hits { customer } }`, a list whose
 * resource names it (resources.ts `search`) and whose search box is filled reads it
 * instead of the structured list. Until then — or if the shape differs from that — the
 * list stays on `archivedCustomers` with its substring `search` filter.
 */
import type { IntrospectionField } from 'graphql';
import type { BuiltQuery, QueryBuilder } from './build-query.ts';
import { checkResponse } from './errors.ts';
import { isBlank } from './query-helpers.ts';
import type { ResourceSpec } from './resources.ts';
import { unwrap } from './schema-index.ts';

interface ListParams {
  pagination?: { page: number; perPage: number };
  filter?: Record<string, unknown>;
}

/** The search field when the schema has it in the expected shape. */
function searchField(builder: QueryBuilder, spec: ResourceSpec): IntrospectionField | undefined {
  const search = spec.search;
  if (!search || !builder.index.hasQuery(search.query)) return undefined;
  const field = builder.index.query(search.query);
  if (!field.args.some((a) => a.name === 'query')) return undefined;
  const result = unwrap(field.type);
  if (result.kind !== 'OBJECT') return undefined;
  const fields = builder.index.fields(result.name);
  const hits = fields.find((f) => f.name === 'hits');
  if (!hits || !fields.some((f) => f.name === 'totalCount')) return undefined;
  const hit = unwrap(hits.type);
  if (hit.kind !== 'OBJECT') return undefined;
  const customer = builder.index.fields(hit.name).find((f) => f.name === 'customer');
  return customer && unwrap(customer.type).name === spec.typeName ? field : undefined;
}

/** searchArchive pages by cursor only: page N is read as the first N × perPage hits. */
const SEARCH_MAX_FIRST = 100;

/**
 * Full-text search serves the list only when it can answer exactly what the list asks:
 * every filter in use exists on the search's filter input (a filter it would drop, e.g. a
 * policy, must not widen the results silently) and the page lies within its hit limit.
 * Otherwise the list stays on the structured query, with its substring search.
 */
export function usesSearch(builder: QueryBuilder, spec: ResourceSpec, params: ListParams): boolean {
  if (!spec.search || isBlank(params.filter?.[spec.search.term])) return false;
  const field = searchField(builder, spec);
  if (!field) return false;
  const { [spec.search.term]: _text, ...rest } = params.filter ?? {};
  const used = Object.entries(rest).filter(([, value]) => !isBlank(value)).map(([key]) => spec.filterAliases?.[key] ?? key);
  const filterType = builder.index.argType(field, 'filter')?.name;
  const accepted = new Set(filterType ? builder.index.inputFields(filterType).map((f) => f.name) : []);
  if (used.some((key) => !accepted.has(key))) return false;
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  return field.args.some((a) => a.name === 'offset') || page * perPage <= SEARCH_MAX_FIRST;
}

export function buildSearchQuery(builder: QueryBuilder, spec: ResourceSpec, params: ListParams): BuiltQuery {
  const field = searchField(builder, spec);
  if (!field || !spec.search) throw new Error(`${spec.typeName} has no search`);
  const { term } = spec.search;
  const { [term]: text, ...rest } = params.filter ?? {};
  const variables: Record<string, unknown> = { query: String(text) };
  const declared = ['$query: String!'];
  const passed = ['query: $query'];
  const filterType = builder.index.argType(field, 'filter')?.name;
  // Declared whether used or not: one registered document per search (guards.ts).
  if (filterType) {
    declared.push(`$filter: ${filterType}`);
    passed.push('filter: $filter');
    variables['filter'] = builder.filterInput(filterType, rest, spec.filterAliases) ?? null;
  }
  const { page, perPage } = params.pagination ?? { page: 1, perPage: 25 };
  // Without an offset argument (cursor-only search), a page is the tail of the first page × perPage hits.
  const hasOffset = field.args.some((a) => a.name === 'offset');
  declared.push('$first: Int');
  passed.push('first: $first');
  variables['first'] = hasOffset ? perPage : page * perPage;
  if (hasOffset) {
    declared.push('$offset: Int');
    passed.push('offset: $offset');
    variables['offset'] = (page - 1) * perPage;
  }
  const document = `query ${spec.typeName}Search(${declared.join(', ')}) {
  data: ${field.name}(${passed.join(', ')}) { totalCount hits { customer { ${builder.selection(spec.typeName, spec.nested, spec.exclude)} } } }
}`;
  return {
    ...builder.document(document, variables),
    parseResponse: (response) => {
      checkResponse('data', response.data, response.errors);
      const result = response.data?.['data'] as { totalCount: number; hits: { customer: Record<string, unknown> }[] };
      const hits = hasOffset ? result.hits : result.hits.slice((page - 1) * perPage);
      return { data: hits.map((h) => builder.toRecord(spec, h.customer)), total: result.totalCount };
    },
  };
}
