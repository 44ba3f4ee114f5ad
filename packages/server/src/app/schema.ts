import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { PLAIN_CONNECTION_TYPES } from '../graphql/connection.js';
import { buildSchema, getMetadataStorage, type PubSub } from 'type-graphql';
import { validateArgument } from '../graphql/argument-validation.js';
import { applyFieldGuards } from '../graphql/field-guards.js';
import { applyGlobalIds } from '../graphql/global-id-schema.js';
import { registerNodeSources } from '../graphql/node.js';
import { localizeMessageFields } from '../graphql/localization.js';
import { applyReadPlans } from '../graphql/read-plan.js';
import { rejectNulInArguments } from '../graphql/input-text.js';
import { DateTimeScalar } from '../graphql/scalars.js';
import { GUARDED_FIELDS } from '../policy/policy.js';
import { MODULES } from './modules.js';

/** Every module's resolvers, in the order the modules are listed. */
export const resolvers = MODULES.flatMap((m) => m.resolvers ?? []) as [Function, ...Function[]];

/** Fields whose values a read plan may have read with their parent (src/graphql/read-plan.ts). */
const PLANNED_FIELDS = {
  Customer: ['owner', 'interactions', 'interactionCount'],
  ArchivedCustomer: ['owner', 'archivedBy', 'interactions', 'interactionCount'],
  Interaction: ['owner'],
  ArchivedInteraction: ['owner'],
};

/** type-graphql wants a PubSub once a schema has subscriptions; ours bring their own
 * source (PostgreSQL LISTEN/NOTIFY, src/modules/live), so this one is never used. */
const NO_PUBSUB: PubSub = {
  publish() {
    throw new Error('subscriptions are fed by PostgreSQL notifications, not by publish()');
  },
  subscribe() {
    throw new Error('subscriptions are fed by PostgreSQL notifications, not by a PubSub topic');
  },
};

// A planned value is returned before the field's own resolver chain runs, guard included:
// a guarded field must be read by its resolver, never planned.
for (const [type, fields] of Object.entries(PLANNED_FIELDS)) {
  for (const field of fields) {
    if (`${type}.${field}` in GUARDED_FIELDS) throw new Error(`${type}.${field} is guarded by the policy, so a read plan must not read it`);
  }
}

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process (type-graphql metadata is global anyway). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  registerNodeSources(MODULES.flatMap((m) => m.nodes ?? []));
  cached ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: validateArgument,
    emitSchemaFile: false,
    pubSub: NO_PUBSUB,
  }).then((schema) =>
    applyReadPlans(applyGlobalIds(inheritFieldExtensions(localizeMessageFields(rejectNulInArguments(applyFieldGuards(defaultResolvers(describeRootTypes(schema))))))), PLANNED_FIELDS),
  );
  return cached;
}

/** Records read as plain objects: their unresolved fields are plain properties. */
const PLAIN_TYPES = new Set(['Customer', 'ArchivedCustomer', 'Interaction', 'ArchivedInteraction', 'User']);

/**
 * Fields without a resolver (types with simpleResolvers) are read by the executor itself.
 * graphql-js's default calls a property that is a function (several payloads hold lazy
 * counts); graphql-jit reads the property as it is. So every such field gets graphql-js's
 * default resolver, except on plain records and connections, whose properties are values:
 * graphql-jit reads those inline, the cheapest read there is.
 */
function defaultResolvers(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || PLAIN_TYPES.has(type.name) || PLAIN_CONNECTION_TYPES.has(type.name)) continue;
    for (const field of Object.values(type.getFields())) field.resolve ??= defaultFieldResolver;
  }
  return schema;
}

/**
 * type-graphql gives a field declared on an abstract parent class its extensions on the
 * parent's own type only; a subclass's copy of the field (CustomerFilter.ids from
 * CustomerCriteria) loses them. Copied here, so RefersTo on a shared field holds everywhere.
 */
function inheritFieldExtensions(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const classes = [...storage.inputTypes, ...storage.objectTypes];
  for (const def of classes) {
    const type = schema.getType(def.name);
    if (!type || !('getFields' in type)) continue;
    const fields = type.getFields() as Record<string, { extensions: Record<string, unknown> | null | undefined }>;
    for (let parent = Object.getPrototypeOf(def.target); parent && parent !== Function.prototype; parent = Object.getPrototypeOf(parent)) {
      for (const ancestor of classes.filter((c) => c.target === parent)) {
        for (const field of ancestor.fields ?? []) {
          const target = fields[field.name];
          if (!target || !field.extensions || Object.keys(field.extensions).length === 0) continue;
          target.extensions = { ...field.extensions, ...target.extensions };
        }
      }
    }
  }
  return schema;
}

/** type-graphql cannot describe the root types; the published schema should. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const subscription = schema.getSubscriptionType();
  if (subscription) subscription.description = 'Live updates over WebSocket (graphql-ws at /graphql), under the same token and rules as every read.';
  if (query) query.description = 'Reads: customers, interaction history, staff and the audit log.';
  if (mutation) mutation.description = 'Changes. Each takes one `input` object and returns a payload; a failed mutation changes nothing.';
  return schema;
}
