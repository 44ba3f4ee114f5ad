import { NodeType } from '../../graphql/node.js';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar, DecimalScalar } from '../../graphql/scalars.js';
import { InteractionChannel, InteractionKind } from './interaction.enums.js';
import type { InteractionRecord } from './interaction.record.js';

/** Fields an interaction has wherever it is stored (live or archived). */
@ObjectType({ description: 'Shared fields (not emitted on its own).', simpleResolvers: true })
export abstract class InteractionFields implements Omit<InteractionRecord, 'customerId' | 'ownerId'> {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => InteractionKind, { description: 'What happened.' })
  kind!: InteractionKind;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  occurredAt!: string;

  @Field(() => InteractionChannel, { nullable: true, description: 'Channel it happened through.' })
  channel!: InteractionChannel | null;

  @Field({ description: 'Short summary.' })
  subject!: string;

  @Field(() => String, { nullable: true, description: 'Full text (call notes, email body, ticket description…).' })
  body!: string | null;

  @Field(() => DecimalScalar, { nullable: true, description: 'Order amount (ORDER only), exact decimal.' })
  amount!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 4217 currency of the amount, e.g. CNY.' })
  currency!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt!: string;
}

@NodeType('Interaction', { description: 'One entry of a customer\'s interaction history: a call, email, meeting, visit, order, ticket, complaint or note.', simpleResolvers: true })
export class Interaction extends InteractionFields {}
