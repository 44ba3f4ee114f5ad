import { RefersTo } from '../../graphql/global-id.js';
import { Field, ID, ObjectType } from 'type-graphql';

/** A staff member as every role may see them: enough to pick an owner or name an actor. */
export interface StaffNameRecord {
  id: string;
  displayName: string;
}

@ObjectType('StaffName', { description: 'A member of staff by name only: what pickers and labels need, readable by every signed-in role.', simpleResolvers: true })
export class StaffName implements StaffNameRecord {
  @RefersTo('User')
  @Field(() => ID, { description: 'The user\u2019s id (as in `User.id`, `Customer.owner`, `AuditEvent.actor`).' })
  id!: string;

  @Field({ description: 'Name shown in the dashboard.' })
  displayName!: string;
}
