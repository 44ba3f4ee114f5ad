import type { GraphQLField, GraphQLOutputType } from 'graphql';
import type { RequestContext } from '../core/context.js';
import type { FieldResolver } from './field-guards.js';

/** What graphql-jit should see of one field while it compiles a document. */
export interface FieldOverride {
  field: GraphQLField<unknown, RequestContext>;
  /** The resolver; undefined: read as a property of the parent, inline. */
  resolve: FieldResolver | undefined;
  /** The type, when it differs (a leaf serialized its own way). */
  type?: GraphQLOutputType;
  /** The resolver this override stands for: a field found with another one (a wrapper put
   * around it later) is refused rather than losing that wrapper. */
  replaces?: FieldResolver;
}

/**
 * graphql-jit takes each field's resolver and type when it compiles a document
 * (synchronously) and never looks at the schema again; graphql-jit has no per-compile
 * option for either. So for one compile the fields carry what that compile should use, and
 * get their own back before `compile` returns (also when it throws): graphql-js, and every
 * other compile, see the schema unchanged.
 */
export function compileWith<T>(overrides: readonly FieldOverride[], compile: () => T): T {
  if (overrides.length === 0) return compile();
  for (const { field, replaces } of overrides) {
    if (replaces && field.resolve !== replaces) throw new Error(`${field.name}: its resolver was wrapped after its compile override was decided`);
  }
  const saved = overrides.map(({ field }) => ({ resolve: field.resolve, type: field.type }));
  try {
    for (const { field, resolve, type } of overrides) {
      field.resolve = resolve;
      if (type) field.type = type;
    }
    return compile();
  } finally {
    overrides.forEach(({ field }, i) => {
      field.resolve = saved[i]!.resolve;
      field.type = saved[i]!.type;
    });
  }
}
