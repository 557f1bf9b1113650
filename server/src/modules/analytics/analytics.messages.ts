import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  analytics: { 'en-US': 'analytics', 'zh-CN': '分析报表' },
  targets: { 'en-US': 'targets', 'zh-CN': '业绩目标' },
});

export const ANALYTICS_MESSAGES = defineMessages({
  PERIOD_INVALID: {
    'en-US': 'Not a fiscal period: write FY2025, FY2025-Q2 or FY2025-M07.',
    'zh-CN': '不是有效的财年期间：请写成 FY2025、FY2025-Q2 或 FY2025-M07。',
  },
  TARGET_SUBJECT_REQUIRED: {
    'en-US': 'A target is for one rep or one team: give ownerId or teamId, not both.',
    'zh-CN': '目标只能针对一名销售或一个团队：请填写 ownerId 或 teamId 之一。',
  },
  TARGET_EXISTS: {
    'en-US': 'This rep or team already has a target for {period}.',
    'zh-CN': '该销售或团队在 {period} 已有目标。',
  },
  TARGET_OUTSIDE_TEAM: {
    'en-US': 'You can set targets only for the reps and teams under you; your own target is set above you.',
    'zh-CN': '只能为下属销售和下级团队设定目标；您自己的目标由上级设定。',
  },
  DRILL_STEP_UNKNOWN: { 'en-US': 'The funnel has no step "{step}".', 'zh-CN': '漏斗中没有“{step}”这一步。' },
  ADJUSTMENT_NOT_SUBORDINATE: {
    'en-US': "You can adjust only the forecast of people in your team, not your own.",
    'zh-CN': '只能调整本团队下属的预测，不能调整自己的预测。',
  },
  ADJUSTMENT_NOTE_REQUIRED: { 'en-US': 'Say why you adjust the forecast.', 'zh-CN': '请填写调整预测的原因。' },
  FUNNEL_LEADS: { 'en-US': 'Leads', 'zh-CN': '线索' },
  FUNNEL_WON: { 'en-US': 'Won', 'zh-CN': '赢单' },
  HISTORY_KIND_UNKNOWN: {
    'en-US': 'Choose what the file holds: accounts, products, sales-teams or opportunities.',
    'zh-CN': '请选择文件内容：accounts（客户）、products（产品）、sales-teams（销售团队）或 opportunities（商机）。',
  },
  HISTORY_FILE_REQUIRED: { 'en-US': 'Attach a CSV or XLSX file (field "file").', 'zh-CN': '请上传 CSV 或 XLSX 文件（字段 file）。' },
  HISTORY_OPTIONS_INVALID: { 'en-US': 'The options or the mapping are not valid JSON objects.', 'zh-CN': '选项或字段映射不是有效的 JSON 对象。' },
  HISTORY_TOO_MANY_ROWS: {
    'en-US': 'A history file may hold at most {limit} rows; split it.',
    'zh-CN': '历史数据文件最多 {limit} 行，请拆分后导入。',
  },
  HISTORY_STAGE_UNKNOWN: {
    'en-US': 'The stage "{stage}" is not a stage of the process "{process}"; map it with options.stageMapping.',
    'zh-CN': '阶段“{stage}”不属于销售流程“{process}”，请在 options.stageMapping 中映射。',
  },
  HISTORY_OWNER_UNKNOWN: {
    'en-US': 'No user named "{owner}"; import the sales teams first.',
    'zh-CN': '没有名为“{owner}”的用户，请先导入销售团队。',
  },
  HISTORY_PRODUCT_UNKNOWN: {
    'en-US': 'No product named "{product}"; import the products first.',
    'zh-CN': '没有名为“{product}”的产品，请先导入产品。',
  },
  HISTORY_ACCOUNT_REQUIRED: {
    'en-US': 'The deal has no account; give one, or set options.missingAccountName.',
    'zh-CN': '该商机没有客户，请填写客户，或设置 options.missingAccountName。',
  },
  HISTORY_DATE_INVALID: { 'en-US': 'Not a date: "{value}" (write YYYY-MM-DD).', 'zh-CN': '不是有效日期：“{value}”（格式 YYYY-MM-DD）。' },
  HISTORY_TEAM_OF: { 'en-US': 'Team {manager}', 'zh-CN': '{manager} 团队' },
  PLANNER_TARGET_REQUIRED: {
    'en-US': 'Give either a revenue target or a growth percentage, not both.',
    'zh-CN': '请填写营收目标或增长百分比之一，不能同时填写。',
  },
  HISTORY_AMOUNT_INVALID: { 'en-US': 'Not an amount: "{value}".', 'zh-CN': '不是有效金额：“{value}”。' },
});
