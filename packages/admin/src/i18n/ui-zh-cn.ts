import { refusalsZhCn } from './refusals-zh-cn.ts';
import type { UiMessages } from './ui-en.ts';

/** Chinese messages of the workday polish (issue 18); the type forces ui-en.ts's keys. */
export const uiZhCn: UiMessages = {
  custos: {
    refusals: refusalsZhCn,
    ui: {
      saved_filters: '已保存的筛选',
      reason_required: '请选择原因',
      status_now: '当前状态：%{status}',
      failure_codes: { CONFLICT: '其客户代码已被其他客户使用' },
      amount_format: '金额格式如 1999.90（不能为负，最多两位小数）',
      see_fields: '部分值被拒绝，请查看标出的字段。',
      discard_title: '放弃已填写的内容？',
      discard_body: '此对话框中填写的内容尚未提交，关闭后将丢失。',
      discard: '放弃',
      keep_editing: '继续编辑',
    },
  },
};
