/**
 * Actions beyond react-admin's CRUD calls: one data provider method per mutation, each
 * taking the mutation's input and resolving to `{ data: record }`. Screens call them with
 * `useDataProvider()` + react-query's `useMutation`. A method exists only when the
 * server's schema has its mutation, so entries for actions the server is still gaining
 * (merge, unmerge…) switch on with the schema that brings them.
 */
import { parse } from 'graphql';
import type { QueryBuilder, RaRecord } from './build-query.ts';
import { checkResponse, type GraphQLErrorLike } from './errors.ts';
import { resourceSpec } from './resources.ts';

/** How one field of an action's payload is fetched. */
export type PayloadField =
  /** Records of a resource (one or a list): its selection is reused, ownerId & co added. */
  | { resource: string }
  /** A fixed selection of an object type. */
  | { select: string }
  /** A scalar or JSON value. */
  | 'scalar';

export interface ActionSpec {
  /** Root field: a mutation, or a query when `query` is set (dry runs). */
  mutation: string;
  query?: boolean;
  fields: Record<string, PayloadField>;
  /** The payload field returned as `data`; the whole payload when absent. */
  primary?: string;
}

const FAILURES: PayloadField = { select: 'id code message' };
const customer: PayloadField = { resource: 'customers' };
const archived: PayloadField = { resource: 'archived-customers' };
const job: PayloadField = { resource: 'jobs' };

