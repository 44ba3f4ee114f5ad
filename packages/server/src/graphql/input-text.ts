import { defaultFieldResolver, isObjectType, type GraphQLSchema } from 'graphql';
import { invalidInput } from '../common/domain-error.js';

/**
 * PostgreSQL text and jsonb cannot hold NUL (U+0000): one reaching a query fails it with an
 * error that is no fault of the server and would be answered as an internal one. A lone
 * UTF-16 surrogate (half of a pair, which JSON can carry as \uD800) is not a character at
 * all: stored, it comes back as U+FFFD, so the record silently differs from what was
 * sent. Every argument of every field is checked here, once GraphQL has coerced it
 * (literals and variables alike) and before its resolver, validation or SQL runs — so no
 * field can forget the check. Fields without arguments keep their resolver untouched.
 */
export function rejectNulInArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      if (field.args.length === 0) continue;
      const inner = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, ctx, info) => {
        const found = unstorableText(args, '');
        if (found?.problem === 'nul') throw invalidInput([{ field: found.path, message: 'must not contain the NUL character (\\u0000)' }]);
        if (found) throw invalidInput([{ field: found.path, message: 'must not contain a lone UTF-16 surrogate (not valid Unicode)' }]);
        return inner(source, args, ctx, info);
      };
    }
  }
  return schema;
}

type UnstorableKind = 'nul' | 'surrogate';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableKind(text: string): UnstorableKind | undefined {
  if (text.includes('\u0000')) return 'nul';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return undefined;
}

/** The first text that cannot be stored as sent, with its field path (`input.tags[2]`). */
export function unstorableText(value: unknown, path: string): { path: string; problem: UnstorableKind } | undefined {
  if (typeof value === 'string') {
    const problem = unstorableKind(value);
    return problem ? { path, problem } : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      const problem = unstorableKind(key);
      if (problem) return { path: at, problem };
      const found = unstorableText(item, at);
      if (found) return found;
    }
  }
  return undefined;
}
