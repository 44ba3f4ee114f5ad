import type { GuardedField } from '../../policy/policy.js';
import { ExportResource } from './export.enums.js';
import type { SealedColumn } from '../../crypto/sealed.js';

/**
 * What each export contains, column by column. A column that carries a guarded value
 * names its policy field in `guard`: the writer then drops the column for roles with
 * NONE and masks it for MASKED, exactly like the GraphQL field guard. A test checks that
 * every guarded field of the exported types is declared here with its guard.
 */
export interface ExportColumn {
  key: string;
  en: string;
  zh: string;
  /** SQL expression over the resource's alias, returning text (or null). */
  sql: string;
  guard?: GuardedField;
  /** Stored encrypted: the writer decrypts the cell (only in columns the role gets at all). */
  sealed?: SealedColumn;
  /** Written as a number in XLSX when it parses as one. */
  numeric?: boolean;
}

export interface ExportSource {
  /** The GraphQL type whose fields the columns are. */
  type: string;
  from: string;
  key: string;
  columns: ExportColumn[];
}

/** A time in the export's zone and format, set for its transaction (export.http.ts
 * `timeSettings`): UTC ISO 8601 by default, local time with its offset on request. */
const iso = (column: string) => `to_char(${column}, current_setting('custos.export_time_format'))`;
const ownerName = (column: string) => `(select u.display_name from app_user u where u.id = ${column})`;

function customerColumns(type: 'Customer' | 'ArchivedCustomer'): ExportColumn[] {
  const g = (field: string) => `${type}.${field}` as GuardedField;
  return [
    { key: 'id', en: 'ID', zh: '编号', sql: 'c.id::text' },
    { key: 'code', en: 'Code', zh: '客户代码', sql: 'c.code' },
    { key: 'name', en: 'Name', zh: '名称', sql: 'c.name' },
    { key: 'type', en: 'Type', zh: '类型', sql: 'c.type' },
    { key: 'tier', en: 'Tier', zh: '等级', sql: 'c.tier' },
    { key: 'industry', en: 'Industry', zh: '行业', sql: 'c.industry' },
    { key: 'region', en: 'Region', zh: '地区', sql: 'c.region' },
    { key: 'lifecycleStage', en: 'Lifecycle stage', zh: '生命周期阶段', sql: 'c.lifecycle_stage' },
    { key: 'status', en: 'Status', zh: '状态', sql: type === 'Customer' ? 'c.status' : `'ARCHIVED'` },
    { key: 'owner', en: 'Owner', zh: '负责人', sql: ownerName('c.owner_id') },
    { key: 'email', en: 'Email', zh: '邮箱', sql: 'c.email', guard: g('email') },
    { key: 'phone', en: 'Phone', zh: '电话', sql: 'c.phone', guard: g('phone') },
    { key: 'address', en: 'Address', zh: '地址', sql: 'c.address', guard: g('address') },
    { key: 'taxId', en: 'Tax ID', zh: '税号', sql: 'c.tax_id', guard: g('taxId'), sealed: 'customer.tax_id' },
    { key: 'tags', en: 'Tags', zh: '标签', sql: `array_to_string(c.tags, '; ')` },
    { key: 'notes', en: 'Notes', zh: '备注', sql: 'c.notes', guard: g('notes') },
    { key: 'lastInteractionAt', en: 'Last interaction', zh: '最近互动', sql: iso('c.last_interaction_at') },
    { key: 'createdAt', en: 'Created', zh: '创建时间', sql: iso('c.created_at') },
    { key: 'updatedAt', en: 'Updated', zh: '更新时间', sql: iso('c.updated_at') },
    { key: 'voidReason', en: 'Void reason', zh: '作废原因', sql: 'c.void_reason' },
    { key: 'voidNote', en: 'Void note', zh: '作废说明', sql: 'c.void_note' },
    { key: 'voidedAt', en: 'Voided', zh: '作废时间', sql: iso('c.voided_at') },
  ];
}

