import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { ArgNotANodeId } from '../../graphql/global-id.js';
import { Node } from '../../graphql/node.js';
import { getNode, getNodes, MAX_NODE_IDS } from './node.service.js';

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id (Relay), under the same rules as its own query: null when it does not exist or is not visible to the caller.',
  })
  @ArgNotANodeId('id', 'any type: the global id names its own')
  node(@Arg('id', () => ID, { description: 'A global id, as some object\'s `id` gave it.' }) id: string, @Ctx() ctx: RequestContext) {
    return getNode(ctx, id);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Many objects by global id, in the order asked (null where \`node\` would give null); at most ${MAX_NODE_IDS} ids (BAD_USER_INPUT, reason TOO_MANY_IDS).`,
  })
  @ArgNotANodeId('ids', 'any type: each global id names its own')
  nodes(@Arg('ids', () => [ID], { description: 'Global ids.' }) ids: string[], @Ctx() ctx: RequestContext) {
    return getNodes(ctx, ids);
  }
}
