/**
 * react-admin data calls → GraphQL documents for ra-data-graphql. `buildQuery` returns
 * `{ query, variables, parseResponse }` for getList/getOne/getMany/getManyReference/
 * create/update. Selections, argument types and input fields come from the static
 * introspection result; resources.ts says only what the schema cannot.
 *
 * Every document is fixed per resource and call kind, whatever the role and the
 * parameters: arguments are always declared (null when unused) and fields some role may
 * not read sit under `@include` (guards.ts). So the documents can be registered
 * (scripts/generate-operations.ts writes them to packages/schema) and a server with
 * PERSISTED_OPERATIONS=only serves the dashboard.
 *
 * Plain TypeScript on `graphql` only, so it runs in the unit tests under Node.
 */
import { parse, type DocumentNode, type IntrospectionField, type IntrospectionSchema } from 'graphql';
import type { Access } from '../auth/access.ts';
import { checkResponse } from './errors.ts';
import { declareGuards, guardedField, guardValues } from './guards.ts';
import type { BuiltQuery, FetchType, ListParams, RaRecord } from './query-types.ts';
import { resourceSpec, type ResourceSpec } from './resources.ts';
import { SchemaIndex, unwrap } from './schema-index.ts';
import { buildSearchQuery, usesSearch } from './search-query.ts';
import { isBlank, listQuery, matchesFilter, notFound, sameValue, singleOrNotFound } from './query-helpers.ts';

/** getMany of a list that cannot filter by ids (archive policies, a few dozen): one page this big. */
const MANY_BY_LIST = 200;

export type { ApolloLikeResponse, BuiltQuery, FetchType, RaRecord } from './query-types.ts';

/** The alias every document gives its root field, so parsing never depends on names. */
const ROOT = 'data';

