import DataLoader from 'dataloader';
import type { RequestContext } from '../../core/context.js';
import type { UserRecord } from './user.type.js';
import { isBigintId } from '../../db/keyset.js';

export const USER_COLUMNS = `u.id, u.email, u.display_name as "displayName", u.role, u.enabled, u.created_at as "createdAt"`;

export function userByIdLoader(ctx: RequestContext): DataLoader<string, UserRecord | null> {
  return ctx.loaders.get('user.byId', () =>
    new DataLoader<string, UserRecord | null>(async (ids) => {
      const rows = await ctx.sql.query<UserRecord>(
        `select ${USER_COLUMNS} from app_user u where u.id = any($1::bigint[])`,
        [ids.filter(isBigintId)],
      );
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  );
}
