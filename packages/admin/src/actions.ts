/**
 * Every action the dashboard runs, by name: each feature declares its own (`*.actions.ts`
 * beside its screens) and this list puts them together, as app.tsx does with resources.
 * Buttons name an action (`useRecordAction('voidCustomer', …)`); the data provider's
 * generic `action` method runs its spec. scripts/generate-operations.ts registers the
 * document of every one.
 */
import { backupActions } from './backups/backup.actions.ts';
import { cleanupActions } from './cleanup/cleanup.actions.ts';
import type { ActionSpec } from './data-provider/actions.ts';
import { customerActions } from './resources/customers/customer.actions.ts';
import { jobActions } from './resources/jobs/job.actions.ts';
import { policyActions } from './resources/archive-policies/policy.actions.ts';
import { userActions } from './resources/users/user.actions.ts';
import { subjectRequestActions } from './resources/subject-requests/subject-request.actions.ts';
import { approvalActions } from './resources/approvals/approval.actions.ts';

export const ACTIONS = {
  ...customerActions,
  ...userActions,
  ...policyActions,
  ...jobActions,
  ...backupActions,
  ...cleanupActions,
  ...subjectRequestActions,
  ...approvalActions,
} as const satisfies Record<string, ActionSpec>;

export type ActionName = keyof typeof ACTIONS;