/** `lastInteractionAt` → `LAST_INTERACTION_AT`. */
export function toEnumCase(field: string): string {
  return field.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export class QueryBuilder {
  readonly index: SchemaIndex;
  /** The signed-in user's access, read at each call (it changes at sign-in). */
  private readonly access: () => Access | undefined;

  constructor(schema: IntrospectionSchema, access: () => Access | undefined) {
    this.index = new SchemaIndex(schema);
    this.access = access;
  }

  /**
   * Scalar and enum fields of a type, plus the object fields the resource names with their
   * selections. Fields some role may not read at all carry `@include` (guards.ts): the
   * document stays the same for every role, and a role never asks for what it would only
   * get FORBIDDEN for.
   */
  selection(typeName: string, nested: Record<string, string> = {}, exclude: readonly string[] = []): string {
    const parts: string[] = [];
    for (const field of this.index.fields(typeName)) {
      if (exclude.includes(field.name)) continue;
      const type = unwrap(field.type);
      if (type.kind === 'SCALAR' || type.kind === 'ENUM') {
        if (field.args.some((a) => a.type.kind === 'NON_NULL')) continue;
        parts.push(guardedField(typeName, field.name));
      } else if (nested[field.name]) {
        parts.push(guardedField(typeName, field.name, nested[field.name]));
      }
    }
    return parts.join(' ');
  }

  /**
   * A document text made final: its guard variables declared, and their values for the
   * signed-in user added to `variables`. Every document the builder makes goes through here.
   */
  document(text: string, variables: Record<string, unknown> = {}): { query: DocumentNode; variables: Record<string, unknown> } {
    const query = declareGuards(parse(text));
    return { query, variables: { ...variables, ...guardValues(query, this.access()) } };
  }

  private recordSelection(spec: ResourceSpec): string {
    return this.selection(spec.typeName, spec.nested, spec.exclude);
  }

  /**
   * react-admin filter → GraphQL filter input: aliases applied (`q` → `search`), names
   * the input type lacks dropped, blanks dropped, single values wrapped where the input
   * takes a list (SelectInput gives `'SMB'`, the API wants `['SMB']`).
   */
  filterInput(filterTypeName: string, raFilter: Record<string, unknown> = {}, aliases: Record<string, string> = {}): Record<string, unknown> | undefined {
    const fields = new Map(this.index.inputFields(filterTypeName).map((f) => [f.name, unwrap(f.type)]));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(raFilter)) {
      const name = aliases[key] ?? key;
      const type = fields.get(name);
      if (!type || isBlank(value)) continue;
      out[name] = type.isList && !Array.isArray(value) ? [value] : value;
    }
    return Object.keys(out).length ? out : undefined;
  }

  /** react-admin sort → `[{ field: NAME, direction: ASC }]`, or none when not sortable. */
  orderInput(orderTypeName: string | undefined, sort: ListParams['sort']): unknown[] | undefined {
    if (!orderTypeName || !sort?.field) return undefined;
    const fieldType = this.index.inputFields(orderTypeName).find((f) => f.name === 'field');
    if (!fieldType) return undefined;
    const allowed = this.index.enumValues(unwrap(fieldType.type).name);
    const key = toEnumCase(sort.field);
    if (!allowed.includes(key)) return undefined;
    return [{ field: key, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
  }

  /** Adds `ownerId` next to `owner { id }` (and so on) for ReferenceField/ReferenceInput. */
  toRecord(spec: ResourceSpec, node: Record<string, unknown>): RaRecord {
    const record: Record<string, unknown> = { ...node };
    if (spec.idField) record['id'] = node[spec.idField];
    for (const name of Object.keys(spec.nested ?? {})) {
      const value = node[name] as { id?: unknown } | null | undefined;
      if (value !== undefined) record[`${name}Id`] = value?.id ?? null;
    }
    return record as RaRecord;
  }

  /**
   * filter / orderBy / first+offset arguments of a connection field, as far as it takes
   * them: always declared, null when the call does not use them (one document per list).
   */
  private connectionArgs(field: IntrospectionField, spec: ResourceSpec, params: ListParams, raFilter: Record<string, unknown>, variables: Record<string, unknown>, declared: string[]): string[] {
    const filterType = this.index.argType(field, 'filter')?.name;
    const orderType = this.index.argType(field, 'orderBy')?.name;
    const takes = (name: string) => field.args.some((a) => a.name === name);
    const passed: string[] = [];
    if (filterType) {
      declared.push(`$filter: ${filterType}`);
      passed.push('filter: $filter');
      variables['filter'] = this.filterInput(filterType, raFilter, spec.filterAliases) ?? null;
    }
    if (orderType) {
      declared.push(`$orderBy: [${orderType}!]`);
      passed.push('orderBy: $orderBy');
      variables['orderBy'] = this.orderInput(orderType, params.sort) ?? null;
    }
    const { page, perPage } = params.pagination ?? { page: 1, perPage: 0 };
    if (takes('first')) {
      declared.push('$first: Int');
      passed.push('first: $first');
      variables['first'] = params.pagination ? perPage : null;
    }
    if (takes('offset')) {
      declared.push('$offset: Int');
      passed.push('offset: $offset');
      variables['offset'] = params.pagination ? (page - 1) * perPage : null;
    }
    return passed;
  }

  private connectionQuery(spec: ResourceSpec, params: ListParams, extraFilter?: Record<string, unknown>): BuiltQuery {
    const field = this.index.query(listQuery(spec));
    const variables: Record<string, unknown> = {};
    const declared: string[] = [];
    const raFilter = { ...(params.filter ?? {}), ...(extraFilter ?? {}), ...(spec.fixedFilter ?? {}) };
    const passed = this.connectionArgs(field, spec, params, raFilter, variables, declared);
    const name = `${spec.typeName}List`;
    const text = `query ${name}${declared.length ? `(${declared.join(', ')})` : ''} {
  ${ROOT}: ${listQuery(spec)}${passed.length ? `(${passed.join(', ')})` : ''} {
    totalCount
    nodes { ${this.recordSelection(spec)} }
  }
}`;
    return {
      ...this.document(text, variables),
      parseResponse: (response) => {
        checkResponse(ROOT, response.data, response.errors);
        const page = response.data?.[ROOT] as { totalCount: number; nodes: Record<string, unknown>[] };
        return { data: page.nodes.map((n) => this.toRecord(spec, n)), total: page.totalCount };
      },
    };
  }

  /**
   * Lists without arguments (staff users): fetched whole and paged, sorted and
   * filtered here. `q` matches any text field.
   */
  private arrayQuery(spec: ResourceSpec, params: ListParams, pick?: (r: RaRecord) => boolean): BuiltQuery {
    const text = `query ${spec.typeName}All { ${ROOT}: ${listQuery(spec)} { ${this.recordSelection(spec)} } }`;
    return {
      ...this.document(text),
      parseResponse: (response) => {
        checkResponse(ROOT, response.data, response.errors);
        let rows = (response.data?.[ROOT] as Record<string, unknown>[]).map((n) => this.toRecord(spec, n));
        if (pick) rows = rows.filter(pick);
        rows = rows.filter((row) => matchesFilter(row, params.filter ?? {}));
        const sort = params.sort;
        if (sort?.field) {
          const dir = sort.order === 'DESC' ? -1 : 1;
          const field = sort.field;
          const compare = (a: unknown, b: unknown) => (typeof a === 'number' && typeof b === 'number' ? a - b : String(a ?? '').localeCompare(String(b ?? '')));
          rows = [...rows].sort((a, b) => dir * compare(a[field], b[field]));
        }
        const total = rows.length;
        if (params.pagination) {
          const { page, perPage } = params.pagination;
          rows = rows.slice((page - 1) * perPage, page * perPage);
        }
        return { data: rows, total };
      },
    };
  }

  private oneQuery(spec: ResourceSpec, id: string): BuiltQuery {
    if (spec.list.kind === 'array') {
      const built = this.arrayQuery(spec, {}, (r) => String(r.id) === String(id));
      return { ...built, parseResponse: (response) => ({ data: singleOrNotFound(built.parseResponse(response).data) }) };
    }
    if (!spec.one) throw new Error(`${spec.typeName} cannot be read one by one`);
    const text = `query ${spec.typeName}One($id: ID!) { ${ROOT}: ${spec.one}(id: $id) { ${this.recordSelection(spec)} } }`;
    return {
      ...this.document(text, { id }),
      parseResponse: (response) => {
        checkResponse(ROOT, response.data, response.errors);
        const node = response.data?.[ROOT] as Record<string, unknown> | null;
        if (!node) throw notFound();
        return { data: this.toRecord(spec, node) };
      },
    };
  }

  /**
   * The record reduced to the mutation's input fields. For updates only fields that
   * changed are sent (plus id and version): the server refuses a write that names a
   * field the role may not write, even unchanged, and masked values must never be
   * written back as if they were data.
   */
  mutationInput(inputTypeName: string, data: Record<string, unknown>, previous?: Record<string, unknown>, always: readonly string[] = []): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of this.index.inputFields(inputTypeName)) {
      const name = field.name;
      if (!(name in data)) continue;
      let value = data[name];
      if (value === '') value = null;
      const type = unwrap(field.type);
      // Nested inputs (a policy's criteria) arrive as the record read, with __typename
      // and unset conditions: reduced the same way, and compared reduced.
      const nested = type.kind === 'INPUT_OBJECT' && !type.isList;
      if (nested && value && typeof value === 'object') value = this.nestedInput(type.name, value as Record<string, unknown>);
      const required = field.type.kind === 'NON_NULL';
      if (!previous) {
        // Create: leave empty optional fields to the server's defaults.
        if (value === null || value === undefined) continue;
      } else if (!always.includes(name) && !required) {
        const before = nested && previous[name] && typeof previous[name] === 'object'
          ? this.nestedInput(type.name, previous[name] as Record<string, unknown>)
          : previous[name];
        if (sameValue(value, before)) continue;
      }
      out[name] = value;
    }
    return out;
  }

  /** An input object reduced to its type's fields, blank conditions left out. */
  nestedInput(inputTypeName: string, data: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const field of this.index.inputFields(inputTypeName)) {
      const value = data[field.name];
      if (isBlank(value)) continue;
      const type = unwrap(field.type);
      out[field.name] = type.kind === 'INPUT_OBJECT' && !type.isList && typeof value === 'object'
        ? this.nestedInput(type.name, value as Record<string, unknown>)
        : value;
    }
    return out;
  }

  /**
   * A page of a connection reached through its parent, e.g. an archived customer's
   * interactions: `archivedCustomer(id) { interactions(first, offset, orderBy) }`.
   */
  private nestedQuery(spec: ResourceSpec, params: ListParams & { id: unknown }): BuiltQuery {
    if (spec.list.kind !== 'nested') throw new Error(`${spec.typeName} is not a nested list`);
    const { parent, field: fieldName } = spec.list;
    const parentField = this.index.query(parent);
    const parentType = unwrap(parentField.type).name;
    const field = this.index.fields(parentType).find((f) => f.name === fieldName);
    if (!field) throw new Error(`${parentType} has no field ${fieldName}`);
    const variables: Record<string, unknown> = { id: String(params.id) };
    const declared = ['$id: ID!'];
    const passed = this.connectionArgs(field, spec, params, params.filter ?? {}, variables, declared);
    const text = `query ${spec.typeName}Page(${declared.join(', ')}) {
  ${ROOT}: ${parent}(id: $id) {
    id
    ${fieldName}${passed.length ? `(${passed.join(', ')})` : ''} { totalCount nodes { ${this.recordSelection(spec)} } }
  }
}`;
    return {
      ...this.document(text, variables),
      parseResponse: (response) => {
        checkResponse(ROOT, response.data, response.errors);
        const owner = response.data?.[ROOT] as Record<string, { totalCount: number; nodes: Record<string, unknown>[] }> | null;
        // The parent is gone or not visible (e.g. just restored): an empty page, not an error.
        const page = owner?.[fieldName] ?? { totalCount: 0, nodes: [] };
        return { data: page.nodes.map((n) => this.toRecord(spec, n)), total: page.totalCount };
      },
    };
  }

  private listFilters(spec: ResourceSpec): Set<string> {
    const filterType = this.index.argType(this.index.query(listQuery(spec)), 'filter')?.name;
    return new Set(filterType ? this.index.inputFields(filterType).map((f) => f.name) : []);
  }

  /**
   * getMany for lists that cannot filter by ids (archive policies, a few dozen at most):
   * one page of the list, picked by id here, so no document depends on how many ids.
   */
  private manyByList(spec: ResourceSpec, ids: string[]): BuiltQuery {
    const built = this.connectionQuery(spec, { pagination: { page: 1, perPage: MANY_BY_LIST } });
    return {
      ...built,
      parseResponse: (response) => ({ data: (built.parseResponse(response).data as RaRecord[]).filter((r) => ids.includes(String(r.id))) }),
    };
  }

  private mutation(spec: ResourceSpec, mutationName: string, payload: string, input: Record<string, unknown>): BuiltQuery {
    const field = this.index.mutation(mutationName);
    const inputType = this.index.argType(field, 'input');
    if (!inputType) throw new Error(`${mutationName} takes no input`);
    const text = `mutation ${mutationName[0]!.toUpperCase()}${mutationName.slice(1)}($input: ${inputType.name}!) {
  ${ROOT}: ${mutationName}(input: $input) { ${payload} { ${this.recordSelection(spec)} } }
}`;
    return {
      ...this.document(text, { input }),
      parseResponse: (response) => {
        checkResponse(ROOT, response.data, response.errors);
        const result = response.data?.[ROOT] as Record<string, Record<string, unknown>>;
        return { data: this.toRecord(spec, result[payload]!) };
      },
    };
  }

  inputTypeOf(mutationName: string): string {
    const type = this.index.argType(this.index.mutation(mutationName), 'input');
    if (!type) throw new Error(`${mutationName} takes no input`);
    return type.name;
  }

  build(fetchType: FetchType, resource: string, params: Record<string, unknown>): BuiltQuery {
    const spec = resourceSpec(resource);
    switch (fetchType) {
      case 'GET_LIST':
        if (spec.list.kind === 'nested') throw new Error(`${resource} is listed only through its parent`);
        if (usesSearch(this, spec, params as ListParams)) return buildSearchQuery(this, spec, params as ListParams);
        return spec.list.kind === 'array' ? this.arrayQuery(spec, params as ListParams) : this.connectionQuery(spec, params as ListParams);
      case 'GET_ONE':
        return this.oneQuery(spec, String(params['id']));
      case 'GET_MANY': {
        const ids = (params['ids'] as unknown[]).map(String);
        if (spec.list.kind === 'array') return this.arrayQuery(spec, {}, (r) => ids.includes(String(r.id)));
        if (spec.list.kind === 'nested') throw new Error(`${resource} is read only through its parent`);
        if (!this.listFilters(spec).has('ids')) return this.manyByList(spec, ids);
        const extra = { ids, ...(spec.manyFilter?.((name) => this.index.enumValues(name)) ?? {}) };
        return this.connectionQuery(spec, { pagination: { page: 1, perPage: Math.max(ids.length, 1) } }, extra);
      }
      case 'GET_MANY_REFERENCE': {
        const p = params as unknown as ListParams & { target: string; id: unknown };
        if (spec.list.kind === 'nested') return this.nestedQuery(spec, p);
        if (spec.list.kind === 'array') return this.arrayQuery(spec, p, (r) => String(r[p.target]) === String(p.id));
        return this.connectionQuery(spec, p, { [p.target]: String(p.id) });
      }
      case 'CREATE': {
        if (!spec.create) throw new Error(`${resource} cannot be created`);
        const input = this.mutationInput(this.inputTypeOf(spec.create.mutation), params['data'] as Record<string, unknown>);
        return this.mutation(spec, spec.create.mutation, spec.create.payload, input);
      }
      case 'UPDATE': {
        if (!spec.update) throw new Error(`${resource} cannot be edited`);
        const data = { ...(params['data'] as Record<string, unknown>), id: String(params['id']) };
        const previous = (params['previousData'] as Record<string, unknown> | undefined) ?? {};
        const always = ['id', ...(spec.update.versionField ? [spec.update.versionField] : [])];
        const input = this.mutationInput(this.inputTypeOf(spec.update.mutation), data, previous, always);
        return this.mutation(spec, spec.update.mutation, spec.update.payload, input);
      }
      case 'DELETE': {
        if (!spec.remove) throw new Error(`${resource} cannot be deleted`);
        const previous = (params['previousData'] as Record<string, unknown> | undefined) ?? {};
        const input = this.mutationInput(this.inputTypeOf(spec.remove.mutation), { ...previous, id: String(params['id']) });
        return this.mutation(spec, spec.remove.mutation, spec.remove.payload, input);
      }
      default:
        throw new Error(`${fetchType as string} is not supported for ${resource}`);
    }
  }
}

/** The factory ra-data-graphql expects: called with its introspection results. */
export function createBuildQuery(access: () => Access | undefined) {
  let builder: QueryBuilder | undefined;
  return (introspectionResults: { schema: IntrospectionSchema }) => {
    if (!builder || builder.index.schema !== introspectionResults.schema) builder = new QueryBuilder(introspectionResults.schema, access);
    const b = builder;
    return (fetchType: string, resource: string, params: Record<string, unknown>) => b.build(fetchType as FetchType, resource, params);
  };
}
