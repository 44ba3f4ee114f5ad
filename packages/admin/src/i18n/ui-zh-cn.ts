import { recordsZhCn } from './records-zh-cn.ts';
import { refusalsZhCn } from './refusals-zh-cn.ts';
import type { UiMessages } from './ui-en.ts';

/** Chinese messages of the workday polish (issue 18); the type forces ui-en.ts's keys. */
export const uiZhCn: UiMessages = {
  custos: {
    records: recordsZhCn,
    refusals: refusalsZhCn,
    ui: {
      saved_filters: '已保存的筛选',
      reason_required: '请选择原因',
      status_now: '当前状态：%{status}',
      failure_codes: { CONFLICT: '其客户代码已被其他客户使用' },
      amount_format: '金额格式如 1999.90（不能为负，最多两位小数）',
      quality_count: '共 %{count} 个问题',
      quality_selected: '已选 %{smart_count} 项',
      quality_apply_title: '应用建议的修复？',
      quality_apply_confirm: '将对 %{customers} 个客户应用 %{count} 项修复，确定吗？',
      quality_dismiss_title: '忽略这些问题？',
      quality_dismiss_confirm: '将忽略 %{customers} 个客户的 %{count} 个问题；只要值不变，就不会再列出。确定吗？',
      normalize_apply_title: '应用规范化？',
      normalize_apply_confirm: '将对 %{customers} 个客户应用 %{changes} 项修改，每项修改都会按客户记入审计日志。确定吗？',
      reasons: {
        void: '%{reason}：%{note}',
        policy: '归档策略“%{name}”',
        drill: '备份 %{backup} 的恢复演练',
        retention: '保留期已结束',
        retention_scheduled: '计划任务：保留期已结束',
        quality_scheduled: '定时数据质量统计',
        quality: '数据质量统计',
        backup_scheduled: '定时备份',
        duplicates: '重复客户检测',
        normalize: '数据规范化',
        rotate: '轮换加密密钥',
        seed: '演示数据',
        token_reuse: '登录令牌被重复使用',
        command_line: '从命令行启动',
      },
      by_policy: '由归档策略',
      reason_pairs: '%{smart_count} 对客户',
      job_units_done: '已完成：%{count} 项',
      job_failed: '任务失败。下方原始数据中有服务器的报告，可交给管理员查看。',
      schedule_off: '计划未启用：在打开“启用计划”之前，此策略不会自动运行。',
      schedule_off_short: '已关闭：打开“启用计划”后才会运行',
      drill_failed: '演练失败：打开查看详情',
      see_fields: '部分值被拒绝，请查看标出的字段。',
      discard_title: '放弃已填写的内容？',
      discard_body: '此对话框中填写的内容尚未提交，关闭后将丢失。',
      discard: '放弃',
      keep_editing: '继续编辑',
    },
  },
};
