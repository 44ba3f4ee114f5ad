import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { invalidInput } from '../common/domain-error.js';

/**
 * PostgreSQL text and jsonb cannot hold NUL (U+0000): one reaching a query fails it with an
 * error that is no fault of the server and would be answered as an internal one. Every
 * argument of every field is checked here, once GraphQL has coerced it (literals and
 * variables alike) and before its resolver, validation or SQL runs — so no field can
 * forget the check. Fields without arguments keep their resolver untouched.
 */
export function rejectNulInArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const inner = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        const path = nulPath(args, '');
        if (path !== undefined) throw invalidInput([{ field: path, message: 'must not contain the NUL character (\\u0000)' }]);
        return inner(source, args, ctx, info);
      };
    }
  }
  return schema;
}

/** Where the first NUL is, as a field path (`input.tags[2]`), or undefined. */
export function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulPath(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return at;
      const found = nulPath(item, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
