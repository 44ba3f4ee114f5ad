import { invalidInput } from '../../common/domain-error.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { recordAudit } from '../audit/audit.service.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import { customerNotEditable } from '../customer/customer.errors.js';
import { lockCustomers, requireTransition, statusCondition } from '../customer/customer.lifecycle.js';
import { customerConditions } from '../customer/customer.reader.js';
import type { CustomerRecord } from '../customer/customer.record.js';
import { customerReadScope } from '../customer/customer.service.js';
import { writeCustomer, writeCustomersWhere } from '../customer/customer.store.js';
import { journalOperation, UndoKind, type UndoOperationRecord } from '../customer/customer.undo.js';
import { tagExists, tagNotFound, tooManyMatches } from './classification.errors.js';
import { withSegment } from '../customer/customer.segment.js';
import type { BulkTagCustomersInput, DeleteTagInput, SaveTagInput, SetCustomerTagsInput, TagRecord } from './classification.types.js';

/**
 * Tags live on the customer row (`tags text[]`, GIN-indexed, filterable everywhere); the
 * `tag` table only adds a colour and a description. Tag changes rewrite live customers
 * only: MERGED rows must stay as their merge's snapshot expects, and archived rows are
 * sealed by their checksum.
 */

/** Tags with their counts over the ACTIVE customers the caller may see. */
export async function listTags(ctx: RequestContext): Promise<TagRecord[]> {
  requireAction(ctx, Action.CUSTOMER_READ);
  const owner = customerRowOwner(ctx);
  return ctx.sql.query<TagRecord>(
    `with used as (
       select t as name, count(*)::int as count
         from customer c, unnest(c.tags) t
        where c.status = 'ACTIVE' and ($1::bigint is null or c.owner_id = $1::bigint)
        group by t)
     select coalesce(u.name, g.name) as name, g.color, g.description, coalesce(u.count, 0) as count
       from used u full join tag g on g.name = u.name
      order by 4 desc, 1`,
    [owner ?? null],
  );
}

export async function setCustomerTags(ctx: RequestContext, input: SetCustomerTagsInput): Promise<CustomerRecord> {
  requireAction(ctx, Action.CUSTOMER_UPDATE);
  const owner = customerRowOwner(ctx);
  const tags = [...new Set(input.tags)];
  return inTransaction(ctx, async (tx) => {
    const locked = await lockCustomers(tx, [input.id], owner);
    const before = requireTransition('edit', input.id, locked, input.version, customerNotEditable);
    const write = await writeCustomer(tx, { before, changes: { tags } }, { audit: { action: 'CUSTOMER_TAGGED' } });
    return write.after;
  });
}

/** The tags after adding and removing, in first-seen order, without duplicates. */
const NEW_TAGS = (add: string, remove: string) => `coalesce((
  select array_agg(x.t order by x.o) from (
    select u.t, min(u.o) as o from unnest(c.tags || ${add}) with ordinality u(t, o) where u.t <> all(${remove}) group by u.t) x), '{}')`;

/** Set-based: one UPDATE over the filter's rows (within the caller's), one audit event per changed customer. */
export async function bulkTagCustomers(
  ctx: RequestContext,
  input: BulkTagCustomersInput,
): Promise<{ matched: number; changed: number; dryRun: boolean; undo: UndoOperationRecord | null }> {
  requireAction(ctx, Action.CUSTOMER_UPDATE);
  if (input.filter.status?.some((s) => s !== CustomerStatus.ACTIVE)) {
    throw invalidInput([{ field: 'filter.status', message: 'only ACTIVE customers can be tagged' }]);
  }
  const add = [...new Set(input.add ?? [])];
  const remove = [...new Set(input.remove ?? [])];
  if (add.length === 0 && remove.length === 0) throw invalidInput([{ field: 'add', message: 'give tags to add or to remove' }]);
  const both = add.filter((t) => remove.includes(t));
  if (both.length) throw invalidInput([{ field: 'remove', message: `cannot add and remove the same tag (${both.join(', ')})` }]);
  const scope = customerReadScope(ctx);
  const filter = await withSegment(ctx.sql, input.filter);
  return inTransaction(ctx, async (tx) => {
    const params = new Params();
    const where = customerConditions(filter, params, scope).join(' and ');
    const newTags = NEW_TAGS(params.add(add, 'text[]'), params.add(remove, 'text[]'));
    const counts = await tx.sql.one<{ matched: number; changed: number }>(
      `select count(*)::int as matched, count(*) filter (where c.tags is distinct from ${newTags})::int as changed from customer c where ${where}`,
      params.values,
    );
    if (counts!.matched > tx.config.BULK_TAG_LIMIT) throw tooManyMatches(tx.config.BULK_TAG_LIMIT);
    if (input.dryRun || counts!.changed === 0) return { matched: counts!.matched, changed: counts!.changed, dryRun: input.dryRun, undo: null };
    const changed = await writeCustomersWhere(tx, { where, params, set: { tags: newTags }, audit: { action: 'CUSTOMER_TAGGED' } });
    const undo = await journalOperation(tx, UndoKind.TAGS, {
      changes: changed.map((c) => ({ id: c.id, version: c.version, before: { tags: c.before['tags'] as string[] } })),
    });
    return { matched: counts!.matched, changed: changed.length, dryRun: false, undo };
  });
}

