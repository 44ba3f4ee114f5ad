import { RefersTo } from '../../graphql/global-id.js';
import { IsEmail, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Role } from '../../policy/role.js';
import { User } from './user.type.js';

@InputType({ description: 'Credentials.' })
export class LoginInput {
  @Field({ description: 'Login email address.' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Password.' })
  @MaxLength(200)
  password!: string;
}

@InputType({ description: 'A refresh token from login or an earlier refresh.' })
export class RefreshTokenInput {
  @Field({ description: 'The refresh token; each can be used once.' })
  @MaxLength(200)
  refreshToken!: string;
}

@ObjectType()
abstract class SessionFields {
  @Field({ description: 'Access token: send as `Authorization: Bearer <token>`.' })
  token!: string;

  @Field(() => DateTimeScalar, { description: 'When the access token expires; refresh before then.' })
  expiresAt!: Date;

  @Field({ description: 'Single-use token for refreshToken, valid for days.' })
  refreshToken!: string;

  @Field(() => User, { description: 'The signed-in user.' })
  user!: User;
}

@ObjectType({ description: 'Result of login: a new session.' })
export class LoginPayload extends SessionFields {}

@ObjectType({ description: 'Result of refreshToken: a new session replacing the old one.' })
export class RefreshTokenPayload extends SessionFields {}

const PASSWORD_RULE = { message: 'password must be 10–200 characters' };

@InputType({ description: 'A new staff user.' })
export class CreateUserInput {
  @Field({ description: 'Login email address (unique, case-insensitive).' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field({ description: 'Name shown in the dashboard.' })
  @MinLength(1)
  @MaxLength(100)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName!: string;

  @Field(() => Role, { description: 'Role.' })
  role!: Role;

  @Field({ description: 'Initial password (10–200 characters).' })
  @MinLength(10, PASSWORD_RULE)
  @MaxLength(200, PASSWORD_RULE)
  password!: string;
}

@InputType({ description: 'Changes to a staff user. Omitted fields stay as they are.' })
export class UpdateUserInput {
  @RefersTo('User')
  @Field(() => ID, { description: 'The user to change.' })
  id!: string;

  @Field(() => String, { nullable: true, description: 'New display name.' })
  @ValidateIf((_, v) => v !== undefined)
  @MinLength(1)
  @MaxLength(100)
  displayName?: string;

  @Field(() => Role, { nullable: true, description: 'New role; takes effect on the user\'s next request.' })
  role?: Role;

  @Field(() => Boolean, { nullable: true, description: 'false disables the user: their tokens stop working at once.' })
  enabled?: boolean;
}

@InputType({ description: 'A new password for a user; their existing sessions end.' })
export class ResetUserPasswordInput {
  @RefersTo('User')
  @Field(() => ID, { description: 'The user.' })
  id!: string;

  @Field({ description: 'New password (10–200 characters).' })
  @MinLength(10, PASSWORD_RULE)
  @MaxLength(200, PASSWORD_RULE)
  password!: string;
}

@ObjectType()
abstract class UserFields {
  @Field(() => User, { description: 'The user after the change.' })
  user!: User;
}

@ObjectType({ description: 'Result of createUser.' })
export class CreateUserPayload extends UserFields {}

@ObjectType({ description: 'Result of updateUser.' })
export class UpdateUserPayload extends UserFields {}

@ObjectType({ description: 'Result of resetUserPassword.' })
export class ResetUserPasswordPayload extends UserFields {}
