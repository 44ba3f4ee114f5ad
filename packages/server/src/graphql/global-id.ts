import { Extensions } from 'type-graphql';

export { idForClient, toGlobalId } from '../common/client-id.js';

const GLOBAL_FORM = /^[A-Za-z0-9_-]+$/;
const DECODED = /^([A-Z][A-Za-z0-9]*):(\S+)$/;

/** The type and database id a global id names, or undefined when the text is not one
 * (only the canonical encoding counts, so one id has exactly one spelling). */
export function fromGlobalId(globalId: string): { typeName: string; id: string } | undefined {
  if (globalId.length > 400 || !GLOBAL_FORM.test(globalId)) return undefined;
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const match = DECODED.exec(decoded);
  if (!match || Buffer.from(decoded, 'utf8').toString('base64url') !== globalId) return undefined;
  return { typeName: match[1]!, id: match[2]! };
}

/** Extension key: which Node type an ID-typed field, input field or argument refers to. */
export const NODE_REF = 'nodeRef';

/** What the `nodeRef` extension may hold: the Node types the id may name (outputs are
 * written as the first), or why the value is no object's id (then it travels unchanged). */
export type NodeRef = string[] | { notANode: string };

/**
 * On an ID-typed output or input field (of any type but a Node type's own `id`): the
 * values are ids of `typeName` objects. Outputs are written as global ids; inputs take
 * the global id of that type (several types: of any of them, e.g. a customer live or
 * archived, which keeps its database id) (or, for this release, the raw database id) and reach the
 * resolver as the raw database id. A global id of another type is refused
 * (BAD_USER_INPUT), never read from another table.
 */
export function RefersTo(...typeNames: [string, ...string[]]) {
  return Extensions({ [NODE_REF]: typeNames satisfies NodeRef });
}

/** On a query or mutation: its argument `arg` (ID or [ID]) refers to `typeName` objects. */
export function ArgRefersTo(arg: string, ...typeNames: [string, ...string[]]) {
  return Extensions({ [`${NODE_REF}:${arg}`]: typeNames satisfies NodeRef });
}

/** On an ID-typed field that is no object's database id (a sequence number, a
 * computed key…): says why, and the value travels unchanged. */
export function NotANodeId(reason: string) {
  return Extensions({ [NODE_REF]: { notANode: reason } satisfies NodeRef });
}

/** The same for an argument `arg` of a query or mutation. */
export function ArgNotANodeId(arg: string, reason: string) {
  return Extensions({ [`${NODE_REF}:${arg}`]: { notANode: reason } satisfies NodeRef });
}

