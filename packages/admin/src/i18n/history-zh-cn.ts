import type { historyEn } from './history-en.ts';

/** 客户“历史”卡片的中文消息（议题 21；并入 zh-cn.ts）。 */
export const historyZhCn: typeof historyEn = {
  history: {
    title: '历史',
    empty: '尚未保存此客户的历史。',
    system: '系统',
    by: '操作人：%{name}',
    hidden: '您的角色无权查看',
    from_log: '数值取自审计日志（已遮盖）；早于保存的历史。',
    revert: '恢复',
    revert_field: '恢复%{field}',
    revert_all: '撤销此更改',
    revert_title: '撤销更改',
    revert_intro: '恢复此更改之前的值：%{fields}。客户须为有效状态，且自您打开后未被修改。',
    reason: '原因（记入审计日志）',
    reverted: '已撤销更改',
    archived_note: '已归档：请先恢复客户，再撤销更改。',
  },
};
