/**
 * Source material for demo data other than names and places (see demo-names.ts): users,
 * industries, tags, notes and interaction texts in Chinese and English. Lists that the
 * seeder indexes as 2-D arrays in SQL must be rectangular, hence the fixed-length tuples.
 */
import { INDUSTRIES } from '../customer/customer.enums.js';

export interface DemoUser {
  email: string;
  displayName: string;
  role: 'ADMIN' | 'MANAGER' | 'SALES' | 'SUPPORT' | 'AUDITOR' | 'REPORTING';
}

export const DEMO_USERS: readonly DemoUser[] = [
  { email: 'admin@example.com', displayName: 'Admin 管理员', role: 'ADMIN' },
  { email: 'manager@example.com', displayName: 'Wang Lei 王磊', role: 'MANAGER' },
  { email: 'sales1@example.com', displayName: 'Li Na 李娜', role: 'SALES' },
  { email: 'sales2@example.com', displayName: 'Zhang Wei 张伟', role: 'SALES' },
  { email: 'support@example.com', displayName: 'Liu Yang 刘洋', role: 'SUPPORT' },
  { email: 'auditor@example.com', displayName: 'Zhao Min 赵敏', role: 'AUDITOR' },
  { email: 'reporting@example.com', displayName: 'Sun Li 孙丽', role: 'REPORTING' },
];

type Three = readonly [string, string, string];

/** Trade words per industry, used in company names so the name fits the industry. */
export const TRADE_WORDS: Record<(typeof INDUSTRIES)[number], { zh: Three; en: Three }> = {
  Retail: { zh: ['贸易', '零售', '商贸'], en: ['Traders', 'Retail', 'Stores'] },
  Software: { zh: ['科技', '软件', '信息技术'], en: ['Software', 'Systems', 'Technologies'] },
  Manufacturing: { zh: ['制造', '机械', '精密制造'], en: ['Manufacturing', 'Industries', 'Precision'] },
  Logistics: { zh: ['物流', '供应链', '货运'], en: ['Logistics', 'Freight', 'Shipping'] },
  Healthcare: { zh: ['医疗', '医药', '生物科技'], en: ['Health', 'Medical', 'Pharma'] },
  Education: { zh: ['教育', '培训', '教育科技'], en: ['Education', 'Learning', 'Academy'] },
  Energy: { zh: ['能源', '新能源', '电力'], en: ['Energy', 'Power', 'Solar'] },
  Finance: { zh: ['金融', '投资', '资产管理'], en: ['Capital', 'Finance', 'Partners'] },
  RealEstate: { zh: ['置业', '地产', '物业'], en: ['Properties', 'Realty', 'Estates'] },
  Hospitality: { zh: ['酒店管理', '餐饮', '旅游'], en: ['Hospitality', 'Hotels', 'Foods'] },
  Agriculture: { zh: ['农业', '农产品', '生态农业'], en: ['Farms', 'Agri', 'Harvest'] },
  Media: { zh: ['传媒', '文化传播', '广告'], en: ['Media', 'Studios', 'Publishing'] },
  Other: { zh: ['实业', '咨询', '服务'], en: ['Group', 'Consulting', 'Services'] },
};

/** 1-based indexes into INDUSTRIES, repeated to weight the common ones. */
export const INDUSTRY_PICKS: readonly number[] = (() => {
  const weights: Record<string, number> = { Retail: 4, Software: 4, Manufacturing: 4, Logistics: 3, Healthcare: 2, Finance: 2 };
  return INDUSTRIES.flatMap((key, i) => Array<number>(weights[key] ?? 1).fill(i + 1));
})();

/** Tags anyone may carry; lifecycle-specific ones (new customer, at-risk) are added apart. */
export const TAGS = ['vip', '重点客户', 'wholesale', '华东', '华南', 'export', 'partner', '经销商', 'distributor', 'reseller', '大客户', 'referral'] as const;
export const TAG_NEW = '新客户';
export const TAG_AT_RISK = 'at-risk';

export const NOTES_ZH = [
  '客户偏好微信沟通，工作日上午联系效果最好。',
  '年底集中采购，提前一个月跟进报价。',
  '财务审批流程较长，付款周期约60天。',
  '对价格敏感，注重售后服务响应速度。',
  '由老客户转介绍，决策人为采购总监。',
  '有意向扩大合作范围，需安排高层拜访。',
] as const;
export const NOTES_EN = [
  'Prefers email; decision maker is the head of procurement.',
  'Budget cycle closes in Q4, send quotes by October.',
  'Asked for net-60 payment terms; approved by finance.',
  'Price sensitive; values fast after-sales response.',
  'Referred by an existing customer at a trade fair.',
  'Interested in a multi-year framework agreement.',
] as const;

