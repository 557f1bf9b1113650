import type { ImportField } from '../imports/lead-fields.js';

/**
 * What each history file can hold: its fields with the header names that suggest them (the
 * imports module's mapping reads these). Values are read by history-import.service.
 */
export const HISTORY_KINDS = ['accounts', 'products', 'sales-teams', 'opportunities'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

const field = (key: string, en: string, zh: string, synonyms: string[], extra: Partial<ImportField> = {}): ImportField => ({
  key, kind: 'text', maxLength: 300, label: { 'en-US': en, 'zh-CN': zh }, synonyms: [en, zh, ...synonyms], ...extra,
});

export const HISTORY_FIELDS: Record<HistoryKind, readonly ImportField[]> = {
  accounts: [
    field('name', 'Account', '客户名称', ['account', 'account name', 'company', 'company name', '客户', '公司名称'], { required: true }),
    field('industry', 'Industry', '行业', ['sector', 'vertical', '所属行业']),
    field('headcount', 'Employees', '员工人数', ['headcount', 'employees', 'number of employees', '人数'], { kind: 'integer' }),
    field('region', 'Region', '大区', ['office location', 'office_location', 'region', 'area', 'territory', '区域']),
    field('province', 'Province', '省份', ['state', 'province']),
    field('city', 'City', '城市', ['city', 'town']),
    field('website', 'Website', '网站', ['web', 'url', 'homepage']),
    field('parentAccount', 'Parent account', '上级客户', ['subsidiary of', 'subsidiary_of', 'parent', 'parent company', '母公司']),
  ],
  products: [
    field('name', 'Product', '产品名称', ['product', 'product name', '产品'], { required: true }),
    field('code', 'Code', '产品编码', ['sku', 'product code', 'code', '编码']),
    field('productLine', 'Product line', '产品线', ['series', 'product line', 'line', 'family', '系列']),
    field('listPrice', 'List price', '标准价格', ['sales price', 'sales_price', 'price', 'list price', '价格', '单价'], { kind: 'money' }),
  ],
  'sales-teams': [
    field('name', 'Sales agent', '销售', ['sales agent', 'sales_agent', 'rep', 'sales rep', 'salesperson', 'name', '销售代表', '姓名'], { required: true }),
    field('email', 'E-mail', '邮箱', ['email', 'e-mail', 'mail'], { kind: 'email' }),
    field('manager', 'Manager', '经理', ['manager', 'sales manager', '销售经理', '主管']),
    field('team', 'Team', '团队', ['team', 'group', '小组']),
    field('region', 'Regional office', '大区', ['regional office', 'regional_office', 'region', 'office', '区域']),
  ],
  opportunities: [
    field('externalId', 'Opportunity ID', '商机编号', ['opportunity id', 'opportunity_id', 'deal id', 'id', '编号']),
    field('name', 'Opportunity', '商机名称', ['opportunity', 'opportunity name', 'deal', 'deal name', '商机']),
    field('owner', 'Sales agent', '负责人', ['sales agent', 'sales_agent', 'owner', 'rep', 'sales rep', '销售', '销售代表']),
    field('account', 'Account', '客户', ['account', 'account name', 'company', 'customer', '客户名称']),
    field('product', 'Product', '产品', ['product', 'product name', '产品名称']),
    field('stage', 'Stage', '阶段', ['deal stage', 'deal_stage', 'stage', 'status', '商机阶段', '状态'], { required: true }),
    field('createdDate', 'Created', '创建日期', ['engage date', 'engage_date', 'created', 'created date', 'open date', '创建时间']),
    field('closeDate', 'Close date', '结单日期', ['close date', 'close_date', 'closed', 'closed date', '成交日期', '预计成交日期']),
    field('amount', 'Amount', '金额', ['close value', 'close_value', 'amount', 'value', 'deal value', '商机金额', '成交金额'], { kind: 'money' }),
    field('currency', 'Currency', '币种', ['currency', '货币']),
    field('lossReason', 'Loss reason', '输单原因', ['loss reason', 'lost reason', '丢单原因']),
  ],
};
