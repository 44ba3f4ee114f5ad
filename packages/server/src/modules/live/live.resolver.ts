import { ArgRefersTo } from '../../graphql/global-id.js';
import { Arg, Ctx, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { Action } from '../../policy/policy.js';
import { ownRowsRoles, rolesFor } from '../../policy/role-notes.js';
import { Job } from '../job/job.type.js';
import type { JobRecord } from '../job/job.record.js';
import { customerChanges, jobUpdates, unwrapEvent, type LiveEvent } from './live.service.js';
import { CustomerChange, type CustomerChangeRecord } from './live.type.js';

interface SubscribeData<A> {
  args: A;
  context: RequestContext;
}

@Resolver()
export class LiveResolver {
  @Subscription(() => Job, {
    description:
      `The job now, then each change of its state or progress (not heartbeats) until it finishes; ${rolesFor(Action.JOB_READ)}. Over WebSocket (graphql-ws) with the same token.`,
    subscribe: ({ args, context }: SubscribeData<{ id: string }>) => jobUpdates(context, args.id),
  })
  @ArgRefersTo('id', 'Job')
  jobUpdated(
    @Root() event: LiveEvent<JobRecord>,
    @Arg('id', () => ID, { description: 'Job id.' }) _id: string,
    @Ctx() _ctx: RequestContext,
  ): JobRecord {
    return unwrapEvent(event);
  }

  @Subscription(() => CustomerChange, {
    description:
      `Changes of the customers you may read (${ownRowsRoles()}: your own), as they are committed by any server or job; REMOVED when one leaves your view. Over WebSocket (graphql-ws) with the same token.`,
    subscribe: ({ args, context }: SubscribeData<{ id?: string | null }>) => customerChanges(context, args.id),
  })
  @ArgRefersTo('id', 'Customer')
  customerChanged(
    @Root() event: LiveEvent<CustomerChangeRecord>,
    @Arg('id', () => ID, { nullable: true, description: 'Only this customer.' }) _id: string | null,
    @Ctx() _ctx: RequestContext,
  ): CustomerChangeRecord {
    return unwrapEvent(event);
  }
}
