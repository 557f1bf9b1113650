import type { Locale } from '../../platform/i18n/locale.js';
import { defineMessages, defineObjectNames, translate } from '../../platform/i18n/messages.js';
import type { MissingItem } from './exit-criteria.js';

defineObjectNames({
  opportunities: { 'en-US': 'opportunities', 'zh-CN': '商机' },
  sales_processes: { 'en-US': 'sales processes', 'zh-CN': '销售流程' },
  loss_reasons: { 'en-US': 'loss reasons', 'zh-CN': '丢单原因' },
});

export const OPPORTUNITY_MESSAGES = defineMessages({
  STAGE_GATE_UNMET: {
    'en-US': 'The deal cannot move to "{stage}" yet: {count} exit criteria are not met.',
    'zh-CN': '商机尚不能推进到“{stage}”：有 {count} 项阶段退出条件未满足。',
  },
  GATE_OVERRIDE_FORBIDDEN: {
    'en-US': 'Only a sales manager or an administrator may move a deal past unmet exit criteria.',
    'zh-CN': '只有销售经理或系统管理员可以在退出条件未满足时强制推进商机。',
  },
  GATE_OVERRIDE_DISABLED: {
    'en-US': 'This sales process does not allow moving a deal past unmet exit criteria.',
    'zh-CN': '该销售流程不允许在退出条件未满足时强制推进商机。',
  },
  CHECKLIST_ITEM_NOT_DONE: { 'en-US': 'Not done yet: {label}.', 'zh-CN': '尚未完成：{label}。' },
  REQUIRED_FIELD_MISSING: { 'en-US': 'Fill in: {field}.', 'zh-CN': '请填写：{field}。' },
  REQUIRED_DOCUMENT_MISSING: { 'en-US': 'Attach the document: {document}.', 'zh-CN': '请上传文档：{document}。' },
  NO_POWER_SPONSOR: {
    'en-US': 'No power sponsor is identified on the battle map.',
    'zh-CN': '作战地图上尚未识别权力支持者。',
  },
  POWER_SPONSOR_NOT_SUPPORTIVE: {
    'en-US': 'The power sponsor does not support us yet.',
    'zh-CN': '权力支持者尚未表态支持我们。',
  },
  POWER_SPONSOR_OPPOSES: { 'en-US': 'The power sponsor opposes us.', 'zh-CN': '权力支持者反对我们。' },
  NO_EXECUTIVE_LEVEL: {
    'en-US': 'Nobody at CFO/CEO level (decision maker or financial approver) is on the battle map.',
    'zh-CN': '作战地图上没有 CFO/CEO 层级的决策人或财务审批人。',
  },
  EXECUTIVE_NOT_COVERED: {
    'en-US': 'Nobody at CFO/CEO level has been met and accepts the deal.',
    'zh-CN': '尚未拜访到 CFO/CEO 层级的人，或其反对该项目。',
  },
  NO_SUPPORTER: { 'en-US': 'Nobody on the buying committee supports us.', 'zh-CN': '采购决策链中没有支持我们的人。' },
  BANT_INCOMPLETE: {
    'en-US': 'Qualify the deal first (BANT). Missing: {parts}.',
    'zh-CN': '请先完成商机资格认定（BANT），缺少：{parts}。',
  },
  OVERRIDE_REASON_REQUIRED: {
    'en-US': "Say why you set a probability other than the stage's.",
    'zh-CN': '修改阶段默认赢率时须填写原因。',
  },
  AMOUNT_FOLLOWS_LINE_ITEMS: {
    'en-US': 'The amount follows the line items; change the line items instead.',
    'zh-CN': '金额由产品明细汇总得出，请修改产品明细。',
  },
  DEAL_CURRENCY_MISMATCH: {
    'en-US': 'All amounts of this deal must be in {currency}.',
    'zh-CN': '该商机的所有金额必须使用 {currency}。',
  },
  PRODUCT_INACTIVE: { 'en-US': 'The product {name} is no longer sold.', 'zh-CN': '产品 {name} 已停售。' },
  UNIT_PRICE_REQUIRED: {
    'en-US': 'The product {name} has no list price in {currency}: give a unit price.',
    'zh-CN': '产品 {name} 没有 {currency} 标准价格，请填写单价。',
  },
  OPPORTUNITY_CLOSED: {
    'en-US': 'This deal is closed ({status}); reopen it first.',
    'zh-CN': '该商机已关闭（{status}），请先重新打开。',
  },
  LOSS_REASON_UNKNOWN: { 'en-US': 'Pick a loss reason from the list.', 'zh-CN': '请从列表中选择丢单原因。' },
  STAGE_NOT_IN_PROCESS: {
    'en-US': "This stage is not a stage of the deal's sales process.",
    'zh-CN': '该阶段不属于此商机的销售流程。',
  },
  STAGE_IS_TERMINAL: {
    'en-US': 'Won and lost are reached by closing the deal, not by advancing it.',
    'zh-CN': '赢单或丢单须通过“关闭商机”操作，而不是推进阶段。',
  },
  STAGE_IN_USE: {
    'en-US': '{count} deal(s) are at this stage; move them first.',
    'zh-CN': '有 {count} 个商机处于该阶段，请先将其移走。',
  },
  ONE_WON_ONE_LOST: {
    'en-US': 'A sales process has exactly one won stage and one lost stage.',
    'zh-CN': '销售流程必须有且仅有一个赢单阶段和一个丢单阶段。',
  },
  NO_OPEN_STAGE: { 'en-US': 'A sales process needs at least one open stage.', 'zh-CN': '销售流程至少需要一个进行中的阶段。' },
  TERMINAL_STAGES_LAST: {
    'en-US': 'The won and lost stages come after every open stage.',
    'zh-CN': '赢单和丢单阶段必须排在所有进行中的阶段之后。',
  },
  STAGE_KEY_DUPLICATE: { 'en-US': 'This key is already used in the process.', 'zh-CN': '该标识在流程中已被使用。' },
  CHECKLIST_ITEM_UNKNOWN: {
    'en-US': "There is no checklist item {key} in this deal's sales process.",
    'zh-CN': '此商机的销售流程中没有检查项 {key}。',
  },
  STAKEHOLDER_CYCLE: {
    'en-US': 'A stakeholder cannot report to themselves or to someone who reports to them.',
    'zh-CN': '干系人不能向自己或其下属汇报。',
  },
  REORDER_MISMATCH: {
    'en-US': 'List every stage of the process exactly once.',
    'zh-CN': '请将流程中的每个阶段恰好列出一次。',
  },
  PROCESS_INACTIVE: { 'en-US': 'This sales process is not in use any more.', 'zh-CN': '该销售流程已停用。' },
});

