import { ArrayMaxSize, ArrayMinSize, IsEmail, IsOptional, Matches, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { OptionalReasonField, ReasonField } from '../../graphql/reason-field.js';
import { UpdateCustomerInput } from '../customer/customer.inputs.js';
import { SubjectExportFormat, SubjectLanguage, SubjectRequestKind, SubjectRequestRegime, SubjectRequestStatus } from './subject-request.enums.js';

@InputType({ description: 'A data-subject request as received. At least one of email, phone and tax id is required: a name alone identifies no one.' })
export class CreateSubjectRequestInput {
  @Field(() => SubjectRequestKind, { description: 'What the person asks for.' })
  kind!: SubjectRequestKind;

  @Field(() => SubjectRequestRegime, { description: 'The law it is made under; sets the due date.' })
  regime!: SubjectRequestRegime;

  @Field({ description: 'The day it was received, `YYYY-MM-DD`.' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'receivedOn must be a date like 2026-12-04' })
  receivedOn!: string;

  @Field(() => SubjectLanguage, { description: 'The language the person is answered in.' })
  language!: SubjectLanguage;

  @Field(() => String, { nullable: true, description: 'Your reference for the request (a ticket number; not personal data).' })
  @IsOptional()
  @MaxLength(100)
  reference?: string | null;

  @Field(() => String, { nullable: true, description: 'The person\u2019s name (corroborates a match; never matches alone).' })
  @IsOptional()
  @MaxLength(200)
  subjectName?: string | null;

  @Field(() => String, { nullable: true, description: 'Their email address.' })
  @IsOptional()
  @IsEmail({ allow_utf8_local_part: true }, { message: 'email must be an email address' })
  @MaxLength(320)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'Their phone number.' })
  @IsOptional()
  @MaxLength(40)
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'Their tax or identity number.' })
  @IsOptional()
  @MaxLength(40)
  taxId?: string | null;
}

@InputType({ description: 'Which data-subject requests to list.' })
export class SubjectRequestFilter {
  @Field(() => [SubjectRequestStatus], { nullable: true, description: 'Only requests in these states.' })
  @IsOptional()
  status?: SubjectRequestStatus[] | null;

  @Field(() => Boolean, { nullable: true, description: 'true: only open requests past their due date.' })
  @IsOptional()
  overdue?: boolean | null;
}

@InputType({ description: 'Refuses a data-subject request.' })
export class RejectSubjectRequestInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @ReasonField('Why it is refused (told to the person; not personal data).', 1000)
  reason!: string;
}

@InputType({ description: 'Closes a data-subject request as answered.' })
export class CompleteSubjectRequestInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @OptionalReasonField('What was sent or done, for the record.', 1000)
  note?: string | null;
}

@InputType({ description: 'A data-subject request to act on.' })
export class SubjectRequestIdInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;
}

@InputType({ description: 'Asks for a download link to one file of a subject access export.' })
export class SubjectAccessExportLinkInput {
  @Field(() => ID, { description: 'The request.' })
  id!: string;

  @Field(() => SubjectExportFormat, { description: 'The bundle (JSON) or the readable summary (HTML).' })
  format!: SubjectExportFormat;
}

@InputType({ description: 'Erases the personal data of customers a request matches (an erasure request).' })
export class EraseSubjectDataInput {
  @Field(() => ID, { description: 'The request (of kind ERASURE).' })
  id!: string;

  @Field(() => [ID], { description: 'The matched customers to erase (live or archived).' })
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  customerIds!: string[];

  @Field(() => Int, { description: 'The number of customers, typed again to confirm.' })
  @Min(1)
  confirmCount!: number;
}

@InputType({ description: 'Corrects a matched live customer through the ordinary edit (a correction request).' })
export class CorrectSubjectDataInput {
  @Field(() => ID, { description: 'The request (of kind CORRECTION).' })
  id!: string;

  @Field(() => UpdateCustomerInput, { description: 'The customer, the version read and the corrections.' })
  customer!: UpdateCustomerInput;
}
