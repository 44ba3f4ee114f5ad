import { Params } from '../../db/sql.js';
import type { RequestContext } from '../../graphql/context.js';
import { auditDiff } from '../audit/audit.changes.js';
import { recordAuditMany } from '../audit/audit.service.js';
import type { CustomerFilter } from '../customer/customer.inputs.js';
import { customerConditions, type CustomerReadScope } from '../customer/customer.reader.js';
import { CUSTOMER_COLUMNS, type CustomerRecord } from '../customer/customer.record.js';
import { idRange, nextIdRange } from '../job/id-range.js';
import { JobKind } from '../job/job.enums.js';
import type { JobHandler } from '../job/job.handler.js';
import { CleanupField, FIELD_KEYS } from './cleanup.enums.js';
import { storedTaxId } from '../customer/customer.tax.js';
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
  return [...customerConditions(filter, params, scope), `c.status in ('ACTIVE', 'VOID')`].join(' and ');
}

export interface CustomerChanges {
  customer: CustomerRecord;
  changes: FieldChange[];
}

export function changesOf(rows: CustomerRecord[], defaultCountry: string): CustomerChanges[] {
  return rows
    .map((customer) => ({ customer, changes: normalizeCustomer(customer, defaultCountry) }))
    .filter((c) => c.changes.length > 0);
}

/** Writes one batch of normalized values (rows already locked) with one audit event each. */
async function applyChanges(tx: RequestContext, batch: CustomerChanges[]): Promise<void> {
  if (batch.length === 0) return;
  const values = batch.map(({ customer, changes }) => {
    const row: Record<string, unknown> = {
      id: customer.id, name: customer.name, email: customer.email, phone: customer.phone,
      tax_id: customer.taxId, region: customer.region, industry: customer.industry,
    };
    for (const change of changes) row[FIELD_KEYS[change.field]!.column] = change.after;
    // The tax id is stored encrypted: only a changed one is re-sealed (with its blind index).
    const taxChange = changes.find((c) => c.field === CleanupField.TAX_ID);
    if (taxChange) {
      const sealed = storedTaxId(taxChange.after);
      Object.assign(row, { tax_changed: true, tax_id: sealed.taxId, tax_id_hash: sealed.taxIdHash?.toString('hex') ?? null, tax_id_shape: sealed.taxIdShape });
    } else Object.assign(row, { tax_changed: false, tax_id: null });
    return row;
  });
  await tx.sql.query(
    `update customer c
        set name = v.name, email = v.email, phone = v.phone, region = v.region, industry = v.industry,
            tax_id = case when v.tax_changed then v.tax_id else c.tax_id end,
            tax_id_hash = case when v.tax_changed then decode(v.tax_id_hash, 'hex') else c.tax_id_hash end,
            tax_id_shape = case when v.tax_changed then v.tax_id_shape else c.tax_id_shape end,
            version = c.version + 1, updated_at = now()
       from jsonb_to_recordset($1::jsonb)
            as v(id bigint, name text, email text, phone text, tax_id text, tax_id_hash text, tax_id_shape text, tax_changed boolean, region text, industry text)
      where c.id = v.id`,
    [JSON.stringify(values)],
  );
  await recordAuditMany(tx, {
    action: 'CUSTOMER_NORMALIZED',
    entityType: 'Customer',
    entityIds: batch.map((b) => b.customer.id),
    changes: batch.map(({ customer, changes }) => {
      const keys = changes.map((c) => FIELD_KEYS[c.field]!.key);
      const after: Record<string, unknown> = { ...customer };
      for (const c of changes) after[FIELD_KEYS[c.field]!.key] = c.after;
      return auditDiff('Customer', customer as never, after, keys);
    }),
  });
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
    const size = tx.config.ARCHIVE_BATCH_SIZE;
    const { filter, scope } = job.params;
    const range = await nextIdRange(tx.sql, (p) => normalizeCondition(filter, scope, p), checkpoint.lastId, size);
    if (!range) return { checkpoint, done: 0, finished: true };
    const params = new Params();
    const where = `${normalizeCondition(filter, scope, params)} and ${idRange('c.id', { afterId: checkpoint.lastId, upper: range.upper }, params)}`;
    const rows = openCustomerRows(
      await tx.sql.query<CustomerRecord>(`select ${CUSTOMER_COLUMNS} from customer c where ${where} order by c.id for update`, params.values),
    );
    const batch = changesOf(rows, tx.config.PHONE_DEFAULT_REGION);
    await applyChanges(tx, batch);
    return {
      checkpoint: {
        lastId: range.upper,
        scanned: checkpoint.scanned + rows.length,
        changed: checkpoint.changed + batch.length,
        values: checkpoint.values + batch.reduce((n, b) => n + b.changes.length, 0),
      },
      done: range.count,
      finished: range.count < size,
    };
  },

  result(_job, checkpoint) {
    return { scanned: checkpoint.scanned, changedCustomers: checkpoint.changed, changedValues: checkpoint.values };
  },
};
