import { NotANodeId, RefersTo } from '../../graphql/global-id.js';
import { NodeType } from '../../graphql/node.js';
import { ArrayMaxSize, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import type { ImportCounts as ImportCountsRecord } from './import.store.js';

export enum ImportDuplicateAction {
  SKIP = 'SKIP',
  UPDATE = 'UPDATE',
  CREATE = 'CREATE',
  QUEUE_MERGE = 'QUEUE_MERGE',
}

registerEnumType(ImportDuplicateAction, {
  name: 'ImportDuplicateAction',
  description: 'What an import does with a row that matches an existing customer (under a WARN duplicate rule; a BLOCK rule makes the row an error).',
  valuesConfig: {
    SKIP: { description: 'Leave the existing customer; write nothing.' },
    UPDATE: { description: 'Write the row’s values onto the best match (its code stays); only your own customers for roles limited to them.' },
    CREATE: { description: 'Create a new customer anyway.' },
    QUEUE_MERGE: { description: 'Create it and put it with its match up for merge review (duplicateCandidates).' },
  },
});

export enum CustomerImportState {
  UPLOADED = 'UPLOADED',
  CHECKED = 'CHECKED',
  IMPORTING = 'IMPORTING',
  IMPORTED = 'IMPORTED',
  UNDONE = 'UNDONE',
}

registerEnumType(CustomerImportState, {
  name: 'CustomerImportState',
  description: 'Where a customer import is.',
  valuesConfig: {
    UPLOADED: { description: 'Read into staging; the mapping can be changed.' },
    CHECKED: { description: 'A dry run has counted what would happen.' },
    IMPORTING: { description: 'The import job runs (or was cancelled: run it again to go on where it stopped).' },
    IMPORTED: { description: 'Every row has an outcome.' },
    UNDONE: { description: 'Undone by undoCustomerImport.' },
  },
});

@ObjectType('ImportColumn', { description: 'A column of the file and the customer field it fills.', simpleResolvers: true })
export class ImportColumn {
  @Field(() => Int, { description: 'Position, from 0.' })
  index!: number;

  @Field({ description: 'The header cell.' })
  header!: string;

  @Field(() => String, { nullable: true, description: 'The customer field (code, name, type, tier, industry, region, email, phone, address, taxId, tags, notes), or null when the column is not imported.' })
  field!: string | null;
}

@ObjectType('ImportCounts', { description: 'What an import did (or, after a dry run, would do), by row; after an undo, by customer.', simpleResolvers: true })
export class ImportCounts {
  @Field(() => Int, { nullable: true, description: 'Data rows in the file.' })
  rows?: number;

  @Field(() => Int, { nullable: true, description: 'Rows that created a customer.' })
  created?: number;

  @Field(() => Int, { nullable: true, description: 'Rows that updated an existing customer.' })
  updated?: number;

  @Field(() => Int, { nullable: true, description: 'Rows skipped because they match an existing customer.' })
  skipped?: number;

  @Field(() => Int, { nullable: true, description: 'Rows with a problem (see errorFile); nothing was written for them.' })
  errored?: number;

  @Field(() => Int, { nullable: true, description: 'Rows created and put up for merge review with their match.' })
  queued?: number;

  @Field(() => Int, { nullable: true, description: 'Rows that matched an existing customer.' })
  duplicates?: number;

  @Field({ nullable: true, description: 'True when these are a dry run’s counts.' })
  dryRun?: boolean;

  @Field(() => Int, { nullable: true, description: 'Undo: created customers removed.' })
  removed?: number;

  @Field(() => Int, { nullable: true, description: 'Undo: created customers voided because they were changed since.' })
  voided?: number;

  @Field(() => Int, { nullable: true, description: 'Undo: updated customers restored to their values before the import.' })
  restored?: number;

  @Field(() => Int, { nullable: true, description: 'Undo: customers left as they are (changed since, or no longer live).' })
  kept?: number;
}

@ObjectType('ImportProgress', { description: 'The import’s current (or last) job.', simpleResolvers: true })
export class ImportProgress {
  @RefersTo('Job')
  @Field(() => ID, { description: 'The job.' })
  jobId!: string;

  @Field({ description: 'QUEUED, RUNNING, SUCCEEDED, FAILED or CANCELLED.' })
  state!: string;

  @Field(() => Int, { description: 'Rows done.' })
  done!: number;

  @Field(() => Int, { nullable: true, description: 'Rows in all.' })
  total!: number | null;

  @Field(() => String, { nullable: true, description: 'Why it failed.' })
  error!: string | null;
}

@ObjectType('ImportValue', { description: 'One field of a previewed row, as it would be written.', simpleResolvers: true })
export class ImportValue {
  @Field({ description: 'The customer field.' })
  field!: string;

  @Field({ description: 'The value after normalization (tags joined with commas).' })
  value!: string;
}

@ObjectType('ImportProblem', { description: 'Why a row cannot be imported.', simpleResolvers: true })
export class ImportProblem {
  @Field({ description: 'The customer field (or `duplicate`, `row`).' })
  field!: string;

  @Field({ description: 'What is wrong.' })
  message!: string;
}

@ObjectType('ImportPreviewRow', { description: 'A row of the file after mapping and normalization.', simpleResolvers: true })
export class ImportPreviewRow {
  @Field(() => Int, { description: 'Row number (1 = the first row after the header).' })
  rowNo!: number;

  @Field(() => [ImportValue], { description: 'The values it would write.' })
  values!: ImportValue[];

  @Field(() => [ImportProblem], { description: 'Its problems (empty when it can be imported).' })
  problems!: ImportProblem[];
}

@NodeType('CustomerImport', { description: 'A customer file being imported: upload it with POST /imports/customers.' })
export class CustomerImport {
  @Field(() => ID, { description: 'Identifier (the audit log’s reason for every write of the import names it).' })
  id!: string;

  @Field({ description: 'The uploaded file’s name.' })
  fileName!: string;

  @Field({ description: 'CSV or XLSX.' })
  format!: string;

  @Field(() => String, { nullable: true, description: 'The CSV’s text encoding as detected (utf-8 or gb18030).' })
  encoding!: string | null;

  @Field(() => ImportDuplicateAction, { description: 'What rows matching an existing customer do (unless chosen per row).' })
  duplicateAction!: ImportDuplicateAction;

  @NotANodeId("an ImportTemplate's id (templates are listed by customerImportSetup, not read one by one)")
  @Field(() => ID, { nullable: true, description: 'The template the mapping came from or was saved as.' })
  templateId!: string | null;

  @Field(() => CustomerImportState, { description: 'Where the import is.' })
  state!: CustomerImportState;

  @Field(() => Int, { description: 'Data rows in the file.' })
  rowCount!: number;

  @Field(() => ImportCounts, { description: 'Counts of the last dry run, run or undo.' })
  counts!: ImportCountsRecord;

  @Field(() => DateTimeScalar, { description: 'When it was uploaded.' })
  createdAt!: string;
}

@InputType({ description: 'A column and the field it fills.' })
export class ImportColumnInput {
  @Field(() => Int, { description: 'Column position, from 0.' })
  @Min(0)
  @Max(999)
  index!: number;

  @Field({ description: 'The customer field.' })
  @MaxLength(20)
  field!: string;
}

@InputType({ description: 'Mapping and duplicate handling of an import.' })
export class ConfigureCustomerImportInput {
  @RefersTo('CustomerImport')
  @Field(() => ID, { description: 'The import.' })
  id!: string;

  @Field(() => [ImportColumnInput], { nullable: true, description: 'The whole mapping (columns left out are not imported); omitted: as suggested.' })
  @IsOptional()
  @ArrayMaxSize(200)
  mapping?: ImportColumnInput[] | null;

  @Field(() => ImportDuplicateAction, { nullable: true, description: 'What matching rows do.' })
  @IsOptional()
  duplicateAction?: ImportDuplicateAction | null;

  @Field(() => String, { nullable: true, description: 'Remember this mapping under this name for files with the same header row.' })
  @IsOptional()
  @MaxLength(100)
  templateName?: string | null;
}

@InputType({ description: 'A row’s own duplicate handling.' })
export class ImportRowActionInput {
  @Field(() => Int, { description: 'Row number.' })
  @Min(1)
  rowNo!: number;

  @Field(() => ImportDuplicateAction, { nullable: true, description: 'The action, or null for the import’s.' })
  action!: ImportDuplicateAction | null;
}

@InputType({ description: 'Per-row duplicate handling.' })
export class ChooseImportRowActionsInput {
  @RefersTo('CustomerImport')
  @Field(() => ID, { description: 'The import.' })
  id!: string;

  @Field(() => [ImportRowActionInput], { description: 'The rows.' })
  @ArrayMaxSize(10_000)
  rows!: ImportRowActionInput[];
}

@InputType({ description: 'An import to check, run or undo.' })
export class CustomerImportInput {
  @RefersTo('CustomerImport')
  @Field(() => ID, { description: 'The import.' })
  id!: string;
}

@ObjectType({ description: 'An import and the job started for it.' })
export class CustomerImportPayload {
  @Field(() => CustomerImport, { description: 'The import.' })
  customerImport!: unknown;
}

@ObjectType({ description: 'Result of chooseImportRowActions.' })
export class ChooseImportRowActionsPayload {
  @Field(() => Int, { description: 'Rows changed.' })
  rows!: number;
}
