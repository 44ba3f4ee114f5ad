import { defaultFieldResolver, isNonNullType, isObjectType, type GraphQLSchema } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { mask } from '../policy/masking.js';
import { FieldAccess, GUARDED_FIELDS, type GuardedField } from '../policy/policy.js';
import type { RequestContext } from '../core/context.js';

/**
 * Wraps exactly the fields the policy guards, so every path a value can take (direct,
 * nested, aliased, in fragments, lists, connections and mutation payloads) passes the
 * same check, while unguarded fields keep graphql-js's default resolver. The wrapper is
 * synchronous: an async middleware on every field measured ~0.5× throughput here
 * (docs/developers/decisions.md#synchronous-field-guards).
 */
export function applyFieldGuards(schema: GraphQLSchema): GraphQLSchema {
  for (const [key, rule] of Object.entries(GUARDED_FIELDS) as [GuardedField, (typeof GUARDED_FIELDS)[GuardedField]][]) {
    const [typeName, fieldName] = key.split('.') as [string, string];
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`policy guards ${key}, but ${typeName} is not an object type`);
    const field = type.getFields()[fieldName];
    if (!field) throw new Error(`policy guards ${key}, but the schema has no such field`);
    if (isNonNullType(field.type)) throw new Error(`${key} is guarded, so it must be nullable`);
    const inner = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, ctx: RequestContext, info) => {
      const role = ctx.actor?.role;
      const access = role ? rule.access[role] : FieldAccess.NONE;
      if (access === FieldAccess.NONE) {
        ctx.denials.record(key, info);
        return null;
      }
      const value = inner(source, args, ctx, info);
      if (value == null) return value;
      if (access === FieldAccess.MASKED) return mask(rule.mask, value);
      if (rule.personal) ctx.accessLog.record(typeName, fieldName, (source as { id: string }).id, key);
      return value;
    };
  }
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
