import type { RequestContext } from '../../graphql/context.js';
import { USER_COLUMNS, userByIdLoader } from './user.loaders.js';
import type { UserRecord } from './user.type.js';

export async function getUser(ctx: RequestContext, id: string | null | undefined): Promise<UserRecord | null> {
  if (!id) return null;
  return userByIdLoader(ctx).load(id);
}

/** Staff list for owner pickers; small by nature (hundreds at most). */
export async function listUsers(ctx: RequestContext): Promise<UserRecord[]> {
  return ctx.sql.query<UserRecord>(`select ${USER_COLUMNS} from app_user u order by u.display_name, u.id`);
}
