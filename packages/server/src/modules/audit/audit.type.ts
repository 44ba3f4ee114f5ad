import { RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Role } from '../../policy/role.js';

export interface AuditEventRecord {
  id: string;
  seq: string;
  at: string;
  actorId: string | null;
  actorRole: Role | null;
  action: string;
  entityType: string;
  entityId: string | null;
  reason: string | null;
  changes: Record<string, unknown>;
  requestId: string | null;
  prevHash: string;
  hash: string;
}

@NodeType('AuditEvent', { description: 'One entry of the append-only, hash-chained audit log.' })
export class AuditEvent implements Omit<AuditEventRecord, 'actorId'> {
  @Field(() => ID, { description: 'Identifier (the sequence number).' })
  id!: string;

  @Field({ description: 'Position in the chain, from 1 without gaps (a decimal string: it may exceed 32 bits).' })
  seq!: string;

  @Field(() => DateTimeScalar, { description: 'When the change was recorded.' })
  at!: string;

  @Field(() => Role, { nullable: true, description: 'Role the actor had at the time.' })
  actorRole!: Role | null;

  @Field({ description: 'What happened, e.g. CUSTOMER_UPDATED.' })
  action!: string;

  @Field({ description: 'Kind of record affected, e.g. Customer.' })
  entityType!: string;

  @Field(() => String, { nullable: true, description: 'Id of the record affected.' })
  entityId!: string | null;

  @Field(() => String, { nullable: true, description: 'Reason given for the change.' })
  reason!: string | null;

  @Field(() => GraphQLJSONObject, { description: 'Field → { from, to }; personal data appears masked.' })
  changes!: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'Request id (x-request-id) of the change.' })
  requestId!: string | null;

  @Field({ description: 'SHA-256 (hex) of the previous entry; empty for the first.' })
  prevHash!: string;

  @Field({ description: 'SHA-256 (hex) over this entry\'s canonical encoding and prevHash.' })
  hash!: string;
}

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');
export type AuditEventConnection = InstanceType<typeof AuditEventConnection>;

@InputType({ description: 'Which audit events to list.' })
export class AuditEventFilter {
  @Field(() => String, { nullable: true, description: 'Kind of record, e.g. Customer.' })
  entityType?: string;

  @Field(() => String, { nullable: true, description: 'Id of the record (with entityType): its database id, or the global id of the object (schema 0.2).' })
  entityId?: string;

  @RefersTo('User')
  @Field(() => ID, { nullable: true, description: 'Who acted.' })
  actorId?: string;

  @Field(() => [String], { nullable: true, description: 'Any of these actions.' })
  action?: string[];

  @Field(() => DateTimeScalar, { nullable: true, description: 'At or after this time.' })
  from?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Before this time.' })
  to?: string;
}

@ObjectType('AuditChainVerification', { description: 'Result of re-computing every hash and link of the audit log.' })
export class AuditChainVerification {
  @Field({ description: 'True when every entry and link is intact.' })
  ok!: boolean;

  @Field(() => Int, { description: 'Entries verified before the first broken one (all of them when ok).' })
  checked!: number;

  @Field(() => String, { nullable: true, description: 'Sequence number of the first entry that fails, if any.' })
  firstBrokenSeq!: string | null;
}
