/**
 * The demo tenant's sales story (see JOURNEYS.md): a catalogue, four campaigns, the leads they
 * brought, the deals of two quarters and this quarter's targets. Dates are given relative to
 * today or to a fiscal quarter, so the demo stays current whenever it is created.
 */
import type { DemoUser } from './demo-data.js';

type Owner = DemoUser['key'];

export const DEMO_PRODUCT_LINES = [
  { key: 'crm', name: '销售云 Sales Cloud', code: 'CRM' },
  { key: 'bi', name: '数据分析 Analytics', code: 'BI' },
  { key: 'svc', name: '专业服务 Services', code: 'SVC' },
] as const;

export type ProductKey = 'crmStd' | 'crmEnt' | 'mkt' | 'biPlatform' | 'cockpit' | 'implementation';

export const DEMO_PRODUCTS: { key: ProductKey; line: (typeof DEMO_PRODUCT_LINES)[number]['key']; name: string; code: string; listPrice: string; unit: string }[] = [
  { key: 'crmStd', line: 'crm', name: '销售云标准版 Sales Cloud Standard', code: 'CRM-STD', listPrice: '1800.00', unit: '用户·年 user-year' },
  { key: 'crmEnt', line: 'crm', name: '销售云企业版 Sales Cloud Enterprise', code: 'CRM-ENT', listPrice: '3600.00', unit: '用户·年 user-year' },
  { key: 'mkt', line: 'crm', name: '营销自动化模块 Marketing Automation', code: 'CRM-MKT', listPrice: '120000.00', unit: '套·年 year' },
  { key: 'biPlatform', line: 'bi', name: '数据分析平台 Analytics Platform', code: 'BI-PLAT', listPrice: '280000.00', unit: '套 licence' },
  { key: 'cockpit', line: 'bi', name: '管理驾驶舱 Executive Cockpit', code: 'BI-COCKPIT', listPrice: '80000.00', unit: '套 licence' },
  { key: 'implementation', line: 'svc', name: '实施服务 Implementation', code: 'SVC-IMPL', listPrice: '2500.00', unit: '人天 person-day' },
];

export type CampaignKey = 'tradeShow' | 'webinar' | 'searchAds' | 'caseMail';

/** Days are relative to today (negative: in the past); costs in CNY. */
export const DEMO_CAMPAIGNS: {
  key: CampaignKey; name: string; type: string; startDay: number; endDay: number; done: boolean; budget: string;
  costs: { day: number; category: string; amount: string; note: string }[];
}[] = [
  { key: 'tradeShow', name: '2026 华北智能制造博览会 North China Smart Manufacturing Expo', type: 'trade_show', startDay: -45, endDay: -43, done: true, budget: '300000.00',
    costs: [
      { day: -60, category: 'venue', amount: '150000.00', note: '展位 Booth' },
      { day: -46, category: 'materials', amount: '32000.00', note: '展台搭建与物料 Stand and print' },
      { day: -44, category: 'travel', amount: '18500.00', note: '差旅 Travel' },
    ] },
  { key: 'webinar', name: '销售数字化转型网络研讨会 Sales Digitalisation Webinar', type: 'webinar', startDay: -21, endDay: -21, done: true, budget: '30000.00',
    costs: [
      { day: -30, category: 'software', amount: '6000.00', note: '直播平台 Streaming platform' },
      { day: -25, category: 'agency', amount: '15000.00', note: '嘉宾与推广 Speakers and promotion' },
    ] },
  { key: 'searchAds', name: '百度搜索推广 Search Ads', type: 'sem', startDay: -70, endDay: 20, done: false, budget: '90000.00',
    costs: [
      { day: -40, category: 'media', amount: '30000.00', note: '上月点击费用 Last month’s clicks' },
      { day: -10, category: 'media', amount: '28000.00', note: '本月点击费用 This month’s clicks' },
    ] },
  { key: 'caseMail', name: '制造业客户案例邮件 Manufacturing Case-Study Mailing', type: 'email', startDay: -14, endDay: 14, done: false, budget: '5000.00',
    costs: [{ day: -14, category: 'software', amount: '2000.00', note: '邮件发送 Sending' }] },
];