/** Void notes by reason, in the order of the VoidReason enum, as [zh, en]. */
export const VOID_REASONS = ['DUPLICATE', 'INVALID_DATA', 'TEST_RECORD', 'LEFT_MARKET', 'CUSTOMER_REQUEST', 'OTHER'] as const;
export const VOID_NOTES: readonly (readonly [string, string])[] = [
  ['与已有客户记录重复，已保留较早的记录。', 'Duplicate of an existing record; the older one was kept.'],
  ['联系方式无效，多次核实无果。', 'Contact details invalid; could not be verified.'],
  ['系统测试时创建的记录。', 'Created while testing the system.'],
  ['公司已注销，退出市场。', 'Company dissolved and left the market.'],
  ['客户要求删除其资料。', 'Customer asked for their data to be removed.'],
  ['其他原因，详见工单记录。', 'Other reason; see the ticket history.'],
];

export const INTERACTION_KINDS = ['CALL', 'EMAIL', 'MEETING', 'VISIT', 'ORDER', 'TICKET', 'COMPLAINT', 'NOTE'] as const;
type Kind = (typeof INTERACTION_KINDS)[number];

/** 1-based indexes into INTERACTION_KINDS in twentieths: ORDER is 3/20 = 15%. */
export const KIND_PICKS = [1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 4, 5, 5, 5, 6, 6, 7, 8, 8, 8] as const;

/** Channels per kind in tenths (a NULL slot means "not recorded"); Chinese customers use WeChat more. */
type Ten = readonly [string | null, string | null, string | null, string | null, string | null,
  string | null, string | null, string | null, string | null, string | null];
