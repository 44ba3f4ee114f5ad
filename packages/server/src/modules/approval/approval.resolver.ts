import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { RefersTo } from '../../graphql/global-id.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';
import { getUser } from '../identity/user.service.js';
import { User, type UserRecord } from '../identity/user.type.js';
import { getJob } from '../job/job.service.js';
import { Job } from '../job/job.type.js';
import type { JobRecord } from '../job/job.record.js';
import type { ApprovalRequestRecord } from './approval.record.js';
import {
  approveRequest,
  cancelApprovalRequest,
  listApprovalRequests,
  mayCancel,
  mayDecide,
  rejectRequest,
  requestApproval,
} from './approval.service.js';
import { ApprovalRequest, ApprovalRequestList, ApprovalRequestPayload, ApprovalState, DecideApprovalInput, RequestApprovalInput } from './approval.type.js';

@Resolver(() => ApprovalRequest)
export class ApprovalResolver {
  @Query(() => ApprovalRequestList, { description: `Four-eyes requests, newest first, with counts per state (${rolesFor(Action.APPROVAL_READ)}).` })
  approvalRequests(
    @Arg('state', () => ApprovalState, { nullable: true, description: 'Only requests in this state (default: all).' }) state: ApprovalState | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most this many (1–200).' }) first: number,
    @Ctx() ctx: RequestContext,
  ) {
    return listApprovalRequests(ctx, state, first);
  }

  @Mutation(() => ApprovalRequestPayload, {
    description: 'Asks a second person to approve an operation that needs one; records its parameters and a dry-run preview. Needs the operation\u2019s own permission.',
  })
  requestApproval(@Arg('input', () => RequestApprovalInput, { description: 'The operation, why, and what it applies to.' }) input: RequestApprovalInput, @Ctx() ctx: RequestContext) {
    return requestApproval(ctx, input);
  }

  @Mutation(() => ApprovalRequestPayload, {
    description: `Approves someone else\u2019s pending request (${rolesFor(Action.APPROVAL_DECIDE)}, holding the operation\u2019s permission); its operation then runs once as a job. Your own request: FORBIDDEN (APPROVAL_OWN_REQUEST).`,
  })
  approveRequest(@Arg('input', () => DecideApprovalInput, { description: 'The request and an optional note.' }) input: DecideApprovalInput, @Ctx() ctx: RequestContext) {
    return approveRequest(ctx, input);
  }

  @Mutation(() => ApprovalRequestPayload, {
    description: `Rejects someone else\u2019s pending request (${rolesFor(Action.APPROVAL_DECIDE)}, holding the operation\u2019s permission); it never runs.`,
  })
  rejectRequest(@Arg('input', () => DecideApprovalInput, { description: 'The request and an optional note.' }) input: DecideApprovalInput, @Ctx() ctx: RequestContext) {
    return rejectRequest(ctx, input);
  }

  @Mutation(() => ApprovalRequestPayload, { description: 'Withdraws your own request while nobody has decided on it.' })
  cancelApprovalRequest(@Arg('input', () => DecideApprovalInput, { description: 'The request and an optional note.' }) input: DecideApprovalInput, @Ctx() ctx: RequestContext) {
    return cancelApprovalRequest(ctx, input);
  }

  @RefersTo('Customer')
  @FieldResolver(() => [ID], { description: 'The customers it applies to (ids; `archivedCustomer` takes them too), if any.' })
  customerIds(@Root() row: ApprovalRequestRecord): string[] {
    return row.params.customerIds ?? [];
  }

  @RefersTo('ArchivePolicy')
  @FieldResolver(() => ID, { nullable: true, description: 'The archive policy it applies to (ENABLE_ARCHIVE_POLICY).' })
  policyId(@Root() row: ApprovalRequestRecord): string | null {
    return row.params.policyId ?? null;
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who asked.' })
  requestedBy(@Root() row: ApprovalRequestRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, row.requestedBy);
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who approved or rejected it.' })
  decidedBy(@Root() row: ApprovalRequestRecord, @Ctx() ctx: RequestContext): Promise<UserRecord | null> {
    return getUser(ctx, row.decidedBy);
  }

  @FieldResolver(() => Job, { nullable: true, description: 'The job that runs (or ran) it, once approved; null when you may not read jobs.' })
  async job(@Root() row: ApprovalRequestRecord, @Ctx() ctx: RequestContext): Promise<JobRecord | null> {
    return row.jobId ? getJob(ctx, row.jobId).catch(() => null) : null;
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may approve or reject it now: someone else\u2019s, pending, an operation you may run.' })
  canDecide(@Root() row: ApprovalRequestRecord, @Ctx() ctx: RequestContext): boolean {
    return mayDecide(ctx, row);
  }

  @FieldResolver(() => Boolean, { description: 'Whether you may withdraw it now (your own, undecided).' })
  canCancel(@Root() row: ApprovalRequestRecord, @Ctx() ctx: RequestContext): boolean {
    return mayCancel(ctx, row);
  }

  @FieldResolver(() => String, { nullable: true, description: 'After the run: the error code when the operation was refused (FAILED), else null.' })
  failure(@Root() row: ApprovalRequestRecord): string | null {
    return typeof row.outcome?.error === 'string' ? row.outcome.error : null;
  }
}