/** The journey's ideal customer (JOURNEYS.md 2): the scoring rules the demo's marketing set up. */
export const DEMO_SCORING_RULES = [
  { name: '制造业 Manufacturing', category: 'fit', field: 'industry', operator: 'in', value: ['制造业', 'Manufacturing'], points: 20, order: 1 },
  { name: '人数 ≥ 500 Headcount ≥ 500', category: 'fit', field: 'headcount', operator: 'gte', value: 500, points: 15, order: 2 },
  { name: '决策人 Decision maker', category: 'fit', field: 'title', operator: 'contains', value: ['总监', '总经理', 'CIO', 'Director'], points: 15, order: 3 },
];

export interface LeadCompany {
  name: string; industry: string; headcount: number; province: string; city: string; region: 'north' | 'east' | 'south';
}

export const LEAD_COMPANIES: LeadCompany[] = [
  { name: '北京中科恒远自动化有限公司', industry: '制造业', headcount: 680, province: '北京', city: '北京', region: 'north' },
  { name: '天津港联供应链管理有限公司', industry: '物流', headcount: 320, province: '天津', city: '天津', region: 'north' },
  { name: '唐山钢联重工股份有限公司', industry: '制造业', headcount: 2400, province: '河北', city: '唐山', region: 'north' },
  { name: '北京博思教育咨询有限公司', industry: '教育', headcount: 60, province: '北京', city: '北京', region: 'north' },
  { name: '青岛海湾精工机械有限公司', industry: '制造业', headcount: 950, province: '山东', city: '青岛', region: 'north' },
  { name: '太原晋能信息技术有限公司', industry: '能源', headcount: 410, province: '山西', city: '太原', region: 'north' },
  { name: '北京瑞和医疗器械有限公司', industry: '医药', headcount: 230, province: '北京', city: '北京', region: 'north' },
  { name: '济南齐鲁新能源汽车零部件有限公司', industry: '制造业', headcount: 1300, province: '山东', city: '济南', region: 'north' },
  { name: '上海临港智能装备有限公司', industry: '制造业', headcount: 720, province: '上海', city: '上海', region: 'east' },
  { name: '宁波东海塑胶制品有限公司', industry: '制造业', headcount: 540, province: '浙江', city: '宁波', region: 'east' },
  { name: '杭州云栖数据服务有限公司', industry: '互联网', headcount: 150, province: '浙江', city: '杭州', region: 'east' },
  { name: '无锡太湖半导体材料有限公司', industry: '制造业', headcount: 880, province: '江苏', city: '无锡', region: 'east' },
  { name: '合肥科大讯联软件有限公司', industry: '软件', headcount: 260, province: '安徽', city: '合肥', region: 'east' },
  { name: '上海申城连锁便利有限公司', industry: '零售', headcount: 1600, province: '上海', city: '上海', region: 'east' },
  { name: '南通江海纺织集团有限公司', industry: '制造业', headcount: 3100, province: '江苏', city: '南通', region: 'east' },
  { name: '温州瓯越电器有限公司', industry: '制造业', headcount: 420, province: '浙江', city: '温州', region: 'east' },
  { name: '深圳湾区机器人有限公司', industry: '制造业', headcount: 560, province: '广东', city: '深圳', region: 'south' },
  { name: '东莞松湖电子科技有限公司', industry: '制造业', headcount: 1900, province: '广东', city: '东莞', region: 'south' },
  { name: '广州花城文旅发展有限公司', industry: '文旅', headcount: 140, province: '广东', city: '广州', region: 'south' },
  { name: '福州闽江物流有限公司', industry: '物流', headcount: 380, province: '福建', city: '福州', region: 'south' },
  { name: '佛山南海家居制造有限公司', industry: '制造业', headcount: 760, province: '广东', city: '佛山', region: 'south' },
  { name: '海口椰风旅游服务有限公司', industry: '文旅', headcount: 45, province: '海南', city: '海口', region: 'south' },
  { name: '北京星河智造科技有限公司', industry: '制造业', headcount: 820, province: '北京', city: '北京', region: 'north' },
  { name: '上海汇金融资租赁有限公司', industry: '金融', headcount: 450, province: '上海', city: '上海', region: 'east' },
];

