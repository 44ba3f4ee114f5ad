import { DomainError } from '../../common/domain-error.js';
import type { RequestContext } from '../../core/context.js';
import { customerRowOwner } from '../../policy/guard.js';
import { queueDuplicateGroup } from '../cleanup/duplicate.service.js';
import type { MatchKind } from '../cleanup/duplicate.rules.js';
import type { CreateCustomerInput } from '../customer/customer.inputs.js';
import { createCustomer, updateCustomer } from '../customer/customer.service.js';
import { ROW_IMAGE } from '../customer/customer.store.js';
import { JobKind } from '../job/job.enums.js';
import { JobError, type JobHandler } from '../job/job.handler.js';
import { checkCandidate, startBatch } from './duplicate-gate.service.js';
import { DuplicateRuleAction } from './duplicate-gate.types.js';
import { mapRow, type RowProblem } from './import.rows.js';
import { readImport, readRows, saveRowResults, updateImport, type ImportCounts, type RowOutcome, type RowResult, type StagedRow } from './import.store.js';

/**
 * IMPORT_CUSTOMERS: the rows of a staged file in batches (one transaction each, the
 * checkpoint the next row), as the user who started it. Each row is validated, compared
 * with the customers by the duplicate rules (a BLOCK kind makes the row an error), and —
 * unless it is a dry run — written through createCustomer / updateCustomer, each row in
 * its own savepoint so one refused row (a taken code) errs alone. Every write is audited
 * with the import's id as its reason; a resumed run starts at its checkpoint, and rows
 * of the batch a dead worker left uncommitted are done again, never twice.
 */

const BATCH = 250;

interface Params extends Record<string, unknown> {
  importId: string;
  dryRun: boolean;
}

interface Checkpoint {
  next: number;
  counts: Required<Pick<ImportCounts, 'created' | 'updated' | 'skipped' | 'errored' | 'queued' | 'duplicates'>>;
}

const ALL_KINDS: MatchKind[] = ['EMAIL', 'PHONE', 'TAX_ID', 'NAME', 'SIMILAR_NAME'];

interface RowRun {
  result: RowResult;
  /** What happened (or, in a dry run, what would). */
  outcome: RowOutcome;
}

async function importRow(
  tx: RequestContext,
  importId: string,
  row: StagedRow,
  settings: { mapping: Record<string, string>; fallback: string; dryRun: boolean; batch: Awaited<ReturnType<typeof startBatch>> },
): Promise<RowRun> {
  const { mapping, fallback, dryRun } = settings;
  const result: RowResult = { rowNo: row.rowNo, errors: null, matchIds: null, outcome: null, customerId: null, beforeImage: null, versionAfter: null };
  const mapped = await mapRow(row.raw, mapping as never, tx.config.PHONE_DEFAULT_REGION);
  const fail = (problems: RowProblem[]): RowRun => ({ result: { ...result, errors: problems, outcome: dryRun ? null : 'ERRORED' }, outcome: 'ERRORED' });
  if (mapped.problems.length) return fail(mapped.problems);
  const values = mapped.values as CreateCustomerInput;
  const gate = await checkCandidate(tx, values, { kinds: ALL_KINDS, enforce: false, batch: settings.batch });
  const blocking = [...new Set(gate.matches.flatMap((m) => m.reasons.map((r) => r.kind)))].filter((k) => gate.rules.get(k) === DuplicateRuleAction.BLOCK);
  if (blocking.length) return fail([{ field: 'duplicate', message: `the duplicate rule for ${blocking.join(', ')} blocks it` }]);
  const best = gate.matches[0];
  const matchIds = gate.matches.map((m) => m.id);
  const action = best ? (row.action ?? fallback) : 'CREATE';
  const owner = customerRowOwner(tx);
  const planned = { ...result, matchIds: matchIds.length ? matchIds : null };
  if (action === 'UPDATE' && owner !== undefined && best!.ownerId !== owner) {
    return fail([{ field: 'duplicate', message: 'the matching customer is not yours to update' }]);
  }
  const outcome = ({ SKIP: 'SKIPPED', UPDATE: 'UPDATED', CREATE: 'CREATED', QUEUE_MERGE: 'QUEUED' } as const)[action as 'SKIP'];
  if (dryRun) return { result: planned, outcome };
  const audit = { reason: `customer import ${importId}`, extra: { importId: { to: importId } } };
  try {
    if (outcome === 'SKIPPED') return { result: { ...planned, outcome, customerId: best!.id }, outcome };
    if (outcome === 'UPDATED') {
      const current = await tx.sql.one<{ version: number; image: Record<string, unknown> }>(
        `select c.version, ${ROW_IMAGE('c')} as image from customer c where c.id = $1::bigint`,
        [best!.id],
      );
      // The file gives new values; it does not rename the customer's code or retype it by default.
      const { code: _code, ...changes } = values;
      const after = await updateCustomer(tx, { ...changes, id: best!.id, version: current!.version }, { audit: { ...audit, action: 'CUSTOMER_UPDATED' } });
      return { result: { ...planned, outcome, customerId: after.id, beforeImage: current!.image, versionAfter: after.version }, outcome };
    }
    const created = await createCustomer(tx, values, { audit: { ...audit, action: 'CUSTOMER_CREATED' } });
    if (outcome === 'QUEUED') {
      await queueDuplicateGroup(tx, { memberIds: [best!.id, created.id].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)), region: created.region, score: best!.score, reasons: best!.reasons });
    }
    return { result: { ...planned, outcome, customerId: created.id, versionAfter: created.version }, outcome };
  } catch (error) {
    if (error instanceof DomainError) return fail(error.fields.length ? error.fields : [{ field: 'row', message: error.message }]);
    throw error;
  }
}

