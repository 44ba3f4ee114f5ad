import { parseTextArray } from '../../db/text-array.js';
import type { NestedPlanner } from '../../graphql/read-plan.js';

/**
 * A staff record (an owner, who archived) read in the statement of the record that names
 * it: every column, as the user loader reads them; the User field guards apply as usual.
 */
export function userPlanner(idSql: string): NestedPlanner {
  return {
    plan: () => ({
      sql: [`(select array[u.id::text, u.email, u.display_name, u.role::text, u.enabled::text, u.created_at::text]::text
                from app_user u where u.id = ${idSql})`],
      finish: ([raw]) => {
        if (raw === null || raw === undefined) return null;
        const [id, email, displayName, role, enabled, createdAt] = parseTextArray(raw) as (string | null)[];
        return { id, email, displayName, role, enabled: enabled === 'true', createdAt };
      },
    }),
  };
}
