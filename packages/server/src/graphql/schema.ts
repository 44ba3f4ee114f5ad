import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { CustomerResolver } from '../modules/customer/customer.resolver.js';
import { UserResolver } from '../modules/identity/user.resolver.js';
import { CustomerInteractionsResolver, InteractionResolver } from '../modules/interaction/interaction.resolver.js';
import { DateTimeScalar } from './scalars.js';

export const resolvers = [CustomerResolver, CustomerInteractionsResolver, InteractionResolver, UserResolver] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process (type-graphql metadata is global anyway). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  });
  return cached;
}
