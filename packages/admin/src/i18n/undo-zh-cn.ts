/** 撤销（shared/undo.tsx）的中文文案，合并进 zh-cn.ts。 */
export const undoZhCn = {
  undo: {
    undo: '撤销',
    done: '已撤销：%{smart_count} 个客户已恢复原样',
    done_partly: '已为 %{smart_count} 个客户撤销；%{failed} 个在此后被修改，保持不变',
    normalization_hint: '作业结束后的几分钟内，您可以撤回这次规范化。',
  },
};