const FIELD_LABELS: Record<string, Record<Locale, string>> = {
  amount: { 'en-US': 'amount', 'zh-CN': '金额' },
  closeDate: { 'en-US': 'close date', 'zh-CN': '预计成交日期' },
  nextStep: { 'en-US': 'next step', 'zh-CN': '下一步' },
  competitors: { 'en-US': 'competitors', 'zh-CN': '竞争对手' },
  contacts: { 'en-US': 'contacts', 'zh-CN': '联系人' },
  lineItems: { 'en-US': 'products', 'zh-CN': '产品明细' },
  'bant.budget': { 'en-US': 'budget (BANT)', 'zh-CN': '预算（BANT）' },
  'bant.budget.approved': { 'en-US': 'budget approved (BANT)', 'zh-CN': '预算已批准（BANT）' },
  'bant.authority': { 'en-US': 'decision makers (BANT)', 'zh-CN': '决策人（BANT）' },
  'bant.need': { 'en-US': 'need (BANT)', 'zh-CN': '需求（BANT）' },
  'bant.timeline': { 'en-US': 'timeline (BANT)', 'zh-CN': '时间表（BANT）' },
  budget: { 'en-US': 'budget', 'zh-CN': '预算' },
  authority: { 'en-US': 'authority', 'zh-CN': '决策权' },
  need: { 'en-US': 'need', 'zh-CN': '需求' },
  timeline: { 'en-US': 'timeline', 'zh-CN': '时间表' },
};

export const fieldLabel = (field: string, locale: Locale) => FIELD_LABELS[field]?.[locale] ?? field;

/** A missing gate item with its message in the caller's language. */
export function describeMissing(item: MissingItem, locale: Locale): MissingItem & { message: string } {
  const params = { label: item.label ?? item.key, field: fieldLabel(item.key, locale), document: item.key };
  return { ...item, message: translate(locale, item.code, params) };
}
