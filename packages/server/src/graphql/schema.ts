import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ArchivedInteractionResolver, ArchiveResolver } from '../modules/archive/archive.resolver.js';
import { PurgeResolver } from '../modules/archive/purge.resolver.js';
import { VoidResolver } from '../modules/void/void.resolver.js';
import { AuditResolver } from '../modules/audit/audit.resolver.js';
import { CustomerResolver } from '../modules/customer/customer.resolver.js';
import { UserResolver } from '../modules/identity/user.resolver.js';
import { CustomerInteractionsResolver, InteractionResolver } from '../modules/interaction/interaction.resolver.js';
import { ArchivePolicyResolver } from '../modules/archive-policy/archive-policy.resolver.js';
import { JobResolver } from '../modules/job/job.resolver.js';
import { LifecycleStageResolver } from '../modules/lifecycle-stage/lifecycle-stage.resolver.js';
import { RetentionResolver } from '../modules/retention/retention.resolver.js';
import { ReportResolver } from '../modules/report/report.resolver.js';
import { BackupResolver } from '../modules/backup/backup.resolver.js';
import { ExportResolver } from '../modules/export/export.resolver.js';
import { SearchResolver } from '../modules/search/search.resolver.js';
import { CustomerMergedIntoResolver, MergeResolver } from '../modules/cleanup/merge.resolver.js';
import { DuplicateResolver } from '../modules/cleanup/duplicate.resolver.js';
import { DataQualityResolver } from '../modules/cleanup/quality.resolver.js';
import { NormalizeResolver } from '../modules/cleanup/normalize.resolver.js';
import { SegmentResolver } from '../modules/classification/segment.resolver.js';
import { TagResolver } from '../modules/classification/tag.resolver.js';
import { applyFieldGuards } from './field-guards.js';
import { localizeMessageFields } from './localization.js';
import { rejectNulInArguments } from './input-text.js';
import { DateTimeScalar } from './scalars.js';
import { KeyRotationResolver } from '../modules/encryption/rotation.resolver.js';
import { UndoResolver } from '../modules/undo/undo.resolver.js';

export const resolvers = [
  CustomerResolver,
  CustomerInteractionsResolver,
  InteractionResolver,
  UserResolver,
  AuditResolver,
  ArchiveResolver,
  ArchivedInteractionResolver,
  VoidResolver,
  PurgeResolver,
  JobResolver,
  ArchivePolicyResolver,
  LifecycleStageResolver,
  RetentionResolver,
  ReportResolver,
  BackupResolver,
  ExportResolver,
  SearchResolver,
  MergeResolver,
  CustomerMergedIntoResolver,
  NormalizeResolver,
  DuplicateResolver,
  DataQualityResolver,
  TagResolver,
  SegmentResolver,
  KeyRotationResolver,
  UndoResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** Builds the schema once per process (type-graphql metadata is global anyway). */
export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false, validationError: { target: false, value: false } },
    emitSchemaFile: false,
  }).then((schema) => localizeMessageFields(rejectNulInArguments(applyFieldGuards(describeRootTypes(schema)))));
  return cached;
}

/** type-graphql cannot describe the root types; the published schema should. */
function describeRootTypes(schema: GraphQLSchema): GraphQLSchema {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query) query.description = 'Reads: customers, interaction history, staff and the audit log.';
  if (mutation) mutation.description = 'Changes. Each takes one `input` object and returns a payload; a failed mutation changes nothing.';
  return schema;
}
