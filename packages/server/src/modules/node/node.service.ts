import DataLoader from 'dataloader';
import { CommonErrorCode, DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../core/context.js';
import { fromGlobalId } from '../../graphql/global-id.js';
import { markNode, nodeSource } from '../../graphql/node.js';

/** Ids one `nodes` call reads at most: as many as a page holds. */
export const MAX_NODE_IDS = 100;

/**
 * The object a global id names, read by its type's NodeSource, which applies exactly the
 * rules of the type's own query (so SALES reads null for another owner's customer, as
 * from `customer(id)`). Null for a malformed id, an unknown type or an invisible row.
 */
export async function getNode(ctx: RequestContext, globalId: string): Promise<object | null> {
  const named = fromGlobalId(globalId);
  if (!named) return null;
  const loader = nodeLoader(ctx, named.typeName);
  if (!loader) return null;
  const value = await loader.load(named.id);
  return value ? markNode(value, named.typeName) : null;
}

/** Many objects in the order asked, null where `node` would give null; one statement per
 * type (DataLoader), however many ids and aliases the operation holds. */
export async function getNodes(ctx: RequestContext, globalIds: readonly string[]): Promise<(object | null)[]> {
  if (globalIds.length > MAX_NODE_IDS) {
    throw new DomainError(CommonErrorCode.TOO_MANY_IDS, `At most ${MAX_NODE_IDS} ids per call`, [{ field: 'ids', message: `at most ${MAX_NODE_IDS}` }]);
  }
  return Promise.all(globalIds.map((id) => getNode(ctx, id)));
}

function nodeLoader(ctx: RequestContext, typeName: string): DataLoader<string, object | null> | undefined {
  const source = nodeSource(typeName);
  if (!source) return undefined;
  return ctx.loaders.get(`node.${typeName}`, () =>
    new DataLoader<string, object | null>(async (ids) => {
      const rows = await source.load(ctx, ids);
      return ids.map((_, i) => rows[i] ?? null);
    }),
  );
}
