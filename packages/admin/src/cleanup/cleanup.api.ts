/**
 * The cleanup screens' data (duplicates, merges, data quality): the generated types of
 * their registered operations and the small rules the screens share (use-cleanup.ts
 * reads them). Plain TypeScript, so the unit tests run it under Node.
 */
import type { DataQualityIssuesQuery, DuplicateCandidatesQuery, MergesQuery } from '@custos/schema';

export type DuplicateGroup = DuplicateCandidatesQuery['duplicateCandidates']['nodes'][number];
/** A customer in a duplicate group, read by field name in the merge wizard's grid. */
export type CustomerRow = DuplicateGroup['customers'][number] & Record<string, unknown>;
export type MergeRow = MergesQuery['merges']['nodes'][number];
export type QualityIssue = DataQualityIssuesQuery['dataQualityIssues']['nodes'][number];

/** The fields of the merge wizard's grid, in CleanupField order (TAGS are united, not picked). */
export const PICKABLE_FIELDS = [
  { field: 'NAME', source: 'name' },
  { field: 'TYPE', source: 'type' },
  { field: 'TIER', source: 'tier' },
  { field: 'INDUSTRY', source: 'industry' },
  { field: 'REGION', source: 'region' },
  { field: 'LIFECYCLE_STAGE', source: 'lifecycleStage' },
  { field: 'OWNER', source: 'owner' },
  { field: 'EMAIL', source: 'email' },
  { field: 'PHONE', source: 'phone' },
  { field: 'ADDRESS', source: 'address' },
  { field: 'TAX_ID', source: 'taxId' },
  { field: 'NOTES', source: 'notes' },
] as const;

/** The reference `resolveDataQualityIssues` takes for one issue. */
export const issueRef = (issue: QualityIssue) => ({ customerId: issue.customer.id, field: issue.field, problem: issue.problem });
