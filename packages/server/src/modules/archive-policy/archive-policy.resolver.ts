import { ArgRefersTo } from '../../graphql/global-id.js';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ConnectionArgs } from '../../graphql/connection.js';
import type { RequestContext } from '../../core/context.js';
import { getUser } from '../identity/user.service.js';
import { User, type UserRecord } from '../identity/user.type.js';
import {
  CreateArchivePolicyInput,
  DeleteArchivePolicyInput,
  PreviewArchivePolicyInput,
  RunArchivePolicyInput,
  UpdateArchivePolicyInput,
} from './archive-policy.inputs.js';
import {
  ArchivePolicyConnection,
  CreateArchivePolicyPayload,
  DeleteArchivePolicyPayload,
  RunArchivePolicyPayload,
  UpdateArchivePolicyPayload,
} from './archive-policy.payloads.js';
import type { ArchivePolicyRecord } from './archive-policy.record.js';
import { createPolicy, deletePolicy, getPolicy, listPolicies, previewPolicy, runPolicy, updatePolicy } from './archive-policy.service.js';
import { ArchivePolicy, ArchivePolicyPreview } from './archive-policy.type.js';

@Resolver(() => ArchivePolicy)
export class ArchivePolicyResolver {
  @Query(() => ArchivePolicy, { nullable: true, description: 'One archive policy by id; null when there is none.' })
  @ArgRefersTo('id', 'ArchivePolicy')
  archivePolicy(@Arg('id', () => ID, { description: 'Policy id.' }) id: string, @Ctx() ctx: RequestContext) {
    return getPolicy(ctx, id);
  }

  @Query(() => ArchivePolicyConnection, { description: 'Archive policies by name.' })
  async archivePolicies(@Args() page: ConnectionArgs, @Ctx() ctx: RequestContext): Promise<ArchivePolicyConnection> {
    const result = await listPolicies(ctx, page);
    return new ArchivePolicyConnection(result.page as never, result.count);
  }

  @Query(() => ArchivePolicyPreview, {
    description: 'Dry run: how many customers and interactions a policy (saved or not) would archive now, with a sample. Moves nothing.',
  })
  previewArchivePolicy(
    @Arg('input', () => PreviewArchivePolicyInput, { description: 'A saved policy or an unsaved rule.' }) input: PreviewArchivePolicyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return previewPolicy(ctx, input);
  }

  @Mutation(() => CreateArchivePolicyPayload, { description: 'Creates an archive policy.' })
  async createArchivePolicy(
    @Arg('input', () => CreateArchivePolicyInput, { description: 'The policy to create.' }) input: CreateArchivePolicyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { policy: await createPolicy(ctx, input) };
  }

  @Mutation(() => UpdateArchivePolicyPayload, { description: 'Changes an archive policy; fails with CONFLICT when `version` is stale.' })
  async updateArchivePolicy(
    @Arg('input', () => UpdateArchivePolicyInput, { description: 'The policy, the version read and the changes.' }) input: UpdateArchivePolicyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { policy: await updatePolicy(ctx, input) };
  }

  @Mutation(() => DeleteArchivePolicyPayload, { description: 'Deletes an archive policy; runs already queued finish as they were.' })
  async deleteArchivePolicy(
    @Arg('input', () => DeleteArchivePolicyInput, { description: 'The policy and the version read.' }) input: DeleteArchivePolicyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { policy: await deletePolicy(ctx, input) };
  }

  @Mutation(() => RunArchivePolicyPayload, { description: 'Starts a run of an archive policy now, as a background job.' })
  async runArchivePolicy(
    @Arg('input', () => RunArchivePolicyInput, { description: 'The policy to run.' }) input: RunArchivePolicyInput,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await runPolicy(ctx, input.id) };
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who created the policy.' })
  createdBy(@Root() policy: ArchivePolicyRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, policy.createdBy);
  }
}
