import type { cleanupEn, cleanupEnumsEn } from './cleanup-en.ts';

type Widen<T> = { -readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** 清理与归档搜索界面的中文文案（合并到 zh-cn.ts）。 */
export const cleanupZh: Widen<typeof cleanupEn> = {
  cleanup: {
    reason: '原因（记入审计日志）',
    merged_into: '已合并到',
    reasons: { EMAIL: '邮箱相同', PHONE: '电话相同', TAX_ID: '税号相同', NAME: '名称相同', SIMILAR_NAME: '名称相似' },
    duplicates: {
      title: '重复客户',
      detect: '检测重复',
      empty: '没有疑似重复的客户。可重新运行检测。',
      score: '相似度 %{score}%',
      merge: '合并…',
      dismiss: '不是重复',
      dismiss_title: '确认不是重复？',
      dismiss_help: '这些客户将不再被一起推荐为重复。',
      dismissed: '已忽略该组',
    },
    merge: {
      title: '合并客户',
      help: '选择保留的客户，并为每个字段选择保留谁的值。标签取并集；互动记录转到保留的客户。',
      field: '字段',
      survivor: '保留',
      result: '合并结果',
      preview: '预览',
      confirm: '合并',
      reload: '重新加载该组',
      done: '客户已合并',
      preview_summary: '%{count} 个客户将并入保留客户；转移 %{smart_count} 条互动记录',
    },
    merges: {
      title: '合并记录',
      empty: '暂无合并记录。',
      merged_at: '合并时间',
      survivor: '保留客户',
      merged: '被合并客户',
      interactions: '转移的互动',
      by: '操作人',
      state: '状态',
      in_effect: '生效中',
      undone: '已撤销 %{at}',
      unmerge: '撤销合并',
      unmerge_title: '撤销此次合并？',
      unmerge_help: '每个客户都将完全恢复原状，并带回各自的互动记录。',
      unmerged: '合并已撤销',
    },
    quality: {
      title: '数据质量',
      problem: '问题',
      all_problems: '全部问题',
      count: '%{smart_count} 个问题',
      value: '当前值',
      suggestion: '建议',
      clear: '（清空该值）',
      apply: '应用',
      dismiss: '忽略',
      apply_selected: '应用所选',
      dismiss_selected: '忽略所选',
      resolved: '已处理 %{smart_count} 个问题，%{failed} 个失败',
      empty: '未发现问题。',
    },
    normalize: {
      title: '数据规范化',
      help: '电话转为国际格式，邮箱转小写，名称和编码去除多余空格。请先预览：应用之前不会写入任何数据。',
      scope: '客户范围',
      all_active: '全部活跃客户',
      preview: '预览',
      apply: '应用',
      before: '修改前',
      after: '修改后',
      hidden: '您的角色不可见',
      summary: '已扫描 %{scanned} 个客户：%{customers} 个客户共 %{changes} 处修改。',
    },
  },
  search: {
    title: '归档搜索',
    placeholder: '名称（中文或英文）、编码、电话或邮箱片段',
    total: '%{smart_count}%{more} 条结果',
    engine: '搜索引擎：%{engine}',
    score: '得分 %{score}',
    archived_on: '归档于 %{date}（%{reason}）',
    facets: {
      type: '类型', tier: '等级', region: '地区', lifecycleStage: '生命周期阶段', tags: '标签', archiveReason: '归档原因', archivedYear: '归档年份',
    },
  },
};

export const cleanupEnumsZh: Widen<typeof cleanupEnumsEn> = {
  CleanupField: {
    NAME: '名称', TYPE: '类型', TIER: '等级', INDUSTRY: '行业', REGION: '地区', LIFECYCLE_STAGE: '生命周期阶段', OWNER: '负责人',
    EMAIL: '邮箱', PHONE: '电话', ADDRESS: '地址', TAX_ID: '税号', NOTES: '备注', TAGS: '标签', CONTACT: '联系方式', ACTIVITY: '活动',
  },
  DataQualityProblem: {
    INVALID_EMAIL: '邮箱无效', INVALID_PHONE: '电话无效', INVALID_TAX_ID: '税号无效', INVALID_CODE: '编码无效',
    NOT_NORMALIZED: '格式未规范', MISSING_CONTACT: '缺少联系方式', PLACEHOLDER: '占位值', OUTDATED: '信息过时', CONFLICTING: '信息矛盾',
  },
  SearchEngine: { POSTGRES: 'PostgreSQL', MEILISEARCH: 'Meilisearch' },
};
