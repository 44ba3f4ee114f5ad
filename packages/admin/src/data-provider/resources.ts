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

/**
 * A connection that hangs off a parent record (`archivedCustomer(id) { interactions }`):
 * the API has no top-level query for it, so getManyReference reads it through the parent.
 */
export interface NestedList {
  kind: 'nested';
  /** Query returning the parent by id. */
  parent: string;
  /** The parent's connection field. */
  field: string;
  /** The reference target naming the parent's id (ReferenceManyField's `target`). */
  target: string;
}

export interface MutationSpec {
  mutation: string;
  /** Field of the payload that holds the record, e.g. `customer`. */
  payload: string;
}

export interface ResourceSpec {
  /** GraphQL type of the records. */
  typeName: string;
  list: ConnectionList | ArrayList | NestedList;
  /** Query taking `id` and returning one record (null when missing or not visible). */
  one?: string;
  create?: MutationSpec;
  update?: MutationSpec & {
    /** Optimistic locking: send this field of the form back with every update. */
    versionField?: string;
  };
  /** Deletion (tags, segments); its input is taken from the record as read. */
  remove?: MutationSpec;
  /** The field that identifies a record when the type has no `id` (a tag is its name). */
  idField?: string;
  /** Selections for object-typed fields; object fields not named here are not fetched. */
  nested?: Record<string, string>;
  /** Scalar fields never fetched for this resource (e.g. large or not needed). */
  exclude?: readonly string[];
  /** react-admin filter names → GraphQL filter field names. */
  filterAliases?: Record<string, string>;
  /** Full-text search used while the search box (`term`) is filled, when the schema has it. */
  search?: { query: string; term: string };
  /** Filter always applied to lists, e.g. the Voided view's `status: [VOID]`. */
  fixedFilter?: Record<string, unknown>;
  /** Filter applied by getMany: react-admin asks for ids it saw elsewhere, whatever their status. */
  manyFilter?: (enumValues: (name: string) => string[]) => Record<string, unknown>;
}

const CUSTOMERS: ResourceSpec = {
  typeName: 'Customer',
  list: { kind: 'connection', query: 'customers' },
  one: 'customer',
  create: { mutation: 'createCustomer', payload: 'customer' },
  update: { mutation: 'updateCustomer', payload: 'customer', versionField: 'version' },
  // mergedInto: a MERGED customer's page links to its survivor.
  nested: { owner: 'id displayName', mergedInto: 'id code name' },
  filterAliases: { q: 'search' },
  // Lists default to ACTIVE customers; a reference to a voided one must still resolve.
  manyFilter: (enumValues) => ({ status: enumValues('CustomerStatus') }),
};

const POLICY_CRITERIA = 'lifecycleStage type tier region industry tags ownerId inactiveDays createdBeforeDays status voidedBeforeDays';

export const RESOURCES: Record<string, ResourceSpec> = {
  customers: CUSTOMERS,
  // The same customers seen through the Voided view: its own menu entry and list.
  'voided-customers': { ...CUSTOMERS, fixedFilter: { status: ['VOID'] } },
  /**
   * The archive store: `archivedCustomers` with structured filters; the search box goes
   * to `searchArchive` once the server's schema has it (see search-query.ts).
   */
  'archived-customers': {
    typeName: 'ArchivedCustomer',
    list: { kind: 'connection', query: 'archivedCustomers' },
    search: { query: 'searchArchive', term: 'q' },
    one: 'archivedCustomer',
    nested: { owner: 'id displayName', archivedBy: 'id displayName' },
    filterAliases: { q: 'search' },
  },
  'archived-interactions': {
    typeName: 'ArchivedInteraction',
    list: { kind: 'nested', parent: 'archivedCustomer', field: 'interactions', target: 'customerId' },
    nested: { owner: 'id displayName' },
  },
  'archive-policies': {
    typeName: 'ArchivePolicy',
    list: { kind: 'connection', query: 'archivePolicies' },
    one: 'archivePolicy',
    create: { mutation: 'createArchivePolicy', payload: 'policy' },
    update: { mutation: 'updateArchivePolicy', payload: 'policy', versionField: 'version' },
    nested: { criteria: POLICY_CRITERIA, createdBy: 'id displayName' },
  },
  jobs: {
    typeName: 'Job',
    list: { kind: 'connection', query: 'jobs' },
    one: 'job',
    nested: { progress: 'done total', createdBy: 'id displayName' },
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
  /**
   * Staff by name (`staff`: id and display name, every signed-in role): what owner
   * pickers, actor filters and labels read. `users` (emails, roles) is ADMIN's screen.
   */
  staff: {
    typeName: 'StaffName',
    list: { kind: 'array', query: 'staff' },
  },
  // Classification (issue 7): tag and segment management, ADMIN and MANAGER.
  tags: {
    typeName: 'Tag',
    list: { kind: 'array', query: 'tags' },
    idField: 'name',
    create: { mutation: 'saveTag', payload: 'tag' },
    // Renames send the current name as `name` and the new one as `newName` (tag-form.tsx).
    update: { mutation: 'saveTag', payload: 'tag' },
    remove: { mutation: 'deleteTag', payload: 'tag' },
    filterAliases: { q: 'search' },
  },
  segments: {
    typeName: 'Segment',
    list: { kind: 'array', query: 'segments' },
    one: 'segment',
    create: { mutation: 'saveSegment', payload: 'segment' },
    update: { mutation: 'saveSegment', payload: 'segment', versionField: 'version' },
    remove: { mutation: 'deleteSegment', payload: 'segment' },
    nested: { createdBy: 'id displayName' },
    filterAliases: { q: 'search' },
  },
  // Data-subject requests (issue 21): the register; its actions are in subject-request.actions.ts.
  'subject-requests': {
    typeName: 'SubjectRequest',
    list: { kind: 'connection', query: 'subjectRequests' },
    one: 'subjectRequest',
    create: { mutation: 'createSubjectRequest', payload: 'subjectRequest' },
    nested: {
      steps: 'id at action customerId customerCode jobId fields',
      accessExport: 'createdAt expiresAt customers interactions history merges accessLog',
    },
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