export const ACTIONS = {
  resetUserPassword: { mutation: 'resetUserPassword', fields: { user: { resource: 'users' } }, primary: 'user' },
  voidCustomer: { mutation: 'voidCustomer', fields: { customer }, primary: 'customer' },
  voidCustomers: { mutation: 'voidCustomers', fields: { customers: customer, failures: FAILURES } },
  unvoidCustomer: { mutation: 'unvoidCustomer', fields: { customer }, primary: 'customer' },
  unvoidCustomers: { mutation: 'unvoidCustomers', fields: { customers: customer, failures: FAILURES } },
  archiveCustomers: { mutation: 'archiveCustomers', fields: { customers: archived, failures: FAILURES, archivedInteractions: 'scalar' } },
  restoreCustomers: { mutation: 'restoreCustomers', fields: { customers: customer, failures: FAILURES, restoredInteractions: 'scalar' } },
  archiveInteractions: { mutation: 'archiveInteractions', fields: { archivedCount: 'scalar', customerCount: 'scalar' } },
  purgeCustomer: { mutation: 'purgeCustomer', fields: { purgedId: 'scalar', code: 'scalar', export: 'scalar' } },
  revertCustomer: { mutation: 'revertCustomer', fields: { customer, revertedFields: 'scalar' }, primary: 'customer' },
  setLegalHold: { mutation: 'setLegalHold', fields: { customer, archivedCustomer: archived } },
  erasePersonalData: { mutation: 'erasePersonalData', fields: { customer, archivedCustomer: archived } },
  deleteArchivePolicy: { mutation: 'deleteArchivePolicy', fields: { policy: { resource: 'archive-policies' } }, primary: 'policy' },
  runArchivePolicy: { mutation: 'runArchivePolicy', fields: { job }, primary: 'job' },
  previewArchivePolicy: {
    mutation: 'previewArchivePolicy',
    query: true,
    fields: { customerCount: 'scalar', interactionCount: 'scalar', sample: customer },
  },
  cancelJob: { mutation: 'cancelJob', fields: { job }, primary: 'job' },
  classifyLifecycleStages: { mutation: 'classifyLifecycleStages', fields: { job }, primary: 'job' },
  startBackup: { mutation: 'startBackup', fields: { job }, primary: 'job' },
  startBackupDrill: { mutation: 'startBackupDrill', fields: { job }, primary: 'job' },
  startKeyRotation: { mutation: 'startKeyRotation', fields: { job }, primary: 'job' },
  // Cleanup (issue 7): merge payloads carry the merge with a fixed selection.
  detectDuplicates: { mutation: 'detectDuplicates', fields: { job }, primary: 'job' },
  countDataQuality: { mutation: 'countDataQuality', fields: { job }, primary: 'job' },
  dismissDuplicate: { mutation: 'dismissDuplicate', fields: { groupId: 'scalar', dismissedPairs: 'scalar' } },
  mergeCustomers: {
    mutation: 'mergeCustomers',
    fields: { survivor: customer, merge: { select: 'id mergedIds interactionCount' }, movedInteractions: 'scalar', dryRun: 'scalar' },
  },
  unmergeCustomers: { mutation: 'unmergeCustomers', fields: { merge: { select: 'id unmergedAt' }, customers: customer } },
  resolveDataQualityIssues: { mutation: 'resolveDataQualityIssues', fields: { resolved: 'scalar', failures: FAILURES } },
  normalizeCustomers: {
    mutation: 'normalizeCustomers',
    fields: {
      dryRun: 'scalar', scanned: 'scalar', changedCustomers: 'scalar', changeCount: 'scalar',
      changes: { select: 'customer { id code name } field before after hidden' }, job,
    },
  },
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;

export interface BuiltAction {
  query: ReturnType<typeof parse>;
  variables: { input: Record<string, unknown> };
  parseResponse: (response: { data?: Record<string, unknown> | null; errors?: readonly GraphQLErrorLike[] }) => { data: Record<string, unknown> };
}

/** Whether the server's schema has the action's root field (buttons hide otherwise). */
export function actionAvailable(builder: QueryBuilder, spec: ActionSpec): boolean {
  return spec.query ? builder.index.hasQuery(spec.mutation) : builder.index.hasMutation(spec.mutation);
}

export function buildAction(builder: QueryBuilder, spec: ActionSpec, input: Record<string, unknown>): BuiltAction {
  const root = spec.query ? builder.index.query(spec.mutation) : builder.index.mutation(spec.mutation);
  const inputType = builder.index.argType(root, 'input')?.name;
  if (!inputType) throw new Error(`${spec.mutation} takes no input`);
  // Same reduction as create: only the input type's fields, blanks left out.
  const variables = { input: builder.mutationInput(inputType, input) };
  const selection = Object.entries(spec.fields).map(([name, field]) => {
    if (field === 'scalar') return name;
    if ('select' in field) return `${name} { ${field.select} }`;
    const resource = resourceSpec(field.resource);
    return `${name} { ${builder.selection(resource.typeName, resource.nested, resource.exclude)} }`;
  });
  const operation = spec.query ? 'query' : 'mutation';
  const text = `${operation} ${spec.mutation[0]!.toUpperCase()}${spec.mutation.slice(1)}($input: ${inputType}!) {
  data: ${spec.mutation}(input: $input) { ${selection.join(' ')} }
}`;
  return {
    query: parse(text),
    variables,
    parseResponse: (response) => {
      checkResponse('data', response.data, response.errors);
      const payload = response.data?.['data'] as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [name, field] of Object.entries(spec.fields)) {
        const value = payload[name];
        if (typeof field === 'object' && 'resource' in field && value) {
          const resource = resourceSpec(field.resource);
          const toRecord = (node: unknown) => builder.toRecord(resource, node as Record<string, unknown>);
          out[name] = Array.isArray(value) ? value.map(toRecord) : toRecord(value);
        } else {
          out[name] = value;
        }
      }
      return { data: (spec.primary ? out[spec.primary] : out) as Record<string, unknown> };
    },
  };
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenSeq: string | null;
}

export const VERIFY_AUDIT_CHAIN = parse('query VerifyAuditChain { data: verifyAuditChain { ok checked firstBrokenSeq } }');

/**
 * The audit log has no single-event query; events are numbered 1…n without gaps and
 * listed newest first, so event `seq` sits at offset `latest − seq`. Two reads: the
 * latest seq, then the event at its offset (checked, since events may be appended in
 * between; the caller retries once).
 */
export const LATEST_AUDIT_SEQ = parse('query LatestAuditSeq { data: auditEvents(first: 1) { nodes { seq } } }');

export function auditEventAt(builder: QueryBuilder, offset: number) {
  const spec = resourceSpec('audit-events');
  return {
    query: parse(`query AuditEventAt($offset: Int) {
  data: auditEvents(first: 1, offset: $offset) { nodes { ${builder.selection(spec.typeName, spec.nested, spec.exclude)} } }
}`),
    variables: { offset },
    toRecord: (node: Record<string, unknown>) => builder.toRecord(spec, node),
  };
}
