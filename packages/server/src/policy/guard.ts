import type { Actor, Subject } from './actor.js';
import type { Role } from './role.js';
import { actionForbidden, fieldWriteForbidden, notAuthenticated } from './policy.errors.js';
import { actionScope, CUSTOMER_ROWS, RowScope, type Action } from './policy.js';

export function requireActor(ctx: Subject): Actor {
  if (!ctx.actor) throw notAuthenticated();
  return ctx.actor;
}

/** Refuses the action for roles without it; returns the rows it applies to. */
export function requireAction(ctx: Subject, action: Action): { actor: Actor; scope: RowScope } {
  const actor = requireActor(ctx);
  const scope = actionScope(actor.role, action);
  if (scope === RowScope.NONE) throw actionForbidden(action);
  return { actor, scope };
}

/** Customer rows the caller may read: undefined for all, a user id for "own only". */
export function customerRowOwner(ctx: Subject): string | undefined {
  const actor = requireActor(ctx);
  return CUSTOMER_ROWS[actor.role] === RowScope.OWN ? actor.userId : undefined;
}

/** Refuses a write naming any field outside the role's writable list. */
export function assertWritable(role: Role, writable: Record<Role, readonly string[]>, input: object, ignore: string[] = []): void {
  const allowed = new Set([...writable[role], ...ignore]);
  const refused = Object.entries(input)
    .filter(([key, value]) => value !== undefined && !allowed.has(key))
    .map(([key]) => key);
  if (refused.length) throw fieldWriteForbidden(refused);
}
