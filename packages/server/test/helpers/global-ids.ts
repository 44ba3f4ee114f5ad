import { fromGlobalId, toGlobalId } from '../../src/graphql/global-id.js';

export { fromGlobalId, toGlobalId };

/** The global id the API writes for a database id: `gid('Customer', id)`. */
export const gid = (typeName: string, id: string | number | bigint): string => toGlobalId(typeName, id);

/** The database id inside a global id the API wrote (fails loudly for anything else). */
export function dbId(globalId: string): string {
  const named = fromGlobalId(globalId);
  if (!named) throw new Error(`not a global id: ${globalId}`);
  return named.id;
}

/** The database id of an id in either form (a global id the API wrote, or a raw one),
 * for helpers that look a row up in SQL by an id a test got from either side. */
export function rawId(id: string): string {
  return fromGlobalId(id)?.id ?? id;
}
