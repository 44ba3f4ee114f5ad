import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/connection.js';
import { DateTimeScalar } from '../../graphql/scalars.js';
import { Job } from '../job/job.type.js';
import {
  SubjectExportFormat, SubjectLanguage, SubjectMatchReason, SubjectRequestKind, SubjectRequestRegime, SubjectRequestStatus, SubjectRequestStepAction,
} from './subject-request.enums.js';

/** The identifiers of a request: in clear while it is open (decrypted), null once closed. */
export interface SubjectIdentifiers {
  subjectName: string | null;
  email: string | null;
  phone: string | null;
  taxId: string | null;
}

export interface SubjectRequestRecord {
  id: string;
  kind: SubjectRequestKind;
  regime: SubjectRequestRegime;
  status: SubjectRequestStatus;
  receivedOn: string;
  dueOn: string;
  overdue: boolean;
  language: SubjectLanguage;
  reference: string | null;
  /** Sealed JSON of SubjectIdentifiers while open. */
  identifiers: string | null;
  identifiersMasked: SubjectIdentifiers;
  outcome: string | null;
  createdBy: string | null;
  createdAt: string;
  closedAt: string | null;
}

@ObjectType({ description: 'A data-subject request (PIPL/GDPR) in the register. Its identifiers follow the policy\u2019s SubjectRequest rules.' })
export class SubjectRequest {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => SubjectRequestKind, { description: 'What the person asks for.' })
  kind!: SubjectRequestKind;

  @Field(() => SubjectRequestRegime, { description: 'The law it is made under.' })
  regime!: SubjectRequestRegime;

  @Field(() => SubjectRequestStatus, { description: 'Where it is.' })
  status!: SubjectRequestStatus;

  @Field({ description: 'The day it was received (`YYYY-MM-DD`).' })
  receivedOn!: string;

  @Field({ description: 'The day the answer is due (`YYYY-MM-DD`), computed from the regime.' })
  dueOn!: string;

  @Field({ description: 'Still open after its due date.' })
  overdue!: boolean;

  @Field(() => SubjectLanguage, { description: 'The language the person is answered in.' })
  language!: SubjectLanguage;

  @Field(() => String, { nullable: true, description: 'The reference it was recorded under.' })
  reference!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was refused, or what was sent, once closed.' })
  outcome!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was fulfilled or rejected.' })
  closedAt!: string | null;
}

export const SubjectRequestConnection = ConnectionType(SubjectRequest, 'SubjectRequest');
export type SubjectRequestConnection = InstanceType<typeof SubjectRequestConnection>;

export interface SubjectRequestStepRecord {
  id: string;
  requestId: string;
  at: string;
  actorId: string | null;
  action: SubjectRequestStepAction;
  customerId: string | null;
  customerCode: string | null;
  jobId: string | null;
  fields: string[];
}

@ObjectType({ description: 'One thing done for a data-subject request; its audit events carry the request\u2019s id.', simpleResolvers: true })
export class SubjectRequestStep {
  @Field(() => ID, { description: 'Stable identifier.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When.' })
  at!: string;

  @Field(() => SubjectRequestStepAction, { description: 'What was done.' })
  action!: SubjectRequestStepAction;

  @Field(() => ID, { nullable: true, description: 'The customer it was done to, if any.' })
  customerId!: string | null;

  @Field(() => String, { nullable: true, description: 'That customer\u2019s code (kept after a purge).' })
  customerCode!: string | null;

  @Field(() => ID, { nullable: true, description: 'The job that did it, if any.' })
  jobId!: string | null;

  @Field(() => [String], { description: 'The fields corrected or erased (field keys).' })
  fields!: string[];
}

@ObjectType({ description: 'A customer record (live or archived) the request\u2019s identifiers match.', simpleResolvers: true })
export class SubjectMatch {
  @Field(() => ID, { description: 'The customer.' })
  customerId!: string;

  @Field({ description: 'Its code.' })
  code!: string;

  @Field({ description: 'Its name.' })
  name!: string;

  @Field({ description: 'Its status (ARCHIVED when in the archive).' })
  status!: string;

  @Field({ description: 'Whether it is in the archive.' })
  archived!: boolean;

  @Field(() => [SubjectMatchReason], { description: 'Why it is taken to be about the subject.' })
  matchedBy!: SubjectMatchReason[];
}

@ObjectType({ description: 'A finished subject access export, ready to download.', simpleResolvers: true })
export class SubjectAccessExport {
  @Field(() => DateTimeScalar, { description: 'When it was built.' })
  createdAt!: string;

  @Field(() => DateTimeScalar, { description: 'When it is deleted if not downloaded and closed before.' })
  expiresAt!: string;

  @Field(() => Int, { description: 'Customer records in it.' })
  customers!: number;

  @Field(() => Int, { description: 'Interactions in it.' })
  interactions!: number;

  @Field(() => Int, { description: 'Kept versions of the records in it.' })
  history!: number;

  @Field(() => Int, { description: 'Merges in it.' })
  merges!: number;

  @Field(() => Int, { description: 'Reads of the records by staff in it.' })
  accessLog!: number;
}

@ObjectType({ description: 'Result of a change to a data-subject request.' })
export class SubjectRequestPayload {
  @Field(() => SubjectRequest, { description: 'The request as it is now.' })
  subjectRequest!: SubjectRequest;
}

@ObjectType({ description: 'Result of runSubjectAccessExport.' })
export class RunSubjectAccessExportPayload {
  @Field(() => SubjectRequest, { description: 'The request.' })
  subjectRequest!: SubjectRequest;

  @Field(() => Job, { description: 'The job building the export.' })
  job!: Job;
}

@ObjectType({ description: 'A single-use download link to a subject access export.' })
export class SubjectAccessExportLink {
  @Field({ description: 'Path to GET once, before it expires; the link itself is the permission (like export links).' })
  url!: string;

  @Field(() => SubjectExportFormat, { description: 'The file it downloads.' })
  format!: SubjectExportFormat;

  @Field(() => DateTimeScalar, { description: 'When the link stops working.' })
  expiresAt!: string;
}
