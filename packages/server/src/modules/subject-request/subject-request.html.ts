import { SubjectLanguage } from './subject-request.enums.js';
import type { SubjectBundle } from './subject-request.bundle.js';

/**
 * The readable summary of a subject access export, in the subject's language: what is
 * held, record by record, with the same content as the JSON bundle (which stays the
 * complete copy). Field keys and codes become words here; people read words, not codes.
 */
const WORDS = {
  EN: {
    title: 'Your personal data held by us',
    intro: 'This is a copy of the personal data we hold about you, answering your request',
    received: 'Request received', due: 'Answer due', generated: 'Prepared',
    customers: 'Your records', interactions: 'Our contacts with you', merges: 'Records we combined',
    history: 'Earlier versions of your records', accessLog: 'Who looked at your records',
    none: 'None.', field: 'Field', value: 'Value', when: 'When', role: 'Staff role', what: 'What',
    archived: 'archived', live: 'current', record: 'Record', kind: 'Kind', subject: 'Subject', body: 'Details',
    amount: 'Amount', changes: 'Change', mergedAt: 'Combined on', unmergedAt: 'Separated again on',
    jsonNote: 'The complete data is in the accompanying JSON file.',
    fields: {
      code: 'Customer number', name: 'Name', type: 'Type', tier: 'Tier', industry: 'Industry', region: 'Region',
      lifecycleStage: 'Stage', email: 'Email', phone: 'Phone', address: 'Address', taxId: 'Tax / ID number', tags: 'Tags',
      notes: 'Notes', status: 'Status', createdAt: 'Created', updatedAt: 'Last changed', lastInteractionAt: 'Last contact',
      voidReason: 'Voided because', voidNote: 'Void note', voidedAt: 'Voided on', archivedAt: 'Archived on',
    } as Record<string, string>,
    actions: {
      CUSTOMER_CREATED: 'created', CUSTOMER_UPDATED: 'changed', CUSTOMER_VOIDED: 'voided', CUSTOMER_UNVOIDED: 'made valid again',
      CUSTOMER_ARCHIVED: 'archived', CUSTOMER_RESTORED: 'restored from the archive', CUSTOMER_MERGED: 'combined', CUSTOMER_UNMERGED: 'separated',
      CUSTOMER_PERSONAL_DATA_ERASED: 'personal data erased', CUSTOMER_REVERTED: 'earlier values restored', '': 'changed',
    } as Record<string, string>,
    roles: { ADMIN: 'administrator', MANAGER: 'manager', SALES: 'sales', SUPPORT: 'support', AUDITOR: 'auditor', REPORTING: 'reporting' } as Record<string, string>,
  },
  ZH_CN: {
    title: '我们持有的您的个人信息',
    intro: '这是我们持有的关于您的个人信息副本，答复您的请求',
    received: '收到请求', due: '答复期限', generated: '生成时间',
    customers: '您的记录', interactions: '我们与您的往来', merges: '已合并的记录',
    history: '记录的历史版本', accessLog: '查看过您记录的人员',
    none: '无。', field: '字段', value: '值', when: '时间', role: '员工角色', what: '内容',
    archived: '已归档', live: '当前', record: '记录', kind: '类型', subject: '主题', body: '详情',
    amount: '金额', changes: '变更', mergedAt: '合并于', unmergedAt: '撤销合并于',
    jsonNote: '完整数据见随附的 JSON 文件。',
    fields: {
      code: '客户编号', name: '姓名', type: '类型', tier: '级别', industry: '行业', region: '地区',
      lifecycleStage: '阶段', email: '电子邮箱', phone: '电话', address: '地址', taxId: '税号 / 证件号', tags: '标签',
      notes: '备注', status: '状态', createdAt: '创建时间', updatedAt: '最后修改', lastInteractionAt: '最近联系',
      voidReason: '作废原因', voidNote: '作废说明', voidedAt: '作废时间', archivedAt: '归档时间',
    } as Record<string, string>,
    actions: {
      CUSTOMER_CREATED: '创建', CUSTOMER_UPDATED: '修改', CUSTOMER_VOIDED: '作废', CUSTOMER_UNVOIDED: '取消作废',
      CUSTOMER_ARCHIVED: '归档', CUSTOMER_RESTORED: '从归档恢复', CUSTOMER_MERGED: '合并', CUSTOMER_UNMERGED: '撤销合并',
      CUSTOMER_PERSONAL_DATA_ERASED: '个人信息已删除', CUSTOMER_REVERTED: '恢复为早前的值', '': '修改',
    } as Record<string, string>,
    roles: { ADMIN: '管理员', MANAGER: '经理', SALES: '销售', SUPPORT: '客服', AUDITOR: '审计员', REPORTING: '报表' } as Record<string, string>,
  },
};

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const text = (value: unknown) => (Array.isArray(value) ? value.join(', ') : value instanceof Date ? value.toISOString() : value);

