/**
 * The one catalogue of server messages: each English template (as the code writes it,
 * `{name}` where a value goes) with its Simplified Chinese translation. Clients get codes
 * and field keys to act on; these words are for people reading an error.
 *
 * test/localized-messages.test.ts reads every message the source can produce and fails
 * for one missing here, and fails when the two sides of an entry differ in placeholders.
 * Field keys, ids, codes and enum values stay as they are inside a translation: they are
 * what clients match on.
 */

/** One sentence per public error code: what a message the catalogue does not know says
 * before its original detail (graphql-js validation, an Apollo request error). */
export const CODE_MESSAGES: Record<string, { en: string; zh: string }> = {
  UNAUTHENTICATED: { en: 'Sign in first', zh: '请先登录' },
  TOO_MANY_REQUESTS: { en: 'Too many requests; try again later', zh: '请求过多，请稍后再试' },
  FORBIDDEN: { en: 'Your role may not do this', zh: '您的角色无权执行此操作' },
  NOT_FOUND: { en: 'Not found', zh: '未找到' },
  BAD_USER_INPUT: { en: 'Invalid input', zh: '输入无效' },
  CONFLICT: { en: 'Someone else changed this record since you read it', zh: '此记录在您读取后已被他人修改' },
  INVALID_STATE: { en: 'This is not possible in the record\u2019s current state', zh: '记录当前的状态不允许此操作' },
  INTERNAL_SERVER_ERROR: { en: 'Internal server error', zh: '服务器内部错误' },
  SEARCH_UNAVAILABLE: { en: 'Search is unavailable right now', zh: '搜索暂时不可用' },
  GRAPHQL_PARSE_FAILED: { en: 'The GraphQL document does not parse', zh: 'GraphQL 文档有语法错误' },
  GRAPHQL_VALIDATION_FAILED: { en: 'The GraphQL document does not fit the schema', zh: 'GraphQL 文档与模式不符' },
  OPERATION_NOT_REGISTERED: { en: 'This operation is not registered', zh: '此操作未登记' },
};

/** Values inside a message that are words rather than keys: the verbs of lifecycle
 * refusals ("Cannot archive a customer whose status is VOID"). */
export const PARAM_WORDS: Record<string, string> = {
  archive: '归档',
  restore: '恢复',
  void: '作废',
  unvoid: '取消作废',
  purge: '清除',
  edit: '编辑',
  maintain: '维护',
  merge: '合并',
  unmerge: '撤销合并',
  comply: '依法处理',
};

