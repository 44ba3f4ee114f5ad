import type { ArchivePolicyAction } from './archive-policy.enums.js';
import type { PolicyCriteria } from './archive-policy.criteria.js';

export interface ArchivePolicyRecord {
  id: string;
  name: string;
  description: string | null;
  action: ArchivePolicyAction;
  criteria: PolicyCriteria;
  interactionsOlderThanDays: number | null;
  retentionDays: number | null;
  schedule: string | null;
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
  lastRunAt: string | null;
  nextRunAt: string | null;
}

export const POLICY_COLUMNS = `
  p.id::text as id, p.name, p.description, p.action, p.criteria,
  p.interactions_older_than_days as "interactionsOlderThanDays", p.retention_days as "retentionDays",
  p.schedule, p.enabled, p.created_by::text as "createdBy", p.created_at as "createdAt",
  p.updated_at as "updatedAt", p.version, p.last_run_at as "lastRunAt", p.next_run_at as "nextRunAt"`;

/** Fields whose changes the audit log records for policies. */
export const POLICY_AUDITED_FIELDS = [
  'name', 'description', 'action', 'criteria', 'interactionsOlderThanDays', 'retentionDays', 'schedule', 'enabled',
] as const;
