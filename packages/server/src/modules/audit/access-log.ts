import type { RequestContext } from '../../core/context.js';

/** Writes the request's full reads of personal data as one INSERT (a row per field). */
export async function flushAccessLog(ctx: RequestContext): Promise<void> {
  const entries = [...ctx.accessLog.entries.values()];
  if (entries.length === 0 || !ctx.actor) return;
  ctx.accessLog.entries.clear();
  await ctx.sql.query(
    `insert into access_log (actor_id, actor_role, request_id, entity_type, field, entity_ids)
     select $1::bigint, $2, $3, t.entity_type, t.field, array(select jsonb_array_elements_text(t.ids)::bigint)
       from unnest($4::text[], $5::text[], $6::jsonb[]) as t(entity_type, field, ids)`,
    [
      ctx.actor.userId,
      ctx.actor.role,
      ctx.requestId,
      entries.map((e) => e.entityType),
      entries.map((e) => e.field),
      entries.map((e) => JSON.stringify([...e.ids])),
    ],
  );
}
