import { ArgRefersTo } from '../../graphql/global-id.js';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../core/context.js';
import { findJob } from '../job/job.queue.js';
import type { ColumnMapping, ImportField } from './import.mapping.js';
import type { ImportRecord } from './import.store.js';
import {
  checkImport,
  chooseRowActions,
  configureImport,
  importErrorFile,
  previewImport,
  runImport,
  undoImport,
  visibleImport,
} from './import.service.js';
import {
  ChooseImportRowActionsInput,
  ChooseImportRowActionsPayload,
  ConfigureCustomerImportInput,
  CustomerImport,
  CustomerImportInput,
  CustomerImportPayload,
  ImportColumn,
  ImportPreviewRow,
  ImportProgress,
} from './import.types.js';

async function progressOf(ctx: RequestContext, jobId: string | null): Promise<ImportProgress | null> {
  if (!jobId) return null;
  const job = await findJob(ctx.sql, jobId);
  return job ? { jobId: job.id, state: job.state, done: job.progressDone, total: job.progressTotal, error: job.error } : null;
}

@Resolver(() => CustomerImport)
export class CustomerImportResolver {
  @Query(() => CustomerImport, { nullable: true, description: 'A customer import you started (any import for roles that see every customer).' })
  @ArgRefersTo('id', 'CustomerImport')
  async customerImport(@Arg('id', () => ID, { description: 'The import.' }) id: string, @Ctx() ctx: RequestContext): Promise<ImportRecord | null> {
    return visibleImport(ctx, id).catch((error: { reason?: string }) => {
      if (error.reason === 'INTAKE_IMPORT_NOT_FOUND') return null;
      throw error;
    });
  }

  @Mutation(() => CustomerImportPayload, { description: 'Sets the mapping (fields your role may not write are refused by name) and the duplicate handling; saves it as a template when named.' })
  async configureCustomerImport(@Arg('input', () => ConfigureCustomerImportInput, { description: 'The settings.' }) input: ConfigureCustomerImportInput, @Ctx() ctx: RequestContext) {
    const mapping = input.mapping ? (Object.fromEntries(input.mapping.map((c) => [String(c.index), c.field])) as ColumnMapping) : null;
    return { customerImport: await configureImport(ctx, { id: input.id, mapping, duplicateAction: input.duplicateAction, templateName: input.templateName }) };
  }

  @Mutation(() => ChooseImportRowActionsPayload, { description: 'Chooses duplicate handling for single rows (before the run).' })
  async chooseImportRowActions(@Arg('input', () => ChooseImportRowActionsInput, { description: 'The rows.' }) input: ChooseImportRowActionsInput, @Ctx() ctx: RequestContext) {
    return { rows: await chooseRowActions(ctx, input.id, input.rows) };
  }

  @Mutation(() => CustomerImportPayload, { description: 'Starts a dry run: every row validated and compared with the customers, counts of what would happen, nothing written.' })
  async checkCustomerImport(@Arg('input', () => CustomerImportInput, { description: 'The import.' }) input: CustomerImportInput, @Ctx() ctx: RequestContext) {
    return { customerImport: (await checkImport(ctx, input.id)).import };
  }

  @Mutation(() => CustomerImportPayload, { description: 'Starts the import job (progress on `progress`; cancel with cancelJob; run again after a cancel to go on where it stopped).' })
  async runCustomerImport(@Arg('input', () => CustomerImportInput, { description: 'The import.' }) input: CustomerImportInput, @Ctx() ctx: RequestContext) {
    return { customerImport: (await runImport(ctx, input.id)).import };
  }

  @Mutation(() => CustomerImportPayload, { description: 'Undoes an import as one job: created customers removed (voided when changed since), updated ones restored exactly (kept when changed since).' })
  async undoCustomerImport(@Arg('input', () => CustomerImportInput, { description: 'The import.' }) input: CustomerImportInput, @Ctx() ctx: RequestContext) {
    return { customerImport: (await undoImport(ctx, input.id)).import };
  }

  @FieldResolver(() => [ImportColumn], { description: 'The columns and their mapping.' })
  columns(@Root() record: ImportRecord): ImportColumn[] {
    return record.headers.map((header, index) => ({ index, header, field: (record.mapping[String(index)] as ImportField | undefined) ?? null }));
  }

  @FieldResolver(() => ImportProgress, { nullable: true, description: 'The dry run’s or run’s job.' })
  progress(@Root() record: ImportRecord, @Ctx() ctx: RequestContext) {
    return progressOf(ctx, record.jobId);
  }

  @FieldResolver(() => ImportProgress, { nullable: true, description: 'The undo’s job.' })
  undoProgress(@Root() record: ImportRecord, @Ctx() ctx: RequestContext) {
    return progressOf(ctx, record.undoJobId);
  }

  @FieldResolver(() => [ImportPreviewRow], { description: 'The first rows after mapping and normalization, with their problems.' })
  async preview(@Root() record: ImportRecord, @Arg('first', () => Int, { defaultValue: 10, description: 'How many rows (at most 100).' }) first: number, @Ctx() ctx: RequestContext) {
    const rows = await previewImport(ctx, record.id, first);
    return rows.map((r) => ({
      rowNo: r.rowNo,
      values: Object.entries(r.values).map(([field, value]) => ({ field, value: Array.isArray(value) ? value.join(',') : String(value) })),
      problems: r.problems,
    }));
  }

  @FieldResolver(() => String, { description: 'Rows with problems as a CSV file (UTF-8 with BOM): row, field, reason, then the row as it was in the file.' })
  errorFile(@Root() record: ImportRecord, @Ctx() ctx: RequestContext) {
    return importErrorFile(ctx, record.id);
  }
}
