import { RefersTo } from '../../graphql/global-id.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { User } from './user.type.js';
import { OptionalReasonField } from '../../graphql/reason-field.js';

@InputType({ description: 'How far logout reaches.' })
export class LogoutInput {
  @Field(() => Boolean, { nullable: true, description: 'true ends every session of the caller (all devices), not just this one.' })
  everywhere?: boolean;
}

@ObjectType({ description: 'Result of logout.' })
export class LogoutPayload {
  @Field(() => Int, { description: 'Sessions ended (0 when this one had ended already).' })
  sessionsEnded!: number;
}

@InputType({ description: 'Whose sessions to end.' })
export class RevokeSessionsInput {
  @RefersTo('User')
  @Field(() => ID, { description: 'The user.' })
  userId!: string;

  @OptionalReasonField('Why, for the audit log (e.g. "laptop stolen").')
  reason?: string | null;
}

@ObjectType({ description: 'Result of revokeSessions.' })
export class RevokeSessionsPayload {
  @Field(() => User, { description: 'The user whose sessions ended.' })
  user!: User;

  @Field(() => Int, { description: 'Sessions that were live and are now ended.' })
  sessionsEnded!: number;
}

@InputType({ description: 'Whose sign-in lock to lift.' })
export class UnlockUserInput {
  @RefersTo('User')
  @Field(() => ID, { description: 'The user.' })
  id!: string;
}

@ObjectType({ description: 'Result of unlockUser.' })
export class UnlockUserPayload {
  @Field(() => User, { description: 'The user.' })
  user!: User;

  @Field({ description: 'Whether sign-in with the user\'s email was locked until now.' })
  wasLocked!: boolean;
}
