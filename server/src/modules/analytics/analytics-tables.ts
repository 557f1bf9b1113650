import type { Locale } from '../../platform/i18n/locale.js';
import type { ExportTable } from '../../platform/http/table-export.js';

/**
 * The analytics tables as downloads (`?format=csv|xlsx`): which rows of a response form which
 * table, with column headers and sheet names in the reader's language.
 */
const L = (en: string, zh: string): Record<Locale, string> => ({ 'en-US': en, 'zh-CN': zh });

const HEADERS: Record<string, Record<Locale, string>> = {
  name: L('Name', '名称'), label: L('Name', '名称'), type: L('Type', '类型'), week: L('Week', '周'), month: L('Month', '月份'),
  period: L('Period', '期间'), stage: L('Stage', '阶段'), status: L('Status', '状态'), owner: L('Owner', '负责人'),
  target: L('Target', '目标'), won: L('Won', '赢单金额'), wonCount: L('Deals won', '赢单数'), wonDeals: L('Deals won', '赢单数'),
  attainment: L('Attainment', '达成率'), gap: L('Gap', '差额'), pipeline: L('Pipeline', '管道金额'), weighted: L('Weighted', '加权金额'),
  lost: L('Lost', '输单数'), lostCount: L('Deals lost', '输单数'), winRate: L('Win rate', '赢率'), wonAmount: L('Won amount', '赢单金额'), lostAmount: L('Lost amount', '输单金额'),
  averageDealSize: L('Average deal size', '平均成交额'), salesCycleDays: L('Sales cycle (days)', '销售周期（天）'),
  entered: L('Entered', '进入数'), exited: L('Left', '离开数'), stillIn: L('Still in', '仍在阶段'), advanced: L('Advanced', '推进数'),
  averageDays: L('Average days', '平均天数'), medianDays: L('Median days', '中位天数'),
  count: L('Count', '数量'), share: L('Share', '占比'), amount: L('Amount', '金额'), currency: L('Currency', '币种'),
  conversion: L('Conversion', '转化率'), overall: L('From first step', '总转化率'), companyCount: L('Company count', '公司数量'),
  companyConversion: L('Company conversion', '公司转化率'), leakiest: L('Leaks most', '流失最多'),
  bestCase: L('Best case', '最佳情况'), commit: L('Commit', '承诺'), closed: L('Closed', '已成交'), call: L('Forecast call', '预测值'),
  adjustedCall: L('Call after adjustments', '调整后预测值'), openDeals: L('Open deals', '进行中商机'),
  accuracy: L('Accuracy', '准确率'), bias: L('Bias', '偏差系数'), currentCall: L('Current call', '当前预测值'),
  adjustedForecast: L('Accuracy-adjusted forecast', '准确率校正预测'), accuracyAdjusted: L('Accuracy-adjusted forecast', '准确率校正预测'),
  cost: L('Cost', '成本'), leads: L('Leads', '线索'), mqls: L('MQLs', 'MQL'), sqls: L('SQLs', 'SQL'), opportunities: L('Opportunities', '商机'),
  costPerLead: L('Cost per lead', '单条线索成本'), costPerMql: L('Cost per MQL', '单个 MQL 成本'), roi: L('ROI', '投资回报率'),
  daysToOpportunity: L('Days from first touch to opportunity', '首次接触到商机天数'), gapDays: L('Days MQL → SQL', 'MQL→SQL 天数'),
  visits: L('Visits', '拜访'), calls: L('Calls', '电话'), deals: L('Deals', '商机数'), overdue: L('Overdue', '逾期'),
  accountName: L('Account', '客户'), forecastCategory: L('Forecast category', '预测类别'), closeDate: L('Close date', '结单日期'),
  credit: L('Credit', '归因权重'), industry: L('Industry', '行业'), region: L('Region', '区域'),
  openPipeline: L('Open pipeline', '进行中金额'), lastActivityAt: L('Last visit or call', '最近拜访/电话'),
  subject: L('Subject', '主题'), at: L('When', '时间'), mqlAt: L('Became MQL', '成为 MQL'), sqlAt: L('Became SQL', '成为 SQL'),
  value: L('Won and open amount', '赢单及进行中金额'), lastVisitAt: L('Last visit', '最近拜访'),
  id: L('ID', 'ID'), total: L('Total', '合计'), metric: L('Metric', '指标'), done: L('Done', '已完成'),
  accounts: L('Key accounts', '重点客户数'), visited: L('Visited', '已拜访'), coverage: L('Coverage', '覆盖率'), added: L('Contacts added', '新增联系人'),
};

