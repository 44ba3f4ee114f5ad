import { ArrayMaxSize, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ArchivedCustomerFilter, ArchivedCustomerOrder } from '../archive/archive.inputs.js';
import { AuditEventFilter } from '../audit/audit.type.js';
import { CustomerFilter } from '../customer/customer.inputs.js';
import { CustomerOrder } from '../customer/customer.order.js';
import { InteractionFilter, InteractionOrder } from '../interaction/interaction.inputs.js';
import { ExportFormat, ExportLanguage, ExportResource } from './export.enums.js';

/** Most value labels one export takes: enough for every coded column of any resource. */
export const MAX_VALUE_LABELS = 2000;

@InputType({ description: 'The word for one coded value of one column, written in its place (e.g. tier SMB as 中小企业).' })
export class ExportValueLabel {
  @Field({ description: 'The column key, as `columns` of the payload names it (e.g. tier).' })
  @MaxLength(60)
  column!: string;

  @Field({ description: 'The stored value (e.g. SMB).' })
  @MaxLength(100)
  value!: string;

  @Field({ description: 'What to write instead.' })
  @MaxLength(200)
  label!: string;
}

@InputType({ description: 'What to export and how. Give only the filter (and order) that belongs to `resource`.' })
export class CreateExportInput {
  @Field(() => ExportResource, { description: 'What to export.' })
  resource!: ExportResource;

  @Field(() => ExportFormat, { defaultValue: ExportFormat.CSV, description: 'File format.' })
  format!: ExportFormat;

  @Field(() => ExportLanguage, { defaultValue: ExportLanguage.EN, description: 'Language of the column headers.' })
  language!: ExportLanguage;

  @Field(() => CustomerFilter, { nullable: true, description: 'CUSTOMERS: which customers (as in `customers`).' })
  @IsOptional()
  @ValidateNested()
  customers?: CustomerFilter | null;

  @Field(() => ArchivedCustomerFilter, { nullable: true, description: 'ARCHIVED_CUSTOMERS: which archived customers (as in `archivedCustomers`).' })
  @IsOptional()
  @ValidateNested()
  archivedCustomers?: ArchivedCustomerFilter | null;

  @Field(() => InteractionFilter, { nullable: true, description: 'INTERACTIONS: which interactions (as in `interactions`).' })
  @IsOptional()
  @ValidateNested()
  interactions?: InteractionFilter | null;

  @Field(() => AuditEventFilter, { nullable: true, description: 'AUDIT_EVENTS: which events (as in `auditEvents`).' })
  @IsOptional()
  @ValidateNested()
  auditEvents?: AuditEventFilter | null;

  @Field(() => [CustomerOrder], { nullable: true, description: 'CUSTOMERS: rows in this order (as in `customers`); by id when absent.' })
  @IsOptional()
  @ArrayMaxSize(5)
  customersOrderBy?: CustomerOrder[] | null;

  @Field(() => [ArchivedCustomerOrder], { nullable: true, description: 'ARCHIVED_CUSTOMERS: rows in this order (as in `archivedCustomers`); by id when absent.' })
  @IsOptional()
  @ArrayMaxSize(5)
  archivedCustomersOrderBy?: ArchivedCustomerOrder[] | null;

  @Field(() => [InteractionOrder], { nullable: true, description: 'INTERACTIONS: rows in this order (as in `interactions`); by id when absent.' })
  @IsOptional()
  @ArrayMaxSize(5)
  interactionsOrderBy?: InteractionOrder[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Times in this IANA time zone with their offset (2026-05-01 11:00:00+08:00); UTC ISO 8601 (2026-05-01T03:00:00.000000Z) when absent.',
  })
  @IsOptional()
  @MaxLength(64)
  timeZone?: string | null;

  @Field(() => [ExportValueLabel], {
    nullable: true,
    description: `Words for coded values, column by column (at most ${MAX_VALUE_LABELS}); a value without one is written as stored. Only columns without a field guard take them.`,
  })
  @IsOptional()
  @ArrayMaxSize(MAX_VALUE_LABELS)
  @ValidateNested({ each: true })
  valueLabels?: ExportValueLabel[] | null;
}

@ObjectType({ description: 'Result of createExport: a short-lived, single-use download link.' })
export class CreateExportPayload {
  @Field({ description: 'Path of the download on this server (GET, no token needed; the link is the credential).' })
  url!: string;

  @Field(() => DateTimeScalar, { description: 'The link stops working at this time, or after its first download.' })
  expiresAt!: string;

  @Field(() => Int, { description: 'Rows the export holds now, under your row rules.' })
  rowCount!: number;

  @Field(() => [String], { description: 'Columns included; fields your role may not read are left out, masked ones stay masked.' })
  columns!: string[];
}
