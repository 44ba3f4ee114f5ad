import { isoTimestamp, type NestedPlanner } from '../../graphql/read-plan.js';

/**
 * A staff record (an owner, who archived) read in the statement of the record that names
 * it: every column, as the user loader reads them; the User field guards apply as usual.
 */
export function userPlanner(idSql: string): NestedPlanner {
  return {
    plan: () => ({
      sql: `(select json_build_object('id', u.id::text, 'email', u.email, 'displayName', u.display_name, 'role', u.role,
                                      'enabled', u.enabled, 'createdAt', ${isoTimestamp('u.created_at')})
               from app_user u where u.id = ${idSql})`,
      finish: (raw) => raw ?? null,
    }),
  };
}
