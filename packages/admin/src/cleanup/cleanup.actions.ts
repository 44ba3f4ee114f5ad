/** Cleanup (issue 7): merge payloads carry the merge with a fixed selection. */
import { CUSTOMERS, FAILURES, JOB, UNDO, type ActionSpec } from '../data-provider/actions.ts';

export const cleanupActions = {
  detectDuplicates: { mutation: 'detectDuplicates', fields: { job: JOB }, primary: 'job' },
  countDataQuality: { mutation: 'countDataQuality', fields: { job: JOB }, primary: 'job' },
  dismissDuplicate: { mutation: 'dismissDuplicate', fields: { groupId: 'scalar', dismissedPairs: 'scalar' } },
  mergeCustomers: {
    mutation: 'mergeCustomers',
    fields: { survivor: CUSTOMERS, merge: { select: 'id mergedIds interactionCount' }, movedInteractions: 'scalar', dryRun: 'scalar' },
  },
  unmergeCustomers: { mutation: 'unmergeCustomers', fields: { merge: { select: 'id unmergedAt' }, customers: CUSTOMERS } },
  resolveDataQualityIssues: { mutation: 'resolveDataQualityIssues', fields: { resolved: 'scalar', failures: FAILURES } },
  resolveAllDataQualityIssues: { mutation: 'resolveAllDataQualityIssues', fields: { job: JOB }, primary: 'job' },
  normalizeCustomers: {
    mutation: 'normalizeCustomers',
    fields: {
      dryRun: 'scalar', scanned: 'scalar', changedCustomers: 'scalar', changeCount: 'scalar',
      changes: { select: 'customer { id code name } field before after hidden' }, job: JOB, undo: UNDO,
    },
  },
} as const satisfies Record<string, ActionSpec>;