export function summaryHtml(bundle: SubjectBundle): string {
  const language = bundle.request.language === SubjectLanguage.ZH_CN ? SubjectLanguage.ZH_CN : SubjectLanguage.EN;
  const w = WORDS[language];
  const section = (title: string, body: string, count: number) => `<h2>${escape(title)} (${count})</h2>\n${count ? body : `<p>${escape(w.none)}</p>`}`;
  const table = (head: string[], rows: unknown[][]) =>
    `<table><thead><tr>${head.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((c) => `<td>${escape(text(c))}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  const fieldRows = (record: Record<string, unknown>) =>
    Object.entries(w.fields)
      .filter(([key]) => record[key] != null && !(Array.isArray(record[key]) && (record[key] as unknown[]).length === 0))
      .map(([key, label]) => [label, record[key]]);
  const customers = bundle.customers
    .map((c) => `<h3>${escape(w.record)} ${escape(c.code)} (${escape(c.store === 'ARCHIVE' ? w.archived : w.live)})</h3>${table([w.field, w.value], fieldRows(c))}`)
    .join('\n');
  const codes = new Map(bundle.customers.map((c) => [String(c.id), String(c.code)]));
  const interactions = table(
    [w.when, w.record, w.kind, w.subject, w.body, w.amount],
    bundle.interactions.map((i) => [i.occurredAt, codes.get(String(i.customerId)), i.kind, i.subject, i.body, i.amount == null ? '' : `${i.amount} ${i.currency ?? ''}`]),
  );
  const merges = table(
    [w.mergedAt, w.unmergedAt, w.record],
    bundle.merges.map((m) => [m.mergedAt, m.unmergedAt ?? '', (m.records as { code: string }[]).map((r) => r.code)]),
  );
  const history = table(
    [w.when, w.record, w.role, w.changes],
    bundle.history.map((h) => [h.at, codes.get(String(h.customerId)), w.roles[String(h.actorRole)] ?? '', w.actions[String(h.action ?? '')] ?? w.actions['']]),
  );
  const accessLog = table(
    [w.when, w.role, w.field],
    bundle.accessLog.map((a) => [a.at, w.roles[String(a.actorRole)] ?? '', w.fields[String(a.field)] ?? a.field]),
  );
  const lang = language === SubjectLanguage.ZH_CN ? 'zh-CN' : 'en';
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(w.title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}</style>
</head><body>
<h1>${escape(w.title)}</h1>
<p>${escape(w.intro)}${bundle.request.reference ? ` (${escape(bundle.request.reference)})` : ''}.</p>
<p>${escape(w.received)}: ${escape(bundle.request.receivedOn)} · ${escape(w.due)}: ${escape(bundle.request.dueOn)} · ${escape(w.generated)}: ${escape(text(bundle.generatedAt))}</p>
${section(w.customers, customers, bundle.customers.length)}
${section(w.interactions, interactions, bundle.interactions.length)}
${section(w.merges, merges, bundle.merges.length)}
${section(w.history, history, bundle.history.length)}
${section(w.accessLog, accessLog, bundle.accessLog.length)}
<p>${escape(w.jsonNote)}</p>
</body></html>
`;
}
