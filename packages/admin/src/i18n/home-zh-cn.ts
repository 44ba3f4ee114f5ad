/** Simplified Chinese messages of the home page (merged into zh-cn.ts). */
export const homeZhCn = {
  dashboard: {
    welcome: '欢迎，%{name}',
    role: '当前角色：%{role}',
    active_customers: '正常客户',
    void_customers: '已作废客户',
    interactions_30d: '近 30 天互动',
    archived_customers: '归档客户',
    jobs_active: '排队或运行中的任务',
    audit_events: '审计事件',
    recent_interactions: '最新互动',
    open_list: '查看',
    open_reports: '打开报表',
    nothing: '您的角色暂无可显示的内容。',
  },
};
