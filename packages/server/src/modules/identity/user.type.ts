import { NodeType } from '../../graphql/node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Role } from '../../policy/role.js';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  enabled: boolean;
  createdAt: string;
}

@NodeType('User', { description: 'A member of staff who owns customers and performs actions.', simpleResolvers: true })
export class User implements UserRecord {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field({ description: 'Login email address.' })
  email!: string;

  @Field({ description: 'Name shown in the dashboard.' })
  displayName!: string;

  @Field(() => Role, { description: 'Role that decides what the user may see and do.' })
  role!: Role;

  @Field({ description: 'Disabled users cannot sign in.' })
  enabled!: boolean;

  @Field(() => DateTimeScalar, { description: 'When the user was created.' })
  createdAt!: string;
}