export const EXPORT_SOURCES: Record<ExportResource, ExportSource> = {
  [ExportResource.CUSTOMERS]: { type: 'Customer', from: 'customer c', key: 'c.id', columns: customerColumns('Customer') },
  [ExportResource.ARCHIVED_CUSTOMERS]: {
    type: 'ArchivedCustomer',
    from: 'archive.customer c',
    key: 'c.id',
    columns: [
      ...customerColumns('ArchivedCustomer'),
      { key: 'previousStatus', en: 'Status before archiving', zh: '归档前状态', sql: 'c.status' },
      { key: 'archivedAt', en: 'Archived', zh: '归档时间', sql: iso('c.archived_at') },
      { key: 'archivedBy', en: 'Archived by', zh: '归档人', sql: ownerName('c.archived_by') },
      { key: 'archiveReason', en: 'Archive reason', zh: '归档原因', sql: 'c.archive_reason' },
      { key: 'policyId', en: 'Policy', zh: '归档策略', sql: '(select p.name from archive_policy p where p.id = c.archive_policy_id)' },
      { key: 'retainUntil', en: 'Retain until', zh: '保留至', sql: iso('c.retain_until') },
      { key: 'legalHold', en: 'Legal hold', zh: '法律保全', sql: `case when c.legal_hold then 'yes' else 'no' end` },
    ],
  },
  [ExportResource.INTERACTIONS]: {
    type: 'Interaction',
    from: 'interaction i',
    key: 'i.id',
    columns: [
      { key: 'id', en: 'ID', zh: '编号', sql: 'i.id::text' },
      { key: 'customer', en: 'Customer code', zh: '客户代码', sql: '(select c.code from customer c where c.id = i.customer_id)' },
      { key: 'customerName', en: 'Customer', zh: '客户', sql: '(select c.name from customer c where c.id = i.customer_id)' },
      { key: 'kind', en: 'Kind', zh: '类型', sql: 'i.kind' },
      { key: 'occurredAt', en: 'Occurred', zh: '发生时间', sql: iso('i.occurred_at') },
      { key: 'channel', en: 'Channel', zh: '渠道', sql: 'i.channel' },
      { key: 'subject', en: 'Subject', zh: '主题', sql: 'i.subject' },
      { key: 'body', en: 'Body', zh: '内容', sql: 'i.body', guard: 'Interaction.body' },
      { key: 'amount', en: 'Amount', zh: '金额', sql: 'i.amount::text', guard: 'Interaction.amount', numeric: true },
      { key: 'currency', en: 'Currency', zh: '币种', sql: 'i.currency', guard: 'Interaction.currency' },
      { key: 'owner', en: 'Owner', zh: '负责人', sql: ownerName('i.owner_id') },
      { key: 'createdAt', en: 'Logged', zh: '记录时间', sql: iso('i.created_at') },
    ],
  },
  [ExportResource.AUDIT_EVENTS]: {
    type: 'AuditEvent',
    from: 'audit_event e',
    key: 'e.seq',
    columns: [
      { key: 'seq', en: 'Seq', zh: '序号', sql: 'e.seq::text', numeric: true },
      { key: 'at', en: 'Time', zh: '时间', sql: iso('e.at') },
      { key: 'actor', en: 'Actor', zh: '操作人', sql: ownerName('e.actor_id') },
      { key: 'actorRole', en: 'Role', zh: '角色', sql: 'e.actor_role' },
      { key: 'action', en: 'Action', zh: '操作', sql: 'e.action' },
      { key: 'entityType', en: 'Record type', zh: '记录类型', sql: 'e.entity_type' },
      { key: 'entityId', en: 'Record', zh: '记录编号', sql: 'e.entity_id' },
      { key: 'reason', en: 'Reason', zh: '原因', sql: 'e.reason' },
      { key: 'changes', en: 'Changes', zh: '变更', sql: 'e.changes::text' },
      { key: 'requestId', en: 'Request', zh: '请求编号', sql: 'e.request_id' },
      { key: 'hash', en: 'Hash', zh: '哈希', sql: `encode(e.hash, 'hex')` },
    ],
  },
};
