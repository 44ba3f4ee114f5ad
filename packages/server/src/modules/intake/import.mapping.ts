/**
 * Which customer field each column of a file fills. Headers are matched (case, spacing
 * and punctuation ignored) against the English field names and the words people use in
 * Chinese and English spreadsheets; a template remembers a mapping made for a header row.
 */

export const IMPORT_FIELDS = ['code', 'name', 'type', 'tier', 'industry', 'region', 'email', 'phone', 'address', 'taxId', 'tags', 'notes'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

const SYNONYMS: Record<ImportField, string[]> = {
  code: ['code', 'customer code', 'customer no', 'customer number', 'id', '客户编号', '客户代码', '编号', '代码'],
  name: ['name', 'customer', 'customer name', 'company', 'company name', 'account', 'account name', '名称', '客户名称', '客户', '公司', '公司名称', '企业名称', '姓名'],
  type: ['type', 'customer type', '类型', '客户类型'],
  tier: ['tier', 'level', 'grade', '等级', '级别', '客户等级'],
  industry: ['industry', 'sector', '行业', '所属行业'],
  region: ['region', 'province', 'state', 'area', '地区', '省份', '区域', '所在地区'],
  email: ['email', 'e-mail', 'mail', 'email address', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  phone: ['phone', 'telephone', 'tel', 'mobile', 'phone number', 'cell', '电话', '手机', '手机号', '联系电话', '电话号码', '手机号码'],
  address: ['address', 'street', '地址', '联系地址', '详细地址'],
  taxId: ['tax id', 'taxid', 'vat', 'vat number', 'tax number', 'uscc', '税号', '纳税人识别号', '统一社会信用代码', '信用代码'],
  tags: ['tags', 'tag', 'labels', '标签'],
  notes: ['notes', 'note', 'remarks', 'comment', 'comments', '备注', '说明'],
};

const key = (header: string) => header.normalize('NFKC').toLowerCase().replace(/[\s_\-.:：()（）*]+/gu, ' ').trim();

const BY_SYNONYM = new Map<string, ImportField>(
  (Object.entries(SYNONYMS) as [ImportField, string[]][]).flatMap(([field, words]) => [[key(field), field], ...words.map((w) => [key(w), field] as [string, ImportField])]),
);

/** Column index (as a string) → field. */
export type ColumnMapping = Record<string, ImportField>;

/** A field per header the synonyms know, each field at most once (the first column wins). */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  const used = new Set<ImportField>();
  headers.forEach((header, index) => {
    const field = BY_SYNONYM.get(key(header));
    if (field && !used.has(field)) {
      mapping[String(index)] = field;
      used.add(field);
    }
  });
  return mapping;
}

/** The same header row, whatever its spacing and case: what a template is found by. */
export function sameHeaders(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((h, i) => key(h) === key(b[i]!));
}

/** Problems with a mapping given by a client: unknown columns or fields, a field twice. */
export function mappingProblems(mapping: ColumnMapping, columns: number): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [column, field] of Object.entries(mapping)) {
    if (!/^\d+$/.test(column) || Number(column) >= columns) problems.push(`column ${column} does not exist`);
    if (!(IMPORT_FIELDS as readonly string[]).includes(field)) problems.push(`unknown field ${field}`);
    if (seen.has(field)) problems.push(`${field} is mapped twice`);
    seen.add(field);
  }
  if (!seen.has('name')) problems.push('name must be mapped');
  return problems;
}
