import type { RequestContext } from '../../core/context.js';
import { customerRowOwner, requireAction } from '../../policy/guard.js';
import { Action, RowScope } from '../../policy/policy.js';
import { candidateKeys, findMatchesForKeys, type CandidateKeys } from '../cleanup/duplicate.batch.js';
import type { MatchKind } from '../cleanup/duplicate.rules.js';
import { codesInUse } from '../customer/customer-batch.service.js';
import type { CreateCustomerInput } from '../customer/customer.inputs.js';
import { JobKind } from '../job/job.enums.js';
import { JobError, type JobHandler } from '../job/job.handler.js';
import { startBatch } from './duplicate-gate.service.js';
import { DuplicateRuleAction } from './duplicate-gate.types.js';
import { lookupKeys, planBatch, type PlannedRow } from './import.plan.js';
import { mapRow } from './import.rows.js';
import {
  createdByImport, readFileEntries, readImport, readRows, saveRowResults, updateImport, type ImportCounts, type ImportRecord, type RowResult, type StagedRow,
} from './import.store.js';
import { writeBatch, type WrittenRow } from './import.write.js';

/**
 * IMPORT_CUSTOMERS: the rows of a staged file in batches, one transaction each (the
 * checkpoint the next row), as the user who started it. A batch is decided before it is
 * written (import.plan.ts): its rows validated, compared with the customers in one
 * statement of the duplicate reader and with the earlier rows of the same file by their
 * keys (a BLOCK kind makes the row an error), the same way in a dry run and a run, so the
 * two agree. A run then writes the batch set-based (import.write.ts), every write audited
 * with the import's id as its reason. A resumed run starts at its checkpoint; the rows of
 * the batch a dead worker left uncommitted are done again, never twice.
 */

const BATCH = 1000;

interface Params extends Record<string, unknown> {
  importId: string;
  dryRun: boolean;
}

interface Checkpoint {
  next: number;
  counts: Required<Pick<ImportCounts, 'created' | 'updated' | 'skipped' | 'errored' | 'queued' | 'duplicates'>>;
}

const ALL_KINDS: MatchKind[] = ['EMAIL', 'PHONE', 'TAX_ID', 'NAME', 'SIMILAR_NAME'];

/** Plans one batch of rows (and, in a run, writes it); one result per row. */
async function importBatch(tx: RequestContext, imp: ImportRecord, rows: StagedRow[], dryRun: boolean): Promise<{ result: RowResult; plan: PlannedRow }[]> {
  const { actor, scope } = requireAction(tx, Action.CUSTOMER_CREATE);
  const mapped = await Promise.all(rows.map((row) => mapRow(row.raw, imp.mapping as never, tx.config.PHONE_DEFAULT_REGION)));
  const values = mapped.map((m) => m.values as CreateCustomerInput);
  const gate = await startBatch(tx);
  const kinds = ALL_KINDS.filter((k) => gate.rules.get(k) !== DuplicateRuleAction.OFF);
  const valid = rows.map((_, i) => i).filter((i) => mapped[i]!.problems.length === 0);
  const similarity = tx.config.DUPLICATE_NAME_SIMILARITY;
  const computed = await candidateKeys(tx.sql, valid.map((i) => values[i]!), { defaultCountry: tx.config.PHONE_DEFAULT_REGION, similarity });
  const keys: (CandidateKeys | null)[] = rows.map(() => null);
  valid.forEach((i, n) => (keys[i] = computed[n]!));
  const db = await findMatchesForKeys(tx.sql, computed, { kinds, similarity, limit: 20, threshold: gate.threshold });
  // A run meets the customers it created itself as earlier rows of the file, as its dry run does.
  const own = dryRun ? new Set<string>() : await createdByImport(tx.sql, imp.id, db.flat().map((m) => m.id));
  const existing = rows.map(() => [] as (typeof db)[number]);
  valid.forEach((i, n) => (existing[i] = db[n]!.filter((m) => !own.has(m.id))));
  const codes = valid.map((i) => values[i]!.code?.trim()).filter((c): c is string => !!c);
  const earlier = await readFileEntries(tx.sql, imp.id, rows[0]!.rowNo, valid.flatMap((i) => lookupKeys(keys[i]!, values[i]!.code?.trim() || undefined)));
  const plan = planBatch({
    rows,
    mapped: mapped.map((m, i) => ({ values: values[i]!, problems: m.problems })),
    keys,
    existing,
    earlier,
    rules: gate.rules,
    fallback: imp.duplicateAction,
    rowOwner: customerRowOwner(tx),
    creates: scope === RowScope.OWN ? actor.userId : null,
    takenCodes: await codesInUse(tx, codes),
    limit: 20,
  });
  const written: WrittenRow[] = dryRun
    ? plan.map((p) => ({ plan: p, customerId: null, beforeImage: null, versionAfter: null, problems: null }))
    : await writeBatch(tx, imp.id, plan);
  return written.map((w) => {
    const problems = w.problems ?? w.plan.problems;
    const outcome = problems ? 'ERRORED' : w.plan.outcome;
    const ids = w.plan.matches.filter((m) => m.identity.startsWith('c:')).map((m) => m.identity.slice(2));
    const rowsMatched = w.plan.matches.filter((m) => m.identity.startsWith('r:')).map((m) => Number(m.identity.slice(2)));
    const writes = !problems && w.plan.keys !== null;
    return {
      plan: { ...w.plan, outcome },
      result: {
        rowNo: w.plan.row.rowNo,
        errors: problems,
        matchIds: !problems && ids.length ? ids : null,
        matchRows: !problems && rowsMatched.length ? rowsMatched : null,
        outcome: dryRun ? null : outcome,
        customerId: problems ? null : w.customerId,
        beforeImage: w.beforeImage,
        versionAfter: w.versionAfter,
        matchKeys: writes ? w.plan.keys : null,
        matchTarget: writes ? w.plan.target : null,
        matchOwner: writes ? w.plan.owner : null,
      },
    };
  });
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
    for (const { result, plan } of rows.length ? await importBatch(tx, found, rows, job.params.dryRun) : []) {
      if (plan.matches.length && !result.errors) counts.duplicates += 1;
      counts[({ ERRORED: 'errored', CREATED: 'created', UPDATED: 'updated', SKIPPED: 'skipped', QUEUED: 'queued' } as const)[plan.outcome]] += 1;
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