/** Where a lead's story ends in the demo: its status, and for a converted one the deal it became. */
export type LeadStage =
  | 'new' | 'mql' | 'inbox' | 'accepted' | 'sql' | 'recycled' | 'disqualified'
  | { converted: ProductKey; quantity: number; outcome: 'won' | 'lost' | 'open'; closeInDays: number };

export interface DemoLead {
  name: string;
  title: string;
  /** Index into LEAD_COMPANIES. */
  company: number;
  campaign: CampaignKey | null;
  source: string;
  stage: LeadStage;
  /** The rep working it (inbox, accepted, SQL, converted); others stay with marketing. */
  owner?: Owner;
}

export const DEMO_LEADS: DemoLead[] = [
  // The trade show: many badge scans, the best already in sales' hands.
  { name: '高志远', title: '生产总监', company: 0, campaign: 'tradeShow', source: 'trade_show', stage: { converted: 'crmEnt', quantity: 80, outcome: 'won', closeInDays: 0 }, owner: 'rep1' },
  { name: '马晓东', title: '信息部总经理', company: 2, campaign: 'tradeShow', source: 'trade_show', stage: 'sql', owner: 'manager' },
  { name: '邓文博', title: 'CIO', company: 4, campaign: 'tradeShow', source: 'trade_show', stage: { converted: 'crmStd', quantity: 120, outcome: 'won', closeInDays: 0 }, owner: 'rep1' },
  { name: '许可', title: '采购专员', company: 7, campaign: 'tradeShow', source: 'trade_show', stage: { converted: 'cockpit', quantity: 1, outcome: 'lost', closeInDays: 0 }, owner: 'rep1' },
  { name: '韩冰', title: 'IT 总监', company: 8, campaign: 'tradeShow', source: 'trade_show', stage: { converted: 'crmEnt', quantity: 60, outcome: 'open', closeInDays: 25 }, owner: 'rep2' },
  { name: '曹雪松', title: '运营总监', company: 11, campaign: 'tradeShow', source: 'trade_show', stage: 'sql', owner: 'rep2' },
  { name: '彭丽', title: '总经理助理', company: 14, campaign: 'tradeShow', source: 'trade_show', stage: 'accepted', owner: 'rep2' },
  { name: '曾国华', title: '设备部经理', company: 16, campaign: 'tradeShow', source: 'trade_show', stage: 'mql' },
  { name: '谢婷', title: '市场专员', company: 17, campaign: 'tradeShow', source: 'trade_show', stage: 'mql' },
  { name: '罗建军', title: '厂长', company: 20, campaign: 'tradeShow', source: 'trade_show', stage: 'new' },
  { name: '梁静', title: '行政主管', company: 1, campaign: 'tradeShow', source: 'trade_show', stage: 'recycled' },
  { name: '宋宇', title: '学生', company: 3, campaign: 'tradeShow', source: 'trade_show', stage: 'disqualified' },
  { name: '唐明', title: '工艺工程师', company: 9, campaign: 'tradeShow', source: 'trade_show', stage: 'inbox', owner: 'rep2' },
  { name: '冯晓', title: '信息中心主任', company: 5, campaign: 'tradeShow', source: 'trade_show', stage: 'inbox', owner: 'rep1' },
  // The webinar: fewer, warmer.
  { name: '于洋', title: '销售总监', company: 6, campaign: 'webinar', source: 'webinar', stage: 'inbox', owner: 'rep1' },
  { name: '董倩', title: '销售运营经理', company: 12, campaign: 'webinar', source: 'webinar', stage: 'accepted', owner: 'rep2' },
  { name: '萧然', title: '数字化总监', company: 13, campaign: 'webinar', source: 'webinar', stage: { converted: 'mkt', quantity: 1, outcome: 'won', closeInDays: 0 }, owner: 'rep2' },
  { name: '程浩', title: '销售副总裁', company: 10, campaign: 'webinar', source: 'webinar', stage: 'sql', owner: 'rep2' },
  { name: '蒋欣', title: 'CRM 管理员', company: 15, campaign: 'webinar', source: 'webinar', stage: 'mql' },
  { name: '沈佳', title: '销售经理', company: 19, campaign: 'webinar', source: 'webinar', stage: 'new' },
  { name: '韦东', title: '副总经理', company: 22, campaign: 'webinar', source: 'webinar', stage: 'accepted', owner: 'rep1' },
  { name: '叶子涵', title: '市场经理', company: 18, campaign: 'webinar', source: 'webinar', stage: 'disqualified' },
  // Search ads: steady inbound, mixed quality.
  { name: '杜鹏', title: 'IT 经理', company: 1, campaign: 'searchAds', source: 'online_ads', stage: 'inbox', owner: 'rep1' },
  { name: '袁立', title: '总经理', company: 21, campaign: 'searchAds', source: 'online_ads', stage: 'disqualified' },
  { name: '潘悦', title: '销售总监', company: 23, campaign: 'searchAds', source: 'online_ads', stage: 'accepted', owner: 'rep2' },
  { name: '田甜', title: '运营专员', company: 10, campaign: 'searchAds', source: 'online_ads', stage: 'new' },
  { name: '姜涛', title: '技术总监', company: 12, campaign: 'searchAds', source: 'online_ads', stage: 'inbox', owner: 'rep2' },
  { name: '范磊', title: '采购经理', company: 15, campaign: 'searchAds', source: 'online_ads', stage: 'mql' },
  { name: '石磊', title: '经理', company: 18, campaign: 'searchAds', source: 'online_ads', stage: 'new' },
  { name: '方圆', title: 'IT 主管', company: 6, campaign: 'searchAds', source: 'online_ads', stage: 'accepted', owner: 'rep1' },
  { name: '廖凡', title: '财务经理', company: 19, campaign: 'searchAds', source: 'online_ads', stage: 'recycled' },
  { name: '邹静', title: '实习生', company: 21, campaign: 'searchAds', source: 'online_ads', stage: 'disqualified' },
  // The case-study mailing: still going out.
  { name: '熊伟', title: '生产副总', company: 9, campaign: 'caseMail', source: 'email', stage: 'new' },
  { name: '金鑫', title: '信息化主管', company: 16, campaign: 'caseMail', source: 'email', stage: 'new' },
  { name: '陆一鸣', title: '质量总监', company: 11, campaign: 'caseMail', source: 'email', stage: 'mql' },
  { name: '白雪', title: '总经理', company: 20, campaign: 'caseMail', source: 'email', stage: 'new' },
  // Referrals and the website, without a campaign.
  { name: '贺军', title: '董事长', company: 7, campaign: null, source: 'referral', stage: 'sql', owner: 'rep1' },
  { name: '顾晨', title: '信息中心主任', company: 14, campaign: null, source: 'referral', stage: 'sql', owner: 'rep2' },
  { name: '汤姆 Tom Hughes', title: 'Director of Sales', company: 13, campaign: null, source: 'website', stage: 'accepted', owner: 'rep2' },
  { name: '武斌', title: 'IT 经理', company: 5, campaign: null, source: 'website', stage: 'accepted', owner: 'rep1' },
  { name: '任芳', title: '运营经理', company: 17, campaign: null, source: 'website', stage: 'new' },
  { name: '易峰', title: '销售总监', company: 4, campaign: null, source: 'website', stage: 'sql', owner: 'rep1' },
  { name: '黎明', title: '行政经理', company: 3, campaign: null, source: 'website', stage: 'recycled' },
  { name: '江涛', title: '总经理', company: 2, campaign: null, source: 'referral', stage: 'sql', owner: 'manager' },
  { name: '柳青', title: '采购', company: 22, campaign: null, source: 'website', stage: 'disqualified' },
  { name: '邱实', title: 'CIO', company: 0, campaign: null, source: 'referral', stage: 'inbox', owner: 'rep1' },
];

