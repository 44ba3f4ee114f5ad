import { Field, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { Interaction } from './interaction.type.js';

export const InteractionConnection = ConnectionType(Interaction, 'Interaction');
export type InteractionConnection = InstanceType<typeof InteractionConnection>;

@ObjectType({ description: 'Result of logInteraction.' })
export class LogInteractionPayload {
  @Field(() => Interaction, { description: 'The logged interaction.' })
  interaction!: Interaction;
}
