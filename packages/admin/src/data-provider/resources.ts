/**
 * How each react-admin resource maps onto the GraphQL API. Only names and shapes that
 * the schema cannot tell live here; field lists, argument types, input fields and sort
 * keys are read from the introspection result (see build-query.ts).
 */

/** A page of a Relay connection (`customers(filter, orderBy, first, offset)`). */
export interface ConnectionList {
  kind: 'connection';
  query: string;
}

/** A plain list without arguments (`users`): paged, sorted and filtered in the browser. */
export interface ArrayList {
  kind: 'array';
  query: string;
}

export interface MutationSpec {
  mutation: string;
  /** Field of the payload that holds the record, e.g. `customer`. */
  payload: string;
}

export interface ResourceSpec {
  /** GraphQL type of the records. */
  typeName: string;
  list: ConnectionList | ArrayList;
  /** Query taking `id` and returning one record (null when missing or not visible). */
  one?: string;
  create?: MutationSpec;
  update?: MutationSpec & {
    /** Optimistic locking: send this field of the form back with every update. */
    versionField?: string;
  };
  /** Selections for object-typed fields; object fields not named here are not fetched. */
  nested?: Record<string, string>;
  /** Scalar fields never fetched for this resource (e.g. large or not needed). */
  exclude?: readonly string[];
  /** react-admin filter names → GraphQL filter field names. */
  filterAliases?: Record<string, string>;
  /** Filter applied by getMany: react-admin asks for ids it saw elsewhere, whatever their status. */
  manyFilter?: (enumValues: (name: string) => string[]) => Record<string, unknown>;
}

export const RESOURCES: Record<string, ResourceSpec> = {
  customers: {
    typeName: 'Customer',
    list: { kind: 'connection', query: 'customers' },
    one: 'customer',
    create: { mutation: 'createCustomer', payload: 'customer' },
    update: { mutation: 'updateCustomer', payload: 'customer', versionField: 'version' },
    nested: { owner: 'id displayName' },
    filterAliases: { q: 'search' },
    // Lists default to ACTIVE customers; a reference to a voided one must still resolve.
    manyFilter: (enumValues) => ({ status: enumValues('CustomerStatus') }),
  },
  interactions: {
    typeName: 'Interaction',
    list: { kind: 'connection', query: 'interactions' },
    create: { mutation: 'logInteraction', payload: 'interaction' },
    nested: { owner: 'id displayName', customer: 'id code name' },
  },
  users: {
    typeName: 'User',
    list: { kind: 'array', query: 'users' },
    create: { mutation: 'createUser', payload: 'user' },
    update: { mutation: 'updateUser', payload: 'user' },
    // Permissions matter only for the signed-in user (`me`), not in lists of staff.
    exclude: ['permissions'],
    filterAliases: { q: 'search' },
  },
  'audit-events': {
    typeName: 'AuditEvent',
    list: { kind: 'connection', query: 'auditEvents' },
    nested: { actor: 'id displayName email' },
  },
};

export function resourceSpec(resource: string): ResourceSpec {
  const spec = RESOURCES[resource];
  if (!spec) throw new Error(`Unknown resource ${resource}`);
  return spec;
}