const SHEETS: Record<string, Record<Locale, string>> = {
  attainment: L('Attainment', '目标达成'), winRates: L('Win rates', '赢率'), velocity: L('Stage velocity', '阶段速度'),
  lossReasons: L('Loss reasons', '输单原因'), funnel: L('Funnel', '漏斗'), forecast: L('Forecast', '预测'),
  accuracy: L('Forecast accuracy', '预测准确率'), campaigns: L('Campaigns', '市场活动'), campaignTypes: L('Campaign types', '活动类型'),
  alignment: L('MQL to SQL', 'MQL 到 SQL'), reps: L('Reps', '销售'), teams: L('Teams', '团队'), repWeeks: L('Reps per week', '销售每周'),
  teamWeeks: L('Teams per week', '团队每周'), records: L('Records', '记录'), byRegion: L('By region', '按区域'), byTeam: L('By team', '按团队'),
  byProductLine: L('By product line', '按产品线'), pipeline: L('Pipeline by stage', '各阶段管道'), best: L('Best customers', '最佳客户'),
  untapped: L('Untapped customers', '待开发客户'), behaviour: L('Visits and calls', '拜访与电话'),
  coverage: L('Key-account coverage', '重点客户覆盖'), contacts: L('Contacts added', '新增联系人'), activityTargets: L('Activity targets', '活动目标'),
};

type Row = Record<string, unknown>;
type Result = Record<string, unknown>;
const rowsOf = (v: unknown) => (Array.isArray(v) ? (v as Row[]) : []);

function table(locale: Locale, sheet: string, keys: string[], rows: Row[]): ExportTable {
  return { name: SHEETS[sheet][locale], columns: keys.map((key) => ({ key, header: HEADERS[key][locale] })), rows };
}

/** A money object ({amount, currency}) as two cells. */
const flatMoney = (r: Row): Row => {
  const m = r.amount as { amount?: string; currency?: string } | null | undefined;
  return m && typeof m === 'object' ? { ...r, amount: m.amount, currency: m.currency } : r;
};
const totalRow = (locale: Locale, total: unknown, nameKey = 'label'): Row[] => (total ? [{ ...(total as Row), [nameKey]: HEADERS.total[locale] }] : []);

const FORECAST = ['pipeline', 'bestCase', 'commit', 'closed', 'weighted', 'call', 'openDeals'];
const ROI = ['cost', 'leads', 'mqls', 'sqls', 'opportunities', 'pipeline', 'wonDeals', 'won', 'costPerLead', 'costPerMql', 'roi', 'daysToOpportunity'];
const ATTAINMENT = ['name', 'target', 'won', 'wonCount', 'attainment', 'gap', 'pipeline', 'weighted'];
const STEPS = ['label', 'count', 'conversion', 'overall', 'companyCount', 'companyConversion', 'leakiest'];
const CUSTOMERS = ['name', 'industry', 'region', 'won', 'wonDeals', 'openPipeline', 'openDeals', 'lastActivityAt'];

/** Record lists (drill answers): the columns the records have. */
function recordsTable(locale: Locale, result: Result): ExportTable[] {
  const rows = rowsOf(result.records).map(flatMoney);
  const keys = ['name', 'accountName', 'industry', 'region', 'value', 'won', 'openPipeline', 'visited', 'lastVisitAt', 'lastActivityAt', 'type', 'subject', 'status', 'forecastCategory', 'amount', 'currency', 'closeDate', 'credit', 'at', 'mqlAt', 'sqlAt', 'id']
    .filter((k) => rows.some((r) => r[k] !== undefined));
  return [table(locale, 'records', keys, rows)];
}

const activityTargets = (l: Locale, rows: unknown) => table(l, 'activityTargets', ['name', 'metric', 'target', 'done', 'attainment', 'gap'], rowsOf(rows));
const forecastRows = (r: Result) => rowsOf(r.rows).map((x) => ({ ...x, label: x.label ?? x.key, adjustedCall: (x.adjusted as Row | undefined)?.call }));

