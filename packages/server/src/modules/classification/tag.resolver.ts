import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import {
  BulkTagCustomersInput,
  BulkTagCustomersPayload,
  DeleteTagInput,
  SaveTagInput,
  SetCustomerTagsInput,
  SetCustomerTagsPayload,
  Tag,
  TagPayload,
} from './classification.types.js';
import { bulkTagCustomers, deleteTag, listTags, saveTag, setCustomerTags } from './tag.service.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@Resolver()
export class TagResolver {
  @Query(() => [Tag], { description: 'Every tag in use or configured, with counts over the ACTIVE customers you may see, most used first.' })
  tags(@Ctx() ctx: RequestContext) {
    return listTags(ctx);
  }

  @Mutation(() => SetCustomerTagsPayload, { description: 'Replaces the tags of one ACTIVE customer.' })
  async setCustomerTags(@Arg('input', () => SetCustomerTagsInput, { description: 'The customer and its tags.' }) input: SetCustomerTagsInput, @Ctx() ctx: RequestContext) {
    return { customer: await setCustomerTags(ctx, input) };
  }

  @Mutation(() => BulkTagCustomersPayload, { description: 'Adds and removes tags on every ACTIVE customer a filter matches (with dryRun: only counts).' })
  bulkTagCustomers(@Arg('input', () => BulkTagCustomersInput, { description: 'Filter and tag changes.' }) input: BulkTagCustomersInput, @Ctx() ctx: RequestContext) {
    return bulkTagCustomers(ctx, input);
  }

  @Mutation(() => TagPayload, { description: `Creates a tag or changes its name, colour or description (${rolesFor(Action.CLASSIFICATION_MANAGE)}).` })
  saveTag(@Arg('input', () => SaveTagInput, { description: 'The tag and its changes.' }) input: SaveTagInput, @Ctx() ctx: RequestContext) {
    return saveTag(ctx, input);
  }

  @Mutation(() => TagPayload, { description: `Deletes a tag and removes it from every live customer (${rolesFor(Action.CLASSIFICATION_MANAGE)}).` })
  deleteTag(@Arg('input', () => DeleteTagInput, { description: 'The tag.' }) input: DeleteTagInput, @Ctx() ctx: RequestContext) {
    return deleteTag(ctx, input);
  }
}
