import type { RequestContext } from '../../core/context.js';
import { invalidInput } from '../../common/domain-error.js';
import { FourEyesOperation } from '../../policy/four-eyes.js';
import { archiveCustomers, restoreCustomers } from '../archive/archive.service.js';
import { findPolicy } from '../archive-policy/archive-policy.reader.js';
import { previewPolicy, updatePolicy } from '../archive-policy/archive-policy.service.js';
import { erasePersonalData } from '../compliance/compliance.service.js';
import { customerNotFound } from '../customer/customer.errors.js';
import { locateCustomer, statusCondition } from '../customer/customer.lifecycle.js';
import { confirmationMismatch } from '../archive/archive.errors.js';
import { startKeyRotation } from '../encryption/rotation.service.js';
import { purgeNow, purgePreview } from '../recycle-bin/recycle-bin.service.js';
import type { ApprovalParams, ApprovalPreviewRecord } from './approval.record.js';

/**
 * What each four-eyes operation needs: the parameters it takes, its dry run (counts, made
 * when the request is recorded, refusing what could not run now), and its run (the
 * operation's own service, called by the approval job as the approver with `ctx.approval`
 * set, so the service's gate lets exactly this run through).
 */
interface OperationSpec {
  params(input: ApprovalParams): ApprovalParams;
  preview(tx: RequestContext, params: ApprovalParams): Promise<ApprovalPreviewRecord>;
  run(tx: RequestContext, params: ApprovalParams, reason: string): Promise<Record<string, unknown>>;
}

const MAX_IDS = 10_000;

function oneCustomer(input: ApprovalParams): ApprovalParams {
  const problems = [];
  if (input.customerIds?.length !== 1) problems.push({ field: 'customerIds', message: 'must name exactly one customer' });
  if (!input.confirm?.trim()) problems.push({ field: 'confirm', message: "must be the customer's code" });
  if (problems.length) throw invalidInput(problems);
  return { customerIds: input.customerIds, confirm: input.confirm!.trim() };
}

function someCustomers(input: ApprovalParams, extra: Partial<ApprovalParams> = {}): ApprovalParams {
  const ids = [...new Set(input.customerIds ?? [])];
  if (!ids.length || ids.length > MAX_IDS) throw invalidInput([{ field: 'customerIds', message: `must name 1 to ${MAX_IDS} customers` }]);
  return { customerIds: ids, ...extra };
}

function noParams(input: ApprovalParams): ApprovalParams {
  if (input.customerIds?.length || input.confirm || input.policyId) throw invalidInput([{ field: 'operation', message: 'takes no customers, code or policy' }]);
  return {};
}

const purgeInput = (params: ApprovalParams, reason: string) => ({ id: params.customerIds![0]!, confirm: params.confirm!, reason });

async function countIn(tx: RequestContext, sql: string, ids: readonly string[]): Promise<number> {
  return (await tx.sql.one<{ n: number }>(sql, [ids]))!.n;
}

export const OPERATIONS: Record<FourEyesOperation, OperationSpec> = {
  [FourEyesOperation.PURGE_NOW]: {
    params: oneCustomer,
    preview: async (tx, params) => ({ ...(await purgePreview(tx, purgeInput(params, ''))), held: 0 }),
    run: async (tx, params, reason) => ({ purged: await purgeNow(tx, purgeInput(params, reason)) }),
  },
  [FourEyesOperation.ERASE_PERSONAL_DATA]: {
    params: oneCustomer,
    async preview(tx, params) {
      const found = await locateCustomer(tx, params.customerIds![0]!);
      if (!found) throw customerNotFound(params.customerIds![0]!);
      if (found.code !== params.confirm) throw confirmationMismatch();
      const interactions = await countIn(
        tx,
        `select ((select count(*) from interaction where customer_id = any($1::bigint[])) +
                 (select count(*) from archive.interaction where customer_id = any($1::bigint[])))::int as n`,
        [found.id],
      );
      return { customers: 1, interactions, held: found.legalHold ? 1 : 0 };
    },
    run: async (tx, params, reason) => ({ erased: await erasePersonalData(tx, purgeInput(params, reason)) }),
  },
  [FourEyesOperation.ARCHIVE_CUSTOMERS]: {
    params: (input) => someCustomers(input, { retainUntil: input.retainUntil ?? null }),
    async preview(tx, params) {
      const ids = params.customerIds!;
      return {
        customers: await countIn(tx, `select count(*)::int as n from customer c where c.id = any($1::bigint[]) and ${statusCondition('archive')}`, ids),
        interactions: await countIn(
          tx,
          `select count(*)::int as n from interaction i join customer c on c.id = i.customer_id where c.id = any($1::bigint[]) and ${statusCondition('archive')}`,
          ids,
        ),
        held: await countIn(tx, `select count(*)::int as n from customer c where c.id = any($1::bigint[]) and c.legal_hold`, ids),
      };
    },
    async run(tx, params, reason) {
      const outcome = await archiveCustomers(tx, { ids: params.customerIds!, reason, retainUntil: params.retainUntil ?? undefined });
      return { archived: outcome.customers.length, interactions: outcome.interactions, failures: outcome.failures.length };
    },
  },
  [FourEyesOperation.RESTORE_HELD]: {
    params: (input) => someCustomers(input),
    async preview(tx, params) {
      const ids = params.customerIds!;
      return {
        customers: await countIn(tx, `select count(*)::int as n from archive.customer c where c.id = any($1::bigint[])`, ids),
        interactions: await countIn(tx, `select count(*)::int as n from archive.interaction i where i.customer_id = any($1::bigint[])`, ids),
        held: await countIn(tx, `select count(*)::int as n from archive.customer c where c.id = any($1::bigint[]) and c.legal_hold`, ids),
      };
    },
    async run(tx, params, reason) {
      const outcome = await restoreCustomers(tx, { ids: params.customerIds!, reason });
      return { restored: outcome.customers.length, interactions: outcome.interactions, failures: outcome.failures.length };
    },
  },
  [FourEyesOperation.ENABLE_ARCHIVE_POLICY]: {
    params(input) {
      if (!input.policyId || !/^\d{1,18}$/.test(input.policyId)) throw invalidInput([{ field: 'policyId', message: 'must name an archive policy' }]);
      return { policyId: input.policyId };
    },
    async preview(tx, params) {
      const preview = await previewPolicy(tx, { id: params.policyId });
      return { customers: preview.customerCount, interactions: preview.interactionCount, held: 0 };
    },
    async run(tx, params) {
      const policy = await findPolicy(tx.sql, params.policyId!, true);
      const after = await updatePolicy(tx, { id: params.policyId!, version: policy?.version ?? 0, enabled: true });
      return { policyId: after.id, enabled: after.enabled };
    },
  },
  [FourEyesOperation.ROTATE_ENCRYPTION_KEYS]: {
    params: noParams,
    async preview(tx) {
      const row = await tx.sql.one<{ n: number }>(
        `select ((select count(*) from customer where tax_id is not null) + (select count(*) from archive.customer where tax_id is not null))::int as n`,
      );
      return { customers: row!.n, interactions: 0, held: 0 };
    },
    run: async (tx, _params, reason) => ({ rotationJobId: (await startKeyRotation(tx, reason)).id }),
  },
};