/** The reasons the story's leads were returned to nurture or disqualified (cycled through). */
export const LEAD_REASONS = {
  recycled: ['明年才有预算 Budget next year', '项目延后 Project postponed'],
  disqualified: ['非目标客户 Not our customer', '个人咨询 Personal enquiry', '联系方式无效 Invalid contact details'],
};

/**
 * Deals written as history (created and, if closed, closed in the past). `account` indexes
 * DEMO_ACCOUNTS; a closed deal closes at `at` (0…1) through its quarter ('previous' or, for the
 * current one, between its first day and today) after `cycle` days; an open one was created
 * `cycle` days ago and is expected `at` through the rest of this quarter or the next.
 */
export interface HistoryDeal {
  name: string;
  account: number;
  owner: Owner;
  product: ProductKey;
  amount: string;
  stage: 'won' | 'lost' | 'contact' | 'product_understanding' | 'quote';
  quarter: 'previous' | 'current' | 'next';
  at: number;
  cycle: number;
  lossReason?: string;
}

export const HISTORY_DEALS: HistoryDeal[] = [
  // Last quarter: what the win rates, velocity and the planner's base are measured on.
  { name: '天津渤海 销售云企业版 一期', account: 1, owner: 'rep1', product: 'crmEnt', amount: '360000.00', stage: 'won', quarter: 'previous', at: 0.3, cycle: 62 },
  { name: '北京云帆 管理驾驶舱', account: 3, owner: 'rep1', product: 'cockpit', amount: '80000.00', stage: 'won', quarter: 'previous', at: 0.7, cycle: 41 },
  { name: '冀中医药 数据分析平台', account: 2, owner: 'manager', product: 'biPlatform', amount: '280000.00', stage: 'won', quarter: 'previous', at: 0.85, cycle: 95 },
  { name: '汇金租赁 销售云标准版', account: 4, owner: 'rep2', product: 'crmStd', amount: '162000.00', stage: 'won', quarter: 'previous', at: 0.5, cycle: 48 },
  { name: '纳米新材料 实施服务', account: 6, owner: 'rep2', product: 'implementation', amount: '75000.00', stage: 'won', quarter: 'previous', at: 0.9, cycle: 30 },
  { name: '星河智造 营销自动化', account: 0, owner: 'rep1', product: 'mkt', amount: '120000.00', stage: 'lost', quarter: 'previous', at: 0.6, cycle: 55, lossReason: 'competitor' },
  { name: '西溪电商 销售云标准版', account: 5, owner: 'rep2', product: 'crmStd', amount: '54000.00', stage: 'lost', quarter: 'previous', at: 0.4, cycle: 35, lossReason: 'price' },
  { name: '金陵教育 管理驾驶舱', account: 7, owner: 'rep2', product: 'cockpit', amount: '80000.00', stage: 'lost', quarter: 'previous', at: 0.8, cycle: 70, lossReason: 'no_budget' },
  // This quarter so far.
  { name: '天津渤海 数据分析平台', account: 1, owner: 'rep1', product: 'biPlatform', amount: '252000.00', stage: 'won', quarter: 'current', at: 0.4, cycle: 58 },
  { name: '冀中医药 销售云企业版', account: 2, owner: 'manager', product: 'crmEnt', amount: '540000.00', stage: 'won', quarter: 'current', at: 0.7, cycle: 88 },
  { name: 'Lumen Analytics Sales Cloud Standard', account: 11, owner: 'rep2', product: 'crmStd', amount: '43200.00', stage: 'won', quarter: 'current', at: 0.2, cycle: 26 },
  { name: '汇金租赁 管理驾驶舱', account: 4, owner: 'rep2', product: 'cockpit', amount: '72000.00', stage: 'won', quarter: 'current', at: 0.6, cycle: 40 },
  { name: '云帆物流 营销自动化', account: 3, owner: 'rep1', product: 'mkt', amount: '120000.00', stage: 'lost', quarter: 'current', at: 0.5, cycle: 45, lossReason: 'no_decision' },
  { name: '纳米新材料 销售云企业版', account: 6, owner: 'rep2', product: 'crmEnt', amount: '216000.00', stage: 'lost', quarter: 'current', at: 0.3, cycle: 60, lossReason: 'relationship' },
  // Open, expected this quarter or the next.
  { name: '星河智造 实施服务 二期', account: 0, owner: 'rep1', product: 'implementation', amount: '150000.00', stage: 'quote', quarter: 'current', at: 0.5, cycle: 34 },
  { name: '云帆物流 销售云标准版 扩容', account: 3, owner: 'rep1', product: 'crmStd', amount: '90000.00', stage: 'product_understanding', quarter: 'current', at: 0.8, cycle: 21 },
  { name: '冀中医药 管理驾驶舱', account: 2, owner: 'manager', product: 'cockpit', amount: '80000.00', stage: 'quote', quarter: 'current', at: 0.6, cycle: 27 },
  { name: '天津渤海 营销自动化', account: 1, owner: 'rep1', product: 'mkt', amount: '120000.00', stage: 'contact', quarter: 'next', at: 0.4, cycle: 9 },
  { name: '汇金租赁 数据分析平台', account: 4, owner: 'rep2', product: 'biPlatform', amount: '280000.00', stage: 'quote', quarter: 'current', at: 0.7, cycle: 50 },
  { name: '西溪电商 管理驾驶舱', account: 5, owner: 'rep2', product: 'cockpit', amount: '80000.00', stage: 'product_understanding', quarter: 'next', at: 0.3, cycle: 18 },
  { name: '金陵教育 销售云标准版', account: 7, owner: 'rep2', product: 'crmStd', amount: '36000.00', stage: 'contact', quarter: 'next', at: 0.6, cycle: 6 },
  { name: 'Lumen Analytics Implementation', account: 11, owner: 'rep2', product: 'implementation', amount: '50000.00', stage: 'product_understanding', quarter: 'current', at: 0.9, cycle: 15 },
];

