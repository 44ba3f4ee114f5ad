import { Arg, Ctx, Field, InputType, Mutation, ObjectType, Resolver } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import type { JobRecord } from '../job/job.record.js';
import { Job } from '../job/job.type.js';
import { startKeyRotation } from './rotation.service.js';
import { OptionalReasonField } from '../../graphql/reason-field.js';
import { rolesFor } from '../../policy/role-notes.js';
import { Action } from '../../policy/policy.js';

@InputType({ description: 'Options of startKeyRotation.' })
export class StartKeyRotationInput {
  @OptionalReasonField('Why (kept in the audit log).', 1000)
  reason?: string | null;
}

@ObjectType({ description: 'Result of startKeyRotation.' })
export class StartKeyRotationPayload {
  @Field(() => Job, { description: 'The queued ROTATE_ENCRYPTION_KEYS job.' })
  job!: JobRecord;
}

@Resolver()
export class KeyRotationResolver {
  @Mutation(() => StartKeyRotationPayload, {
    description:
      'Re-encrypts every sensitive value not under the current encryption key (and any legacy plaintext) in a background job, ' +
      `with fresh blind indexes (${rolesFor(Action.ENCRYPTION_KEYS_ROTATE)}). Retired keys can leave ENCRYPTION_KEY once it has succeeded.`,
  })
  async startKeyRotation(
    @Arg('input', () => StartKeyRotationInput, { nullable: true, description: 'Options.' }) input: StartKeyRotationInput | null,
    @Ctx() ctx: RequestContext,
  ) {
    return { job: await startKeyRotation(ctx, input?.reason) };
  }
}
