import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { applyFieldGuards } from '../graphql/field-guards.js';
import { localizeMessageFields } from '../graphql/localization.js';
import { rejectNulInArguments } from '../graphql/input-text.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { MODULES } from './modules.js';

/** Every module's resolvers, in the order the modules are listed. */
export const resolvers = MODULES.flatMap((m) => m.resolvers ?? []) as [Function, ...Function[]];

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process (type-graphql metadata is global anyway). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  }).then((schema) => localizeMessageFields(rejectNulInArguments(applyFieldGuards(describeRootTypes(schema)))));
  return cached;
}

/** type-graphql cannot describe the root types; the published schema should. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: customers, interaction history, staff and the audit log.';
  if (mutation) mutation.description = 'Changes. Each takes one `input` object and returns a payload; a failed mutation changes nothing.';
  return schema;
}
