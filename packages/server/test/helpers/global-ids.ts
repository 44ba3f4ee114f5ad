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
