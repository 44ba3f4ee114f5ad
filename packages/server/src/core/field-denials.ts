import { getLocation, responsePathAsArray, type GraphQLError, type GraphQLResolveInfo } from 'graphql';

/**
 * The fields a request was denied, one entry per Type.field. A list of 200 customers with
 * three denied fields used to carry 600 errors (each a GraphQLError with its path and a
 * 132 KB response); the contract is one FORBIDDEN error per Type.field instead, with how
 * many values were withheld and the path of the first one. The denied values are null.
 */
export class FieldDenials {
  readonly #byField = new Map<string, { count: number; info: GraphQLResolveInfo }>();

  record(key: string, info: GraphQLResolveInfo): void {
    const entry = this.#byField.get(key);
    if (entry) entry.count += 1;
    else this.#byField.set(key, { count: 1, info });
  }

  get size(): number {
    return this.#byField.size;
  }

  /**
   * The errors to send, formatted as the response carries them (GraphQLError's toJSON
   * shape). Written directly: constructing GraphQLErrors captured a stack trace each, about
   * 0.1 ms apiece, 8% of the CPU of a SUPPORT read of the guarded list (profiled).
   */
  toErrors(): ReturnType<GraphQLError['toJSON']>[] {
    return [...this.#byField].map(([key, { count, info }]) => {
      const locations = info.fieldNodes.flatMap((node) => (node.loc ? [getLocation(node.loc.source, node.loc.start)] : []));
      return {
        message: `Your role may not read ${key}`,
        ...(locations.length ? { locations } : {}),
        path: responsePathAsArray(info.path),
        extensions: { code: 'FORBIDDEN', field: key, count },
      };
    });
  }
}
