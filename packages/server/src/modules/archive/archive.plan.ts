import type { GraphQLResolveInfo } from 'graphql';
import { planPage, type PageArgs } from '../../db/paginate.js';
import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import type { NestedPlanner, NodeShape } from '../../graphql/read-plan.js';
import { forbiddenOrder } from '../../policy/decisions.js';
import { CUSTOMER_SHAPE, readPlannedList } from '../customer/customer.plan.js';
import type { CustomerReadScope } from '../customer/customer.reader.js';
import { userPlanner } from '../identity/user.plan.js';
import { ARCHIVED_GUARDED_SORTS } from '../interaction/interaction.inputs.js';
import { ARCHIVED_INTERACTION_SHAPE, historyCountPlanner, historyPlanner } from '../interaction/interaction.plan.js';
import { archivedKeysetOrder, type ArchivedCustomerFilter, type ArchivedCustomerOrder } from './archive.inputs.js';
import { archivedInteractionCountLoader } from './archive.loaders.js';
import { ArchivedInteractionConnection } from './archive.payloads.js';
import { archivedConditions } from './archive.reader.js';
import type { ArchivedCustomerRecord } from './archive.record.js';

/** Archived customer columns with values equal to what `ARCHIVED_CUSTOMER_COLUMNS` reads. */
export const ARCHIVED_CUSTOMER_SHAPE: NodeShape = {
  columns: {
    ...CUSTOMER_SHAPE.columns,
    status: `'ARCHIVED'`,
    previousStatus: 'c.status',
    legalHold: 'c.legal_hold',
    archivedAt: 'c.archived_at',
    archivedById: 'c.archived_by::text',
    archiveReason: 'c.archive_reason',
    policyId: 'c.archive_policy_id::text',
    retainUntil: 'c.retain_until',
    checksum: `encode(c.checksum, 'hex')`,
  },
  kinds: { ...CUSTOMER_SHAPE.kinds, legalHold: 'bool' },
  needs: { owner: ['ownerId'], archivedBy: ['archivedById'], interactions: [], interactionCount: [] },
  always: ['id'],
};

export const ARCHIVED_CUSTOMER_NESTED: Record<string, NestedPlanner> = {
  owner: userPlanner('c.owner_id'),
  archivedBy: userPlanner('c.archived_by'),
  interactions: historyPlanner({
    table: 'archive.interaction',
    typeName: 'ArchivedInteraction',
    shape: ARCHIVED_INTERACTION_SHAPE,
    sortable: (ctx, orderBy) => !forbiddenOrder(ctx.actor!.role, orderBy, ARCHIVED_GUARDED_SORTS),
    connection: (page, count) => new ArchivedInteractionConnection(page as never, count),
    count: (ctx, id, filter) => archivedInteractionCountLoader(ctx, filter).load(id),
  }),
  interactionCount: historyCountPlanner('archive.interaction'),
};

/** The archived customers list through a plan: the same conditions, order and paging as
 * `findArchivedCustomerPage`. */
export function findPlannedArchivedPage(
  ctx: RequestContext,
  info: GraphQLResolveInfo,
  scope: CustomerReadScope,
  filter: ArchivedCustomerFilter | null | undefined,
  orderBy: ArchivedCustomerOrder[] | null | undefined,
  args: PageArgs,
) {
  const order = archivedKeysetOrder(orderBy);
  const plan = planPage(args, order, ctx.config.MAX_PAGE_SIZE);
  const params = new Params();
  const conditions = archivedConditions(filter, params, scope);
  const countParams = [...params.values];
  const countSql = `select count(*)::int as n from archive.customer c where ${conditions.join(' and ')}`;
  return readPlannedList<ArchivedCustomerRecord>(ctx, info, {
    table: 'archive.customer',
    typeName: 'ArchivedCustomer',
    shape: ARCHIVED_CUSTOMER_SHAPE,
    nested: ARCHIVED_CUSTOMER_NESTED,
    params,
    conditions,
    order,
    plan,
    count: () => ctx.sql.one<{ n: number }>(countSql, countParams).then((r) => r?.n ?? 0),
  });
}
