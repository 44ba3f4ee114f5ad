import { BigIntType, OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Role } from './role.js';

/** Minimal user record; login, passwords and administration arrive with the identity issue. */
@Entity({ tableName: 'app_user' })
export class UserEntity {
  [OptionalProps]?: 'role' | 'enabled' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: new BigIntType('string') })
  id!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text' })
  role: Role = Role.SALES;

  @Property({ type: 'boolean' })
  enabled = true;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