export const CHANNELS: Record<Kind, { zh: Ten; en: Ten }> = {
  CALL: { zh: ['PHONE', 'PHONE', 'PHONE', 'PHONE', 'PHONE', 'PHONE', 'WECHAT', 'WECHAT', 'WECHAT', 'PHONE'],
    en: ['PHONE', 'PHONE', 'PHONE', 'PHONE', 'PHONE', 'PHONE', 'PHONE', 'PHONE', 'PHONE', 'OTHER'] },
  EMAIL: { zh: ['EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL'],
    en: ['EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL', 'EMAIL'] },
  MEETING: { zh: ['IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'WEB', 'WEB', 'WECHAT', 'WECHAT', 'OTHER'],
    en: ['IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'WEB', 'WEB', 'WEB', 'WEB', 'OTHER'] },
  VISIT: { zh: ['IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON'],
    en: ['IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON', 'IN_PERSON'] },
  ORDER: { zh: ['WEB', 'WEB', 'WEB', 'WECHAT', 'WECHAT', 'WECHAT', 'EMAIL', 'PHONE', 'IN_PERSON', 'OTHER'],
    en: ['WEB', 'WEB', 'WEB', 'WEB', 'EMAIL', 'EMAIL', 'EMAIL', 'PHONE', 'IN_PERSON', 'OTHER'] },
  TICKET: { zh: ['WEB', 'WEB', 'WEB', 'WECHAT', 'WECHAT', 'EMAIL', 'EMAIL', 'PHONE', 'PHONE', 'OTHER'],
    en: ['WEB', 'WEB', 'WEB', 'WEB', 'EMAIL', 'EMAIL', 'EMAIL', 'PHONE', 'PHONE', 'OTHER'] },
  COMPLAINT: { zh: ['PHONE', 'PHONE', 'PHONE', 'WECHAT', 'WECHAT', 'WECHAT', 'EMAIL', 'EMAIL', 'WEB', 'IN_PERSON'],
    en: ['PHONE', 'PHONE', 'PHONE', 'PHONE', 'EMAIL', 'EMAIL', 'EMAIL', 'WEB', 'WEB', 'IN_PERSON'] },
  NOTE: { zh: [null, null, null, null, null, null, 'OTHER', 'OTHER', 'OTHER', 'OTHER'],
    en: [null, null, null, null, null, null, 'OTHER', 'OTHER', 'OTHER', 'OTHER'] },
};

type Four = readonly [string, string, string, string];
/** Subjects and bodies per kind, four each per language. ORDER and TICKET subjects get a number appended. */
export const SUBJECTS: Record<Kind, { zh: Four; en: Four }> = {
  CALL: { zh: ['电话回访', '确认报价细节', '跟进采购计划', '续约沟通'],
    en: ['Follow-up call', 'Clarified quote details', 'Discussed purchasing plan', 'Renewal call'] },
  EMAIL: { zh: ['发送产品资料', '报价单已发送', '合同条款确认', '节日问候'],
    en: ['Sent product brochure', 'Quotation sent', 'Contract terms confirmation', 'Season\'s greetings'] },
  MEETING: { zh: ['季度业务回顾', '新产品介绍会', '合作方案讨论', '年度框架协议洽谈'],
    en: ['Quarterly business review', 'New product presentation', 'Partnership proposal', 'Annual framework negotiation'] },
  VISIT: { zh: ['上门拜访', '工厂参观', '陪同高层拜访', '现场技术支持'],
    en: ['On-site visit', 'Factory tour', 'Executive visit', 'On-site technical support'] },
  ORDER: { zh: ['采购订单', '补货订单', '年度订单', '加急订单'],
    en: ['Purchase order', 'Replenishment order', 'Annual order', 'Rush order'] },
  TICKET: { zh: ['系统登录问题', '发票信息更正', '物流查询', '产品使用咨询'],
    en: ['Cannot log in', 'Invoice correction', 'Delivery status enquiry', 'Product usage question'] },
  COMPLAINT: { zh: ['交货延迟投诉', '产品质量问题', '服务态度投诉', '账单金额有误'],
    en: ['Late delivery', 'Product quality issue', 'Service complaint', 'Billing error'] },
  NOTE: { zh: ['内部备注', '客户背景信息', '竞争对手动态', '关键联系人变更'],
    en: ['Internal note', 'Customer background', 'Competitor activity', 'Key contact changed'] },
};

export const BODIES: Record<Kind, { zh: Four; en: Four }> = {
  CALL: { zh: ['客户对方案整体满意，下周提供正式报价。', '联系人出差，约定下周二再沟通。', '客户询问批量采购折扣，已转交经理审批。', '确认了交付时间和付款方式。'],
    en: ['Customer is happy with the proposal; formal quote next week.', 'Contact travelling, call again Tuesday.', 'Asked for a volume discount; escalated to the manager.', 'Confirmed delivery date and payment terms.'] },
  EMAIL: { zh: ['附件为最新产品目录及价格表，请查收。', '请确认合同第5条付款条款。', '感谢贵司一直以来的支持。', '已按要求更新报价，有效期30天。'],
    en: ['Attached is our latest catalogue and price list.', 'Please confirm the payment clause in section 5.', 'Thank you for your continued business.', 'Updated quote as requested, valid for 30 days.'] },
  MEETING: { zh: ['双方回顾了上季度合作情况，并确定下季度目标。', '客户技术团队参加，提出了集成需求。', '讨论了独家代理的可能性。', '会议纪要已发送给所有参会人。'],
    en: ['Reviewed last quarter and agreed targets for the next.', 'Their engineering team joined and raised integration needs.', 'Discussed a possible exclusive distribution deal.', 'Minutes sent to all attendees.'] },
  VISIT: { zh: ['参观了客户仓库，了解库存管理流程。', '与采购负责人面谈，关系良好。', '现场解决了设备调试问题。', '客户总经理亲自接待。'],
    en: ['Toured their warehouse to understand stock handling.', 'Met the purchasing lead in person; good relationship.', 'Resolved the equipment set-up issue on site.', 'Received by their managing director.'] },
  ORDER: { zh: ['订单已确认，预计7个工作日内发货。', '客户要求分两批交货。', '使用年度框架协议价格。', '已开具增值税专用发票。'],
    en: ['Order confirmed, ships within 7 working days.', 'Customer asked for delivery in two lots.', 'Priced under the annual framework agreement.', 'Invoice issued.'] },
  TICKET: { zh: ['已重置密码并通知客户。', '发票抬头已更正并重新开具。', '已联系物流公司核实，包裹在途。', '已发送操作手册并远程演示。'],
    en: ['Password reset and customer informed.', 'Invoice reissued with the corrected company name.', 'Checked with the carrier: parcel in transit.', 'Sent the manual and gave a remote walkthrough.'] },
  COMPLAINT: { zh: ['已致歉并承诺优先安排发货。', '安排质检部门上门检测，退换货处理中。', '已与相关同事沟通并改进服务流程。', '核实后退还多收款项。'],
    en: ['Apologised and prioritised the shipment.', 'Quality team to inspect on site; replacement under way.', 'Discussed with the team and improved the process.', 'Overcharge verified and refunded.'] },
  NOTE: { zh: ['客户明年预算预计增加20%。', '决策链：采购经理 → 财务总监 → 总经理。', '竞争对手近期报价低约10%。', '原联系人离职，新联系人为采购主管。'],
    en: ['Budget expected to grow about 20% next year.', 'Decision chain: purchasing manager, CFO, managing director.', 'A competitor recently quoted about 10% lower.', 'Our contact left; the new one is the purchasing lead.'] },
};