/** The big deal of JOURNEYS.md 4: rep 1's at 北京星河智造 (account 0), its buying committee on the battle map. */
export const BATTLE_MAP_DEAL = {
  account: 0,
  name: '星河智造 销售云企业版 全公司推广',
  lines: [{ product: 'crmEnt' as ProductKey, quantity: 200 }, { product: 'implementation' as ProductKey, quantity: 60 }],
  closeInDays: 45,
  need: '销售过程不透明，预测偏差大 Pipeline is opaque, forecasts miss',
  /** By the account's contact index: the CIO a neutral power sponsor, the CFO not met yet, the IT manager a supportive evaluator. */
  stakeholders: [
    { contact: 0, role: 'power_sponsor', level: 'c_level', attitude: 'neutral', influence: 5, notes: '关注 ROI 与实施周期' },
    { contact: 1, role: 'financial_approver', level: 'c_level', attitude: 'neutral', influence: 4, notes: '尚未拜访 Not met yet' },
    { contact: 2, role: 'technical_evaluator', level: 'manager', attitude: 'support', influence: 3, notes: '参加过演示，认可产品' },
  ],
} as const;

/** Quotas (CNY) for the current fiscal quarter and year, and the quarter's visit and call targets. */
export const DEMO_TARGETS = {
  reps: [
    { owner: 'rep1' as Owner, quarter: '800000.00', year: '3000000.00', visits: 24, calls: 60 },
    { owner: 'rep2' as Owner, quarter: '700000.00', year: '2600000.00', visits: 20, calls: 60 },
  ],
  teams: [
    { team: 'northBeijing' as const, quarter: '1000000.00', year: '3800000.00' },
    { team: 'north' as const, quarter: '1600000.00', year: '6000000.00' },
    { team: 'east' as const, quarter: '900000.00', year: '3400000.00' },
  ],
};

/** Visits and calls over the last weeks, per account (days ago), besides the first visit and follow-up call. */
export const ACTIVITY_RHYTHM: { type: 'visit' | 'call'; daysAgo: number; subject: string; outcome: string }[] = [
  { type: 'call', daysAgo: 33, subject: '电话了解需求 / Discovery call', outcome: '客户正在评估销售管理系统' },
  { type: 'visit', daysAgo: 26, subject: '方案交流 / Solution workshop', outcome: '确认业务痛点与关键指标' },
  { type: 'call', daysAgo: 13, subject: '跟进方案反馈 / Proposal feedback', outcome: '客户提出实施周期问题' },
  { type: 'visit', daysAgo: 4, subject: '高层拜访 / Executive visit', outcome: '管理层认可项目价值' },
  { type: 'call', daysAgo: 1, subject: '确认下一步 / Next steps', outcome: '约定下周商务沟通' },
];
