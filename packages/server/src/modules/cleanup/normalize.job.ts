import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../core/context.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';
import { customerConditions, type CustomerReadScope } from '../customer/customer.reader.js';
import { CUSTOMER_COLUMNS, type CustomerRecord } from '../customer/customer.record.js';
import { idRangeStep } from '../job/id-range.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';
import { FIELD_KEYS } from './cleanup.enums.js';
import { statusCondition } from '../customer/customer.lifecycle.js';
import { writeCustomers, type CustomerChanges } from '../customer/customer.store.js';
import { journalJobBatch } from '../customer/customer.undo.js';
import { normalizeCustomer, type FieldChange } from './normalize.js';
import { openCustomerRows } from '../../crypto/sensitive.js';

export interface NormalizeParams extends Record<string, unknown> {
  filter: CustomerFilter;
  scope: CustomerReadScope;
}

interface Checkpoint {
  lastId: string;
  scanned: number;
  changed: number;
  values: number;
}

/** The filter as SQL on alias `c`; only ACTIVE and VOID customers are ever rewritten
 * (a MERGED customer's row is what unmerge restores, so it must stay as it was). */
export function normalizeCondition(filter: CustomerFilter, scope: CustomerReadScope, params: Params): string {
  return [...customerConditions(filter, params, scope), statusCondition('maintain')].join(' and ');
}

export interface NormalizedCustomer {
  customer: CustomerRecord;
  changes: FieldChange[];
}

export function changesOf(rows: CustomerRecord[], defaultCountry: string): NormalizedCustomer[] {
  return rows
    .map((customer) => ({ customer, changes: normalizeCustomer(customer, defaultCountry) }))
    .filter((c) => c.changes.length > 0);
}

/** Writes one batch of normalized values (rows already locked) with one audit event each,
 * and journals the values as they were, so the job's author may undo the run for a while. */
async function applyChanges(tx: RequestContext, jobId: string, batch: NormalizedCustomer[]): Promise<void> {
  const keysOf = (changes: FieldChange[]) => changes.map((c) => FIELD_KEYS[c.field]!.key as keyof CustomerChanges);
  const edits = batch.map(({ customer, changes }) => ({
    before: customer,
    changes: Object.fromEntries(changes.map((c) => [FIELD_KEYS[c.field]!.key, c.after])),
  }));
  const written = await writeCustomers(tx, edits, { audit: { action: 'CUSTOMER_NORMALIZED' } });
  const keys = new Map(batch.map((b) => [b.customer.id, keysOf(b.changes)]));
  await journalJobBatch(tx, jobId, written.map((w) => ({
    id: w.id,
    version: w.after.version,
    before: Object.fromEntries(keys.get(w.id)!.map((k) => [k, (w.before as unknown as Record<string, unknown>)[k] ?? null])) as CustomerChanges,
  })));
}

/** Walks the filtered customers by id range; each batch locks its rows, rewrites the
 * values that have a canonical form and audits every changed customer. */
export const normalizeCustomersHandler: JobHandler<NormalizeParams, Checkpoint> = {
  kind: JobKind.NORMALIZE_CUSTOMERS,

  async begin(tx, job) {
    const params = new Params();
    const where = normalizeCondition(job.params.filter, job.params.scope, params);
    const row = await tx.sql.one<{ n: number }>(`select count(*)::int as n from customer c where ${where}`, params.values);
    return { total: row!.n, checkpoint: { lastId: '0', scanned: 0, changed: 0, values: 0 } };
  },

  async step(tx, job, checkpoint) {
    const { filter, scope } = job.params;
    const condition = (params: Params) => normalizeCondition(filter, scope, params);
    return idRangeStep(tx, checkpoint, { condition }, async ({ params, within }) => {
      const rows = openCustomerRows(
        await tx.sql.query<CustomerRecord>(
          `select ${CUSTOMER_COLUMNS} from customer c where ${condition(params)} and ${within('c.id')} order by c.id for update`,
          params.values,
        ),
      );
      const batch = changesOf(rows, tx.config.PHONE_DEFAULT_REGION);
      await applyChanges(tx, job.id, batch);
      return {
        checkpoint: {
          scanned: checkpoint.scanned + rows.length,
          changed: checkpoint.changed + batch.length,
          values: checkpoint.values + batch.reduce((n, b) => n + b.changes.length, 0),
        },
      };
    });
  },

  result(_job, checkpoint) {
    return { scanned: checkpoint.scanned, changedCustomers: checkpoint.changed, changedValues: checkpoint.values };
  },
};