async function countOutcomes(tx: RequestContext, importId: string): Promise<Checkpoint['counts']> {
  const row = await tx.sql.one<Checkpoint['counts']>(
    `select count(*) filter (where outcome = 'CREATED')::int as created, count(*) filter (where outcome = 'UPDATED')::int as updated,
            count(*) filter (where outcome = 'SKIPPED')::int as skipped, count(*) filter (where outcome = 'ERRORED')::int as errored,
            count(*) filter (where outcome = 'QUEUED')::int as queued, count(*) filter (where match_ids is not null)::int as duplicates
       from customer_import_row where import_id = $1::bigint`,
    [importId],
  );
  return row!;
}

export const importCustomersHandler: JobHandler<Params, Checkpoint> = {
  kind: JobKind.IMPORT_CUSTOMERS,

  async begin(tx, job) {
    const found = await readImport(tx.sql, job.params.importId);
    if (!found) throw new JobError(`import ${job.params.importId} does not exist`);
    return { total: found.rowCount, checkpoint: { next: 1, counts: { created: 0, updated: 0, skipped: 0, errored: 0, queued: 0, duplicates: 0 } } };
  },

  async step(tx, job, cp) {
    const found = (await readImport(tx.sql, job.params.importId, true))!;
    // A run after a cancelled one goes on where it stopped: rows with an outcome are done.
    const rows = await readRows(tx.sql, found.id, cp.next, BATCH, job.params.dryRun ? 'true' : 'r.outcome is null');
    const counts = { ...cp.counts };
    const results: RowResult[] = [];
    const batch = await startBatch(tx);
    for (const row of rows) {
      const { result, outcome } = await importRow(tx, found.id, row, { mapping: found.mapping, fallback: found.duplicateAction, dryRun: job.params.dryRun, batch });
      if (result.matchIds?.length) counts.duplicates += 1;
      counts[({ ERRORED: 'errored', CREATED: 'created', UPDATED: 'updated', SKIPPED: 'skipped', QUEUED: 'queued' } as const)[outcome]] += 1;
      results.push(result);
    }
    await saveRowResults(tx.sql, found.id, results);
    const finished = rows.length < BATCH;
    const checkpoint = { next: (rows.at(-1)?.rowNo ?? cp.next - 1) + 1, counts };
    if (finished) {
      // A real run counts from the rows, so a run resumed after a cancel counts them all.
      const total = job.params.dryRun ? counts : await countOutcomes(tx, found.id);
      await updateImport(tx.sql, found.id, { state: job.params.dryRun ? 'CHECKED' : 'IMPORTED', counts: { rows: found.rowCount, ...total, dryRun: job.params.dryRun } });
      return { checkpoint: { ...checkpoint, counts: total }, done: rows.length, finished };
    }
    return { checkpoint, done: rows.length, finished };
  },

  result(job, cp) {
    return { importId: job.params.importId, dryRun: job.params.dryRun, ...cp.counts };
  },
};
