import { Role } from './role.js';
import { DUPLICATE_EVIDENCE_FIELDS, visibleDuplicateEvidence } from './criteria.js';
import { ACTIONS, CUSTOMER_ROWS, RowScope, type Action } from './policy.js';

/**
 * Role notes for GraphQL descriptions ("… (ADMIN and MANAGER)"), read from the policy
 * tables so a description cannot name other roles than the policy lets in. A description
 * that writes a role name by hand fails test/docs.test.ts.
 */

const ROLES = Object.values(Role);

/** "ADMIN", "ADMIN and MANAGER", "ADMIN, MANAGER and SUPPORT". */
export function listRoles(roles: readonly Role[]): string {
  if (roles.length <= 1) return roles.join('');
  return `${roles.slice(0, -1).join(', ')} and ${roles.at(-1)}`;
}

/** Roles that may perform the action, and those that may only on the customers they own. */
function scoped(action: Action): { all: Role[]; own: Role[] } {
  return {
    all: ROLES.filter((role) => ACTIONS[action][role] === RowScope.ALL),
    own: ROLES.filter((role) => ACTIONS[action][role] === RowScope.OWN),
  };
}

/** Who may perform the action: "ADMIN and MANAGER", or "ADMIN and MANAGER; SALES on its own customers". */
export function rolesFor(action: Action): string {
  const { all, own } = scoped(action);
  const ownNote = own.length ? `${listRoles(own)} on ${own.length === 1 ? 'its' : 'their'} own customers` : '';
  return [listRoles(all), ownNote].filter(Boolean).join('; ');
}

/** Roles that see only the customers they own (and with them their interactions, archive and search hits). */
export function ownRowsRoles(): string {
  return listRoles(ROLES.filter((role) => CUSTOMER_ROWS[role] === RowScope.OWN));
}

/** Of the roles that review duplicates, which evidence each cannot see: "MANAGER does not see TAX_ID". */
export function hiddenDuplicateEvidence(action: Action): string {
  const kinds = Object.keys(DUPLICATE_EVIDENCE_FIELDS);
  return ROLES.filter((role) => ACTIONS[action][role] !== RowScope.NONE)
    .map((role) => ({ role, hidden: kinds.filter((kind) => !visibleDuplicateEvidence(role).includes(kind)) }))
    .filter(({ hidden }) => hidden.length > 0)
    .map(({ role, hidden }) => `${role} does not see ${hidden.join(', ')}`)
    .join('; ');
}
