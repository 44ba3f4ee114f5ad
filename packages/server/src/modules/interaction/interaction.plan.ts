import { DomainError } from '../../common/domain-error.js';
import type { Page } from '../../db/paginate.js';
import { planPage } from '../../db/paginate.js';
import type { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import { unstorableText } from '../../graphql/input-text.js';
import {
  argumentsOf, connectionSelection, cursorKeys, namedObjectType, pageClause, planObject, plannedPage, rowsOf, rowsText,
  type NestedPlanner, type NestedValue, type NodeShape,
} from '../../graphql/read-plan.js';
import { userPlanner } from '../identity/user.plan.js';
import { GUARDED_SORTS, interactionKeysetOrder, type InteractionFilter, type InteractionOrder } from './interaction.inputs.js';
import { interactionCountByCustomerLoader } from './interaction.loaders.js';
import { InteractionConnection } from './interaction.payloads.js';
import { forbiddenOrder } from '../../policy/decisions.js';
import { interactionConditions } from './interaction.reader.js';

export const INTERACTION_SHAPE: NodeShape = {
  columns: {
    id: 'i.id::text',
    customerId: 'i.customer_id::text',
    kind: 'i.kind',
    occurredAt: 'i.occurred_at',
    channel: 'i.channel',
    subject: 'i.subject',
    body: 'i.body',
    amount: 'i.amount::text',
    currency: 'i.currency',
    ownerId: 'i.owner_id::text',
    createdAt: 'i.created_at',
  },
  needs: { customer: ['customerId'], owner: ['ownerId'] },
  always: ['id'],
};

export const ARCHIVED_INTERACTION_SHAPE: NodeShape = {
  columns: {
    ...INTERACTION_SHAPE.columns,
    archivedAt: 'i.archived_at',
    archiveReason: 'i.archive_reason',
    archivedWithCustomer: 'i.with_customer',
  },
  kinds: { archivedWithCustomer: 'bool' },
  needs: INTERACTION_SHAPE.needs,
  always: ['id'],
};

/** Nested fields of an interaction that a plan reads in the same statement. */
const INTERACTION_NESTED = { owner: userPlanner('i.owner_id') };

interface HistorySource {
  /** Table read under alias `i`. */
  table: string;
  /** GraphQL type of its nodes. */
  typeName: 'Interaction' | 'ArchivedInteraction';
  shape: NodeShape;
  /** Whether the caller may sort by these keys (the loader path refuses the others). */
  sortable(ctx: RequestContext, orderBy: InteractionOrder[] | null | undefined): boolean;
  /** What the resolver returns for a page. */
  connection(page: Page<Record<string, unknown>>, count: () => Promise<number>): unknown;
  /** The loader path's count, for a count the plan did not read. */
  count(ctx: RequestContext, customerId: string, filter: InteractionFilter | null | undefined): Promise<number>;
}

/** `parentId` is the SQL of the customer's id in the enclosing statement. */
function conditions(params: Params, parentId: string, filter: InteractionFilter | null | undefined): string[] {
  return [`i.customer_id = ${parentId}`, ...interactionConditions({ ...filter, customerId: undefined }, params)];
}

/**
 * A customer's interaction history (live or archived) as a correlated subquery: one
 * text array of the page's rows, plus the count when `totalCount` is selected.
 * Arguments the loader path would refuse (bad paging, a sort the role may not use) are
 * left to it, so the refusal is the same.
 */
export function historyPlanner(source: HistorySource, parentId = 'c.id'): NestedPlanner {
  return {
    plan({ ctx, info, schema, field, definition, params }): NestedValue | undefined {
      const args = argumentsOf(info, definition, field) as {
        filter?: InteractionFilter | null;
        orderBy?: InteractionOrder[] | null;
        first?: number | null; after?: string | null; last?: number | null; before?: string | null; offset?: number | null;
      };
      if (unstorableText(args, '') !== undefined || !source.sortable(ctx, args.orderBy)) return undefined;
      const mark = params.values.length;
      const order = interactionKeysetOrder(args.orderBy);
      let where: string[];
      let page;
      try {
        page = planPage(args, order, ctx.config.MAX_PAGE_SIZE);
        where = conditions(params, parentId, args.filter);
        if (page.cursor) where.push(order.seekPredicate(page.cursor, params, page.backward));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        params.values.length = mark;
        return undefined;
      }
      const selection = connectionSelection(info, field);
      const type = namedObjectType(schema, source.typeName);
      const node = planObject(ctx, { ...info, schema }, type, source.shape, selection.node, INTERACTION_NESTED, params,
        selection.cursors ? [cursorKeys(order)] : []);
      const orderBy = order.orderBy(page.backward);
      const rows = rowsText(node, `from ${source.table} i where ${where.join(' and ')}
        order by ${orderBy} ${pageClause(params, page.limit + (selection.pageInfo ? 1 : 0), page.offset)}`);
      const countSql = selection.totalCount
        ? `(select count(*) from ${source.table} i where ${conditions(params, parentId, args.filter).join(' and ')})::text`
        : undefined;
      const plan = page;
      return {
        sql: countSql ? [rows, countSql] : [rows],
        finish([list, counted], parent) {
          const records = rowsOf(node, list ?? null);
          const result = plannedPage(records, plan, order, selection.pageInfo, selection.cursors);
          const count = counted != null ? () => Promise.resolve(Number(counted)) : () => source.count(ctx, String(parent.id), args.filter);
          return source.connection(result, count);
        },
      };
    },
  };
}

/** `interactionCount` of a customer, live or archived. */
export function historyCountPlanner(table: string, parentId = 'c.id'): NestedPlanner {
  return {
    plan: () => ({
      sql: [`(select count(*) from ${table} i where i.customer_id = ${parentId})::text`],
      finish: ([raw]) => Number(raw),
    }),
  };
}

/** Customer.interactions and Customer.interactionCount, planned with the customer list
 * (declared on their field resolvers, CustomerInteractionsResolver). */
export const CUSTOMER_HISTORY = {
  interactions: historyPlanner({
    table: 'interaction',
    typeName: 'Interaction',
    shape: INTERACTION_SHAPE,
    sortable: (ctx, orderBy) => !forbiddenOrder(ctx.actor!.role, orderBy, GUARDED_SORTS),
    connection: (page, count) => new InteractionConnection(page as never, count),
    count: (ctx, id, filter) => interactionCountByCustomerLoader(ctx, filter).load(id),
  }),
  interactionCount: historyCountPlanner('interaction'),
};