export const ZH: Record<string, string> = {
  // Common: input, paging, scalars
  'Invalid input ({fields})': '输入无效（{fields}）',
  'use either first or last, not both': 'first 与 last 只能用其一',
  'use either after or before, not both': 'after 与 before 只能用其一',
  'must not be negative': '不能为负数',
  'At most {max} items per page': '每页最多 {max} 条',
  'must be at most {max}': '不能大于 {max}',
  'at most {max}': '最多 {max}',
  'at most {max} characters': '最多 {max} 个字符',
  'The cursor is malformed or belongs to another sort order': '游标格式错误，或属于另一种排序',
  'invalid cursor': '游标无效',
  'must not contain the NUL character (\\u0000)': '不能包含 NUL 字符（\\u0000）',
  'must not contain a lone UTF-16 surrogate (not valid Unicode)': '不能包含孤立的 UTF-16 代理项（不是有效的 Unicode）',
  'cannot be null': '不能为 null',
  'must be ids': '必须是 id',
  'must be a user id': '必须是用户 id',
  'must be user ids': '必须是用户 id',
  'must be a customer id': '必须是客户 id',
  'must be customer ids': '必须是客户 id',
  'must be policy ids': '必须是策略 id',
  'must be in the future': '必须是将来的时间',
  'must not be in the future': '不能是将来的时间',
  'must be between 0 and {max}': '必须在 0 到 {max} 之间',
  'already in use': '已被使用',
  'already exists': '已存在',
  'stale version': '版本已过期',
  'DateTime must be a string': 'DateTime 必须是字符串',
  'DateTime must be an RFC 3339 timestamp with a time zone, e.g. 2026-01-31T09:30:00Z': 'DateTime 必须是带时区的 RFC 3339 时间，例如 2026-01-31T09:30:00Z',
  'DateTime {value} is not a real RFC 3339 date and time (no such day, time or offset)': 'DateTime {value} 不是真实存在的 RFC 3339 日期时间（没有这一天、时刻或时差）',
  'DateTime must lie within {range}': 'DateTime 必须在 {range} 范围内',
  'Decimal must be a number with at most 12 integer digits and 2 decimals, e.g. "1999.90"': 'Decimal 必须是最多 12 位整数和 2 位小数的数字，例如 "1999.90"',
  'Decimal must be a string': 'Decimal 必须是字符串',
  'Internal server error': '服务器内部错误',

  // Field rules written on input types (class-validator's own wording, and ours)
  '{property} must be shorter than or equal to {max} characters': '{property} 不能超过 {max} 个字符',
  'each value in {property} must be shorter than or equal to {max} characters': '{property} 的每个值不能超过 {max} 个字符',
  '{property} must be longer than or equal to {min} characters': '{property} 至少需要 {min} 个字符',
  'each value in {property} must be longer than or equal to {min} characters': '{property} 的每个值至少需要 {min} 个字符',
  '{property} must not be greater than {max}': '{property} 不能大于 {max}',
  '{property} must not be less than {min}': '{property} 不能小于 {min}',
  '{property} must be an email': '{property} 必须是电子邮件地址',
  '{property} must match {pattern} regular expression': '{property} 必须符合正则表达式 {pattern}',
  'each value in {property} must match {pattern} regular expression': '{property} 的每个值必须符合正则表达式 {pattern}',
  '{property} must contain no more than {max} elements': '{property} 最多包含 {max} 项',
  '{property} must contain at least {min} elements': '{property} 至少包含 {min} 项',
  '{property} must be one of the following values: {values}': '{property} 必须是以下值之一：{values}',
  'each value in {property} must be one of the following values: {values}': '{property} 的每个值必须是以下值之一：{values}',
  '{property} must be an integer number': '{property} 必须是整数',
  'nested property {property} must be either object or array': '嵌套属性 {property} 必须是对象或数组',
  'reason must not be blank': 'reason 不能为空',
  'name must not be blank': 'name 不能为空',
  'note must not be blank': 'note 不能为空',
  'subject must not be blank': 'subject 不能为空',
  'displayName must not be blank': 'displayName 不能为空',
  'code must be 1–32 letters, digits, - or _': 'code 必须是 1–32 个字母、数字、- 或 _',
  'email must be a valid email address': 'email 必须是有效的电子邮件地址',
  'phone must be a phone number such as +86 138 0013 8000': 'phone 必须是电话号码，例如 +86 138 0013 8000',
  'region must be an ISO 3166-2 code such as CN-SH or US-CA': 'region 必须是 ISO 3166-2 代码，例如 CN-SH 或 US-CA',
  'each region must be an ISO 3166-2 code such as CN-SH': '每个 region 必须是 ISO 3166-2 代码，例如 CN-SH',
  'industry must be one of {values}': 'industry 必须是以下之一：{values}',
  'each industry must be one of {values}': '每个 industry 必须是以下之一：{values}',
  'each tag must be 1–40 characters without leading or trailing spaces': '每个标签必须是 1–40 个字符，且首尾无空格',
  'name must be 1–40 characters without leading or trailing spaces': 'name 必须是 1–40 个字符，且首尾无空格',
  'newName must be 1–40 characters without leading or trailing spaces': 'newName 必须是 1–40 个字符，且首尾无空格',
  'color must look like #1a2b3c': 'color 必须形如 #1a2b3c',
  'currency must be an ISO 4217 code such as CNY': 'currency 必须是 ISO 4217 代码，例如 CNY',
  'password must be 10–200 characters': 'password 必须是 10–200 个字符',

  // Sign-in and users
  'Sign in first: send Authorization: Bearer <token>': '请先登录：请发送 Authorization: Bearer <token>',
  'The token is invalid or expired; sign in again': '令牌无效或已过期，请重新登录',
  'Email or password is incorrect': '电子邮件或密码不正确',
  'User {id} was not found': '未找到用户 {id}',
  'Another user already has this email': '已有其他用户使用此电子邮件',
  'The last enabled ADMIN cannot be disabled or demoted': '不能停用或降级最后一个启用的 ADMIN',
  'Too many failed attempts: wait {wait} before trying again': '失败次数过多：请等待 {wait}后再试',
  'Too many failed attempts from your address: locked for {wait}': '来自您地址的失败次数过多：已锁定 {wait}',
  'Too many failed attempts: sign-in with this email is locked for {wait}, or until an administrator unlocks it': '失败次数过多：此电子邮件的登录已锁定 {wait}，或直到管理员解锁',
  'The server is busy signing others in: try again in {wait}': '服务器正忙于处理其他登录：请在 {wait}后再试',
  'Too many requests without a token from your address: try again in {wait}': '来自您地址的未登录请求过多：请在 {wait}后再试',
  '{n} seconds': '{n} 秒',
  '{n} minutes': '{n} 分钟',
  'no such user': '没有此用户',

  // Permissions
  'Your role may not perform {action}': '您的角色无权执行 {action}',
  'Your role may not write {fields}; nothing was changed': '您的角色无权写入 {fields}；未做任何更改',
  'not writable for your role': '您的角色无权写入',
  'Your role may not read {field}': '您的角色无权读取 {field}',
  'Your role may not sort or filter by {field}': '您的角色无权按 {field} 排序或筛选',
  'This server runs registered operations only; this document is not in the registry': '此服务器只运行已登记的操作；此文档未登记',

  // Customer history
  'History entry {seq} of this customer has no kept values to revert to': '此客户的历史条目 {seq} 没有可恢复的保存值',
  'no kept values': '没有保存的值',
  'These fields cannot be reverted: {fields}': '这些字段不能恢复：{fields}',
  'not revertible': '不可恢复',
  'This history entry changed no field that can be reverted': '此历史条目未更改任何可恢复的字段',
  'must be a history entry number': '必须是历史条目编号',

  // Customers and interactions
  'Customer {id} was not found': '未找到客户 {id}',
  'Customer {id} changed since it was read': '客户 {id} 在读取后已被修改',
  'Someone else changed this customer since you read it; reload and apply your change again': '此客户在您读取后已被他人修改；请重新加载后再次修改',
  'Another customer already uses this code': '已有其他客户使用此代码',
  'A customer with status {status} cannot be edited': '状态为 {status} 的客户不能编辑',
  'Interactions can only be logged for ACTIVE customers; this one is {status}': '只能为 ACTIVE 客户记录互动；此客户为 {status}',
  'no such customer': '没有此客户',
  'no such live customer': '没有此在用客户',
  'is required for an ORDER': 'ORDER 必须填写',
  'is required with a currency': '填写货币时必须填写',
  'is required with an amount': '填写金额时必须填写',
  'exact tax id lookup is only offered by the customers and archivedCustomers lists': '只有 customers 和 archivedCustomers 列表提供税号精确查找',
  'segments cannot be used in this list': '此列表不能使用分群',

  // Lifecycle: void, archive, restore, purge
  'Cannot {action} a customer whose status is {status}': '不能{action}状态为 {status} 的客户',
  'Archived customer {id} was not found': '未找到已归档客户 {id}',
  'Archived customer {id} no longer matches its checksum; it was not restored. Run archive:verify and investigate': '已归档客户 {id} 与其校验和不再一致，未予恢复。请运行 archive:verify 并调查',
  'Archived customer {id} no longer matches its checksum and was not restored; run the archive verification': '已归档客户 {id} 与其校验和不再一致，未予恢复；请运行归档校验',
  'Cannot restore customer {id}: its code {code} is now used by another customer': '不能恢复客户 {id}：其代码 {code} 现已被其他客户使用',
  'Cannot archive customer {id}: an archived customer also holds its code {code}; run the archive verification': '不能归档客户 {id}：已有一个已归档客户使用其代码 {code}；请运行归档校验',
  'Customer {id} is under legal hold and cannot be purged': '客户 {id} 处于法律保留中，不能清除',
  'The confirmation does not match the customer code': '确认内容与客户代码不符',
  "must equal the customer's code": '必须与客户代码相同',
  'At most {max} ids per call; use an archive policy for more': '每次最多 {max} 个 id；更多请使用归档策略',
  'explain the reason when it is OTHER': '原因为 OTHER 时请说明',

  // Archive policies and jobs
  'Archive policy {id} was not found': '未找到归档策略 {id}',
  'no such policy': '没有此策略',
  'Someone else changed this policy since you read it; reload and apply your change again': '此策略在您读取后已被他人修改；请重新加载后再次修改',
  'Another archive policy already uses this name': '已有其他归档策略使用此名称',
  'A run of this policy is already queued or running (job {job})': '此策略已有一次运行在排队或进行中（作业 {job}）',
  'only ACTIVE and VOID customers can be archived': '只有 ACTIVE 和 VOID 客户可以归档',
  'needs VOID in status (only voided customers have a void date)': 'status 中需要包含 VOID（只有已作废客户才有作废日期）',
  'give at least one condition; an empty rule would archive every customer': '请至少给出一个条件；空规则会归档所有客户',
  'is required when action is ARCHIVE_INTERACTIONS': 'action 为 ARCHIVE_INTERACTIONS 时必须填写',
  'only applies when action is ARCHIVE_INTERACTIONS': '仅在 action 为 ARCHIVE_INTERACTIONS 时适用',
  'only applies when action is ARCHIVE_CUSTOMERS': '仅在 action 为 ARCHIVE_CUSTOMERS 时适用',
  'give either id (a saved policy) or criteria (an unsaved rule)': '请给出 id（已保存的策略）或 criteria（未保存的规则）之一',
  'no such segment': '没有此分群',
  'must be a cron expression with 5 fields (minute hour day-of-month month day-of-week), e.g. "0 3 * * *"': '必须是 5 个字段的 cron 表达式（分 时 日 月 星期），例如 "0 3 * * *"',
  'is not a valid cron expression: {detail}': '不是有效的 cron 表达式：{detail}',
  'must be greater than activeDays ({days})': '必须大于 activeDays（{days}）',
  'Job {id} was not found': '未找到作业 {id}',
  'no such job': '没有此作业',
  'The job has already finished ({state}); there is nothing to cancel': '作业已结束（{state}）；无可取消',
  'A {kind} job is already queued or running (job {job})': '已有一个 {kind} 作业在排队或进行中（作业 {job}）',

  // Reports and exports
  'give one to four different dimensions': '请给出一到四个不同的维度',
  'must be after from': '必须晚于 from',
  'a {bucket} report covers at most {days} days': '{bucket} 报表最多覆盖 {days} 天',
  'must be an IANA time zone such as Asia/Shanghai': '必须是 IANA 时区，例如 Asia/Shanghai',
  'unknown time zone {zone}': '未知时区 {zone}',
  'This download link is unknown, expired or already used; start the export again': '此下载链接未知、已过期或已使用；请重新导出',
  'A {resource} export takes only its own filter': '{resource} 导出只接受它自己的筛选条件',
  'not a filter for {resource}': '不是 {resource} 的筛选条件',
  'your role may read none of its columns': '您的角色不能读取其中任何一列',

  // Search
  'Archive search is unavailable right now (the search engine does not answer); changes are kept and indexed when it is back': '归档搜索暂时不可用（搜索引擎无应答）；更改已保存，恢复后会建立索引',
  'At most {max} hits per page': '每页最多 {max} 条结果',
  'The search query is longer than {max} characters': '搜索内容超过 {max} 个字符',
  'The cursor does not come from this search': '游标不属于此次搜索',
  'A reindex is already queued or running (job {job})': '重建索引已在排队或进行中（作业 {job}）',
  'segment "{name}" filters on {fields}, which archive search cannot apply; search LIVE customers with it instead': '分群“{name}”按 {fields} 筛选，归档搜索无法应用；请改用它搜索 LIVE 客户',
  'segment "{name}" lists {statuses} customers, which are never archived': '分群“{name}”列出的是 {statuses} 客户，这些客户从不归档',

  // Cleanup: merges, duplicates, data quality
  'Merge {id} was not found': '未找到合并 {id}',
  'Duplicate group {id} was not found': '未找到重复组 {id}',
  'Customer {id} has status {status}; only ACTIVE customers can be merged': '客户 {id} 的状态为 {status}；只有 ACTIVE 客户可以合并',
  'Merge {id} cannot be undone exactly: {blockers}': '合并 {id} 无法精确撤销：{blockers}',
  'An issue has no suggested fix; dismiss it or edit the customer': '有问题没有建议的修正；请忽略它或编辑客户',
  'has no suggestion to apply': '没有可应用的建议',
  'must be distinct and must not contain the survivor': '必须互不相同，且不能包含保留的客户',
  'must be the survivor or a merged customer': '必须是保留的客户或被合并的客户',
  '{field} cannot be picked': '{field} 不能选取',
  '{field} is picked twice': '{field} 被选取了两次',
  'give the version you read of every party (missing: {ids})': '请给出您读取的每一方的版本（缺少：{ids}）',
  'unknown reason {reasons} (one of {allowed})': '未知原因 {reasons}（应为 {allowed} 之一）',
  'issues page forward only (first/after)': '问题只能向后翻页（first/after）',
  'Customer {id} no longer has {problem} on {field}': '客户 {id} 的 {field} 已不再有 {problem}',
  'only ACTIVE and VOID customers are normalized': '只有 ACTIVE 和 VOID 客户会被规范化',

  // Intake: duplicate rules on create, update and import
  '{kind}: matches {count} existing customer(s), and the duplicate rule blocks it': '{kind}：与 {count} 个现有客户匹配，重复规则禁止此写入',
  'Refused: an existing customer matches by {kinds}, and the duplicate rule for it blocks the write': '已拒绝：有现有客户按 {kinds} 匹配，且该类重复规则禁止此写入',

  // Classification: tags and segments
  'Tag "{tag}" was not found': '未找到标签“{tag}”',
  'Tag "{tag}" already exists': '标签“{tag}”已存在',
  'The filter matches more than {max} customers; narrow it down or use an archive policy': '筛选条件匹配超过 {max} 个客户；请缩小范围或使用归档策略',
  'matches more than {max} customers': '匹配超过 {max} 个客户',
  'give tags to add or to remove': '请给出要添加或移除的标签',
  'cannot add and remove the same tag ({tags})': '不能同时添加和移除同一标签（{tags}）',
  'only ACTIVE customers can be tagged': '只有 ACTIVE 客户可以加标签',
  'Segment {id} was not found': '未找到分群 {id}',
  'Someone else changed this segment since you read it; reload it': '此分群在您读取后已被他人修改；请重新加载',
  'Another segment already has this name': '已有其他分群使用此名称',
  'The segment is used by archive policies ({policies}); change them first': '此分群被归档策略使用（{policies}）；请先修改这些策略',
  'a segment cannot contain another segment': '分群不能包含另一个分群',
  'give the version you read': '请给出您读取的版本',

  // Subscriptions
  'Only subscriptions are served over WebSocket; send queries and mutations over HTTP': 'WebSocket 上只提供订阅；查询和变更请通过 HTTP 发送',
  'The subscription fell more than {max} changes behind; subscribe again and refetch': '订阅落后超过 {max} 条变更；请重新订阅并重新获取数据',

  // Backups (restore runs from the command line; a drill reports through jobs)
  'Backup {id} was not found': '未找到备份 {id}',
  'no such backup': '没有此备份',
  'The backup is refused: {why}': '备份被拒绝：{why}',
  'The backup comes from a newer Custos (unknown migrations: {migrations}); restore it with that version or later': '备份来自更新版本的 Custos（未知迁移：{migrations}）；请用该版本或更新版本恢复',
  'The target database is not empty ({table} has rows); restore only into an empty database': '目标数据库不为空（{table} 有数据）；只能恢复到空数据库',
  'The backup has file format {version}, newer than this Custos reads; restore it with a newer version': '备份的文件格式为 {version}，比此 Custos 能读取的更新；请用更新版本恢复',
  'The backup is refused, nothing was written: it holds encrypted values the target cannot decrypt ({problems}){hint}. Set ENCRYPTION_KEY to the key ring of the database the backup was taken from (it must contain {ids}) and restore again':
    '备份被拒绝，未写入任何内容：其中的加密值无法在目标上解密（{problems}）{hint}。请将 ENCRYPTION_KEY 设为备份来源数据库的密钥环（必须包含 {ids}），然后再次恢复',

  // Encryption at rest (answered as internal errors; the operator's remedy is in the words)
  '{column} of {where} is encrypted under key "{key}", which ENCRYPTION_KEY does not contain: no key with id "{id}" in ENCRYPTION_KEY (the value itself is intact); add that key back, after the current one':
    '{where} 的 {column} 以密钥“{key}”加密，而 ENCRYPTION_KEY 中没有它：ENCRYPTION_KEY 中没有 id 为“{id}”的密钥（值本身完好）；请把该密钥加回，放在当前密钥之后',
  '{column} of {where} failed authenticated decryption under key "{key}": the value was altered (tampered) or copied from another column. If every value under "{id}" fails, ENCRYPTION_KEY holds a different key under that id than the one they were written with':
    '{where} 的 {column} 在密钥“{key}”下认证解密失败：值被篡改，或是从另一列复制而来。如果“{id}”下的每个值都失败，说明 ENCRYPTION_KEY 中该 id 对应的密钥不是写入时所用的密钥',
  'No blind-index key for "{key}"': '没有“{key}”的盲索引密钥',

  // graphql-js and GraphQL Armor: the frequent ones (others get the code's sentence)
  'Syntax Error: {detail}': '语法错误：{detail}',
  'Syntax Error: Query depth limit of {max} exceeded, found {found}.': '语法错误：查询深度超过上限 {max}，实际为 {found}。',
  'Syntax Error: Aliases limit of {max} exceeded, found {found}.': '语法错误：别名数量超过上限 {max}，实际为 {found}。',
  'Syntax Error: Query Cost limit of {max} exceeded, found {found}.': '语法错误：查询开销超过上限 {max}，实际为 {found}。',
  'Syntax Error: Directives limit of {max} exceeded, found {found}.': '语法错误：指令数量超过上限 {max}，实际为 {found}。',
  'Cannot query field "{field}" on type "{type}".': '类型“{type}”上没有字段“{field}”。',
  'Cannot query field "{field}" on type "{type}". Did you mean {suggestions}?': '类型“{type}”上没有字段“{field}”。您是否要查询 {suggestions}？',
  'Variable "{name}" got invalid value {value}; {detail}': '变量“{name}”的值 {value} 无效：{detail}',
  'Variable "{name}" of required type "{type}" was not provided.': '未提供必填变量“{name}”（类型“{type}”）。',
  'Variable "{name}" of non-null type "{type}" must not be null.': '非空变量“{name}”（类型“{type}”）不能为 null。',
  'Field "{field}" argument "{argument}" of type "{type}" is required, but it was not provided.': '字段“{field}”缺少必填参数“{argument}”（类型“{type}”）。',
};
