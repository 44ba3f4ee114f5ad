import { defaultFieldResolver, isNonNullType, isObjectType, type GraphQLField, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { mask } from '../policy/masking.js';
import { FieldAccess, GUARDED_FIELDS, type GuardedField, type GuardedFieldRule } from '../policy/policy.js';
import type { RequestContext } from '../core/context.js';

export type FieldResolver = GraphQLFieldResolver<unknown, RequestContext>;

/** One guarded field as applyFieldGuards found and wrapped it. */
export interface FieldGuard {
  key: GuardedField;
  typeName: string;
  fieldName: string;
  rule: GuardedFieldRule;
  field: GraphQLField<unknown, RequestContext>;
  /** The field's own resolver; undefined when it has none (the record's property, which
   * graphql-jit reads inline). */
  own: FieldResolver | undefined;
  /** The resolver applyFieldGuards installed: the guard for any role at run time. */
  guard: FieldResolver;
}

const GUARDS = new WeakMap<GraphQLSchema, readonly FieldGuard[]>();

/** The guards applyFieldGuards installed on a schema (none when it was not applied: the
 * benchmarks' build without guards). */
export function fieldGuardsOf(schema: GraphQLSchema): readonly FieldGuard[] {
  return GUARDS.get(schema) ?? [];
}

// What a role's access to a value does, shared by the guard below and by the guards a
// query compiled for one role carries (role-guards.ts): one rule, two places it is decided.

export function deny(ctx: RequestContext, key: GuardedField, info: GraphQLResolveInfo): null {
  ctx.denials.record(key, info);
  return null;
}

export function masked(rule: GuardedFieldRule, value: unknown): unknown {
  return value == null ? value : mask(rule.mask, value);
}

export function logged(guard: FieldGuard, ctx: RequestContext, source: unknown, value: unknown): unknown {
  if (value != null && guard.rule.personal) ctx.accessLog.record(guard.typeName, guard.fieldName, (source as { id: string }).id);
  return value;
}

/**
 * Wraps exactly the fields the policy guards, so every path a value can take (direct,
 * nested, aliased, in fragments, lists, connections and mutation payloads) passes the
 * same check, while unguarded fields keep graphql-js's default resolver. The wrapper is
 * synchronous: an async middleware on every field measured ~0.5× throughput here
 * (docs/developers/decisions.md#synchronous-field-guards). A query compiled by graphql-jit
 * takes its caller's role's decisions instead (role-guards.ts), made from the same rules.
 */
export function applyFieldGuards(schema: GraphQLSchema): GraphQLSchema {
  const guards: FieldGuard[] = [];
  for (const [key, rule] of Object.entries(GUARDED_FIELDS) as [GuardedField, GuardedFieldRule][]) {
    const [typeName, fieldName] = key.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`policy guards ${key}, but ${typeName} is not an object type`);
    const field = type.getFields()[fieldName];
    if (!field) throw new Error(`policy guards ${key}, but the schema has no such field`);
    if (isNonNullType(field.type)) throw new Error(`${key} is guarded, so it must be nullable`);
    const own = field.resolve as FieldResolver | undefined;
    const read: FieldResolver = own ?? defaultFieldResolver;
    const entry: FieldGuard = { key, typeName, fieldName, rule, field, own, guard: read };
    entry.guard = (source, args, ctx, info) => {
      const role = ctx.actor?.role;
      const access = role ? rule.access[role] : FieldAccess.NONE;
      if (access === FieldAccess.NONE) return deny(ctx, key, info);
      const value = read(source, args, ctx, info);
      return access === FieldAccess.MASKED ? masked(rule, value) : logged(entry, ctx, source, value);
    };
    field.resolve = entry.guard;
    guards.push(entry);
  }
  GUARDS.set(schema, guards);
  return schema;
}

/** Appends the request's denials to its response, before the metrics plugin counts codes. */
export function fieldDenialsPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          if (contextValue.denials.size === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.errors = [...(result.errors ?? []), ...contextValue.denials.toErrors()];
        },
      };
    },
  };
}
