/** Chinese messages of the jobs screens (merged into zh-cn.ts). */
export const jobsZhCn = {
  jobs: {
    cancel: '取消',
    cancel_requested: '已请求取消；任务将在当前批次结束后停止',
    cancelling: '正在停止',
    scheduled: '计划任务（系统）',
    classify: '划分生命周期阶段',
    classify_title: '划分生命周期阶段',
    classify_help: '在后台任务中根据活动重新计算每个客户的生命周期阶段；手动设置的阶段保持不变。',
    classify_start: '开始',
    new_days: '新客户期（创建后天数）',
    active_days: '活跃：最近互动在（天）内',
    inactive_days: '不活跃：最近互动在（天）内；更早则为流失',
    inactive_after_active: '不得小于活跃阈值',
    rotate_keys: '轮换加密密钥',
    rotate_keys_title: '用当前密钥重新加密',
    rotate_keys_help: '在后台任务中用当前加密密钥重新加密所有未使用当前密钥的税号（以及加密之前存储的税号）。任务成功后才能从 ENCRYPTION_KEY 中移除旧密钥。',
    rotate_keys_start: '开始',
  },
};
