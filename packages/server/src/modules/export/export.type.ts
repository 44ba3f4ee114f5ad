import { IsOptional, ValidateNested } from 'class-validator';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { ArchivedCustomerFilter } from '../archive/archive.inputs.js';
import { AuditEventFilter } from '../audit/audit.type.js';
import { CustomerFilter } from '../customer/customer.inputs.js';
import { InteractionFilter } from '../interaction/interaction.inputs.js';
import { ExportFormat, ExportLanguage, ExportResource } from './export.enums.js';

@InputType({ description: 'What to export and how. Give only the filter that belongs to `resource`.' })
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