export const ANALYTICS_TABLES: Record<string, (result: Result, locale: Locale) => ExportTable[]> = {
  attainment: (r, l) => [table(l, 'attainment', ATTAINMENT, rowsOf(r.rows)), activityTargets(l, r.activities)],
  winRates: (r, l) => [table(l, 'winRates', ['label', 'wonCount', 'lostCount', 'winRate', 'wonAmount', 'lostAmount', 'averageDealSize', 'salesCycleDays'],
    [...rowsOf(r.rows), ...totalRow(l, r.total)].map((x) => ({ ...x, wonCount: x.won, lostCount: x.lost })))],
  velocity: (r, l) => [table(l, 'velocity', ['name', 'entered', 'exited', 'stillIn', 'advanced', 'lost', 'averageDays', 'medianDays'], rowsOf(r.stages))],
  lossReasons: (r, l) => [table(l, 'lossReasons', ['label', 'count', 'share', 'amount'], rowsOf(r.reasons))],
  funnel: (r, l) => (r.records ? recordsTable(l, r) : [table(l, 'funnel', STEPS, rowsOf(r.steps))]),
  forecast: (r, l) => [table(l, 'forecast', ['label', ...FORECAST, 'adjustedCall'], [...forecastRows(r), ...totalRow(l, r.total)])],
  forecastAccuracy: (r, l) => [table(l, 'accuracy', ['name', 'accuracy', 'bias', 'currentCall', 'adjustedForecast'], rowsOf(r.teams))],
  campaignRoi: (r, l) => (r.records ? recordsTable(l, r) : [
    table(l, 'campaigns', ['name', 'type', ...ROI], [...rowsOf(r.campaigns), ...totalRow(l, r.total, 'name')]),
    table(l, 'campaignTypes', ['type', ...ROI], rowsOf(r.byType)),
    table(l, 'alignment', ['month', 'mqls', 'sqls', 'conversion', 'gapDays'], rowsOf((r.alignment as Row | undefined)?.months)),
  ]),
  behaviour: (r, l) => (r.records ? recordsTable(l, r) : [
    table(l, 'reps', ['name', 'visits', 'calls'], rowsOf(r.reps)),
    table(l, 'teams', ['name', 'visits', 'calls'], rowsOf(r.teams)),
    table(l, 'repWeeks', ['week', 'name', 'visits', 'calls'], rowsOf(r.repWeeks)),
    table(l, 'teamWeeks', ['week', 'name', 'visits', 'calls'], rowsOf(r.teamWeeks)),
    table(l, 'coverage', ['industry', 'accounts', 'visited', 'coverage'], rowsOf((r.coverage as Row | undefined)?.industries)),
    table(l, 'contacts', ['name', 'added'], rowsOf((r.contactsAdded as Row | undefined)?.reps)),
    activityTargets(l, r.activityTargets),
  ]),
  deals: (r, l) => recordsTable(l, r),
  customers: (r, l) => recordsTable(l, r),
  executive: (r, l) => {
    const att = (r.attainment ?? {}) as Row;
    const fc = (r.forecast ?? {}) as Row;
    return [
      table(l, 'attainment', ATTAINMENT, [...rowsOf(att.teams), ...rowsOf(att.reps)]),
      table(l, 'byRegion', ['label', ...FORECAST], rowsOf(r.byRegion)),
      table(l, 'byTeam', ['label', ...FORECAST], rowsOf(r.byTeam)),
      table(l, 'byProductLine', ['label', ...FORECAST], rowsOf(r.byProductLine)),
      table(l, 'forecast', ['period', ...FORECAST, 'accuracyAdjusted'], [fc.quarter as Row, fc.year as Row].filter(Boolean)),
      table(l, 'campaignTypes', ['type', ...ROI], rowsOf((r.campaigns as Row | undefined)?.byType)),
    ];
  },
  manager: (r, l) => [
    table(l, 'attainment', ATTAINMENT, rowsOf(r.attainment)),
    table(l, 'pipeline', ['stage', 'owner', 'deals', 'amount', 'weighted', 'overdue'], rowsOf(r.pipeline).flatMap((s) => [
      { ...s, stage: s.name, owner: HEADERS.total[l] },
      ...rowsOf(s.owners).map((o) => ({ ...o, stage: s.name, owner: o.name })),
    ])),
    table(l, 'repWeeks', ['week', 'name', 'visits', 'calls'], rowsOf((r.behaviour as Row | undefined)?.repWeeks)),
    table(l, 'coverage', ['industry', 'accounts', 'visited', 'coverage'], rowsOf(((r.behaviour as Row | undefined)?.coverage as Row | undefined)?.industries)),
    table(l, 'forecast', ['label', ...FORECAST, 'adjustedCall'], forecastRows({ rows: (r.forecast as Row | undefined)?.reps })),
    table(l, 'funnel', STEPS, rowsOf((r.funnel as Row | undefined)?.steps)),
  ],
  rep: (r, l) => [
    table(l, 'funnel', STEPS, rowsOf((r.funnel as Row | undefined)?.steps)),
    table(l, 'best', CUSTOMERS, rowsOf((r.customers as Row | undefined)?.best)),
    table(l, 'untapped', CUSTOMERS, rowsOf((r.customers as Row | undefined)?.untapped)),
  ],
};
