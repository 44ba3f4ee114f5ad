import { invalidInput } from '../../common/domain-error.js';
import { Params } from '../../db/sql.js';
import { inTransaction, type RequestContext } from '../../core/context.js';
import { journalJob, UndoKind } from '../customer/customer.undo.js';
import { requireAction } from '../../policy/guard.js';
import { Action } from '../../policy/policy.js';
import { guardCustomerValue } from '../../policy/value-guard.js';
import { CustomerStatus } from '../customer/customer.enums.js';
import { customerByIdLoader } from '../customer/customer.loaders.js';
import { CUSTOMER_COLUMNS, type CustomerRecord } from '../customer/customer.record.js';
import { customerReadScope } from '../customer/customer.service.js';
import { JobKind } from '../job/job.enums.js';
import { enqueueJob } from '../job/job.queue.js';
import { withSegment } from '../customer/customer.segment.js';
import { FIELD_KEYS } from './cleanup.enums.js';
import { changesOf, normalizeCondition, type NormalizeParams } from './normalize.job.js';
import type { NormalizationChangeRecord, NormalizeCustomersInput, NormalizeCustomersPayload } from './normalize.types.js';
import { openCustomerRows } from '../../crypto/sensitive.js';

const PREVIEW_BATCH = 2000;

/**
 * Normalization, as ADMIN and MANAGER (the `normalize` action). A dry run reads every
 * matching customer and reports every change with counts (listing the first `first`);
 * applying queues a job that rewrites them batch by batch, audited per customer.
 */
export async function normalizeCustomers(ctx: RequestContext, input: NormalizeCustomersInput): Promise<NormalizeCustomersPayload> {
  requireAction(ctx, Action.CUSTOMER_NORMALIZE);
  // A segment is read now: the job works on the filter as it is when queued.
  const filter = { ...(await withSegment(ctx.sql, input.filter ?? {})) };
  const allowed: string[] = [CustomerStatus.ACTIVE, CustomerStatus.VOID];
  if (filter.status?.some((s) => !allowed.includes(s))) {
    throw invalidInput([{ field: 'filter.status', message: 'only ACTIVE and VOID customers are normalized' }]);
  }
  const scope = customerReadScope(ctx);
  // Validates the filter now (bad ids etc.), not later in the job.
  normalizeCondition(filter, scope, new Params());
  if (!input.dryRun) {
    const params: NormalizeParams = { filter: JSON.parse(JSON.stringify(filter)), scope };
    // Queued with its undo journal: the job fills it batch by batch.
    return inTransaction(ctx, async (tx) => {
      const job = await enqueueJob(tx, JobKind.NORMALIZE_CUSTOMERS, params, { reason: 'normalize customers' });
      const undo = await journalJob(tx, UndoKind.NORMALIZE, job.id);
      return { dryRun: false, scanned: null, changedCustomers: null, changeCount: null, changes: [], job, undo };
    });
  }
  const limit = input.first ?? 100;
  const changes: NormalizationChangeRecord[] = [];
  let scanned = 0;
  let changedCustomers = 0;
  let changeCount = 0;
  for (let lastId = '0'; ; ) {
    const params = new Params();
    const where = normalizeCondition(filter, scope, params);
    const rows = openCustomerRows(
      await ctx.sql.query<CustomerRecord>(
        `select ${CUSTOMER_COLUMNS} from customer c where ${where} and c.id > ${params.add(lastId, 'bigint')}
          order by c.id limit ${PREVIEW_BATCH}`,
        params.values,
      ),
    );
    scanned += rows.length;
    for (const { customer, changes: found } of changesOf(rows, ctx.config.PHONE_DEFAULT_REGION)) {
      changedCustomers += 1;
      changeCount += found.length;
      customerByIdLoader(ctx).prime(customer.id, customer);
      for (const change of found) {
        if (changes.length >= limit) break;
        const key = FIELD_KEYS[change.field]!.key;
        const before = guardCustomerValue(ctx, key, customer.id, change.before);
        const after = guardCustomerValue(ctx, key, customer.id, change.after);
        changes.push({ customer, field: change.field, before: before.value, after: after.value, hidden: before.hidden });
      }
    }
    if (rows.length < PREVIEW_BATCH) break;
    lastId = rows[rows.length - 1]!.id;
  }
  return { dryRun: true, scanned, changedCustomers, changeCount, changes, job: null, undo: null };
}
