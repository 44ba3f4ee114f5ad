import type { intakeEn } from './intake-en.ts';

/** 入库把关（issue 22）：客户表单上的重复提醒和导入向导（并入 zh-cn.ts）。 */
export const intakeZhCn: typeof intakeEn = {
  intake: {
    warning_title: '可能重复：与 %{smart_count} 个已有客户匹配 |||| 可能重复：与 %{smart_count} 个已有客户匹配',
    warn_hint: '请确认您要录入的是否是已有客户。仍可保存此客户：按钮显示为“仍然保存”。',
    blocked_hint: '查重规则不允许保存这样匹配的客户。请改为打开已有客户，或联系管理员。',
    save_anyway: '仍然保存',
    hidden_customer: '一个您无权查看的客户（属于他人）',
    likelihood: '相同的可能性 %{score}',
    list_separator: '、',
    reason: {
      EMAIL: '邮箱相同',
      PHONE: '电话相同',
      TAX_ID: '税号相同',
      NAME: '同一地区内名称相同',
      SIMILAR_NAME: '同一地区内名称相似（%{similarity}）',
    },
  },
};