async function tagState(tx: RequestContext, name: string): Promise<TagRecord | undefined> {
  return tx.sql.one<TagRecord>(
    `select $1::text as name, g.color, g.description,
            (select count(*)::int from customer c where c.tags @> array[$1::text] and c.status = 'ACTIVE') as count,
            (g.name is not null or exists (select 1 from customer c where c.tags @> array[$1::text] and c.status <> 'MERGED')) as present
       from (select 1) one left join tag g on g.name = $1::text`,
    [name],
  ).then((row) => ((row as { present?: boolean } | undefined)?.present ? row : undefined));
}

/** Live customers carrying `from`: `to` replaces it (or removes it when null). Recorded as
 * the tag's event (with the count), not one event per customer. */
async function retag(tx: RequestContext, from: string, to: string | null): Promise<number> {
  const params = new Params();
  const [old, replacement] = [params.add(from, 'text'), params.add(to, 'text')];
  const changed = await writeCustomersWhere(tx, {
    where: `c.tags @> array[${old}] and ${statusCondition('maintain')}`,
    params,
    set: { tags: `case when ${replacement} is null or c.tags @> array[${replacement}] then array_remove(c.tags, ${old}) else array_replace(c.tags, ${old}, ${replacement}) end` },
    audit: null,
  });
  return changed.length;
}

export async function saveTag(ctx: RequestContext, input: SaveTagInput): Promise<{ tag: TagRecord; customersChanged: number }> {
  requireAction(ctx, Action.CLASSIFICATION_MANAGE);
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:tags'))`);
    const before = await tagState(tx, input.name);
    const name = input.newName ?? input.name;
    let customersChanged = 0;
    if (input.newName != null && input.newName !== input.name) {
      if (!before) throw tagNotFound(input.name);
      if (await tagState(tx, input.newName)) throw tagExists(input.newName, 'newName');
      customersChanged = await retag(tx, input.name, input.newName);
      await tx.sql.query(`update tag set name = $2 where name = $1`, [input.name, input.newName]);
    }
    await tx.sql.query(
      `insert into tag (name, color, description) values ($1, $2, $3)
       on conflict (name) do update set color = coalesce($2, tag.color), description = coalesce($3, tag.description)`,
      [name, input.color ?? before?.color ?? null, input.description ?? before?.description ?? null],
    );
    const after = (await tagState(tx, name))!;
    await recordAudit(tx, {
      action: before ? 'TAG_UPDATED' : 'TAG_CREATED',
      entityType: 'Tag',
      entityId: name,
      changes: {
        ...(name !== input.name ? { name: { from: input.name, to: name } } : {}),
        ...(before?.color !== after.color ? { color: { from: before?.color ?? null, to: after.color } } : {}),
        ...(before?.description !== after.description ? { description: { from: before?.description ?? null, to: after.description } } : {}),
        ...(customersChanged ? { customersChanged: { to: customersChanged } } : {}),
      },
    });
    return { tag: strip(after), customersChanged };
  });
}

export async function deleteTag(ctx: RequestContext, input: DeleteTagInput): Promise<{ tag: TagRecord; customersChanged: number }> {
  requireAction(ctx, Action.CLASSIFICATION_MANAGE);
  return inTransaction(ctx, async (tx) => {
    await tx.sql.query(`select pg_advisory_xact_lock(hashtext('custos:tags'))`);
    const before = await tagState(tx, input.name);
    if (!before) throw tagNotFound(input.name);
    const customersChanged = await retag(tx, input.name, null);
    await tx.sql.query(`delete from tag where name = $1`, [input.name]);
    await recordAudit(tx, { action: 'TAG_DELETED', entityType: 'Tag', entityId: input.name, changes: { customersChanged: { to: customersChanged } } });
    return { tag: strip(before), customersChanged };
  });
}

const strip = ({ name, color, description, count }: TagRecord): TagRecord => ({ name, color, description, count });
