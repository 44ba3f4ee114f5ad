/**
 * Every document the dashboard's query builder can make, for registration
 * (scripts/generate-operations.ts writes them to packages/schema/operations/dashboard/
 * resources.graphql): each resource's list, record, references and writes, every action
 * of src/actions.ts, the interaction timeline and the audit event lookup. The builder's
 * documents do not depend on the role or the call's parameters (data-provider/guards.ts),
 * so building each kind once with sample parameters yields all of them; the unit tests
 * check that the running dashboard sends nothing else.
 */
import { print, type DocumentNode, type IntrospectionSchema } from 'graphql';
import { ACTIONS } from './actions.ts';
import { actionAvailable, buildAction } from './data-provider/actions.ts';
import { auditEventById } from './data-provider/audit-lookup.ts';
import { QueryBuilder } from './data-provider/build-query.ts';
import { RESOURCES } from './data-provider/resources.ts';
import { interactionTimelineQuery } from './resources/customers/timeline.api.ts';

const page = { pagination: { page: 1, perPage: 25 }, sort: { field: 'id', order: 'ASC' }, filter: {} };

export function dashboardDocuments(schema: IntrospectionSchema): DocumentNode[] {
  const builder = new QueryBuilder(schema, () => undefined);
  const out: DocumentNode[] = [];
  for (const [name, spec] of Object.entries(RESOURCES)) {
    const build = (fetchType: Parameters<QueryBuilder['build']>[0], params: Record<string, unknown>) => out.push(builder.build(fetchType, name, params).query);
    if (spec.list.kind === 'nested') {
      build('GET_MANY_REFERENCE', { ...page, target: spec.list.target, id: '1' });
    } else {
      build('GET_LIST', page);
      if (spec.search) build('GET_LIST', { ...page, filter: { [spec.search.term]: 'text' } });
      build('GET_MANY', { ids: ['1'] });
      build('GET_MANY_REFERENCE', { ...page, target: 'ownerId', id: '1' });
      if (spec.one || spec.list.kind === 'array') build('GET_ONE', { id: '1' });
    }
    if (spec.create) build('CREATE', { data: {} });
    if (spec.update) build('UPDATE', { id: '1', data: {}, previousData: {} });
    if (spec.remove) build('DELETE', { id: '1', previousData: {} });
  }
  for (const spec of Object.values(ACTIONS)) if (actionAvailable(builder, spec)) out.push(buildAction(builder, spec, {}).query);
  out.push(interactionTimelineQuery(builder, { customerId: '1', first: 10 }).query);
  out.push(auditEventById(builder, '1').query);
  return out;
}

const HEADER = `# The dashboard's generic documents, one per resource and call kind, generated from
# packages/admin/src/data-provider (resources.ts, build-query.ts) and src/actions.ts by
# \`pnpm --filter @custos/admin operations\`. Do not edit: change the dashboard, then run it.
# Fields some role may not read are asked for under @include($see_Type_field), so one
# document serves every role.
`;

/** The file's text: the documents by name (one text per name), sorted. */
export function resourcesFile(documents: readonly DocumentNode[]): string {
  const texts = new Map<string, string>();
  for (const document of documents) {
    const text = print(document);
    const name = /^(?:query|mutation) (\w+)/.exec(text)?.[1];
    if (!name) throw new Error(`a document without a name:\n${text}`);
    const known = texts.get(name);
    if (known !== undefined && known !== text) throw new Error(`two different documents are both called ${name}:\n${known}\n\n${text}`);
    texts.set(name, text);
  }
  return `${HEADER}\n${[...texts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, text]) => text).join('\n\n')}\n`;
}
