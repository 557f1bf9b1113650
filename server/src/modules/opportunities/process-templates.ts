import type { Locale } from '../../platform/i18n/locale.js';
import type { ExitCriteria, StageDraft } from './exit-criteria.js';
import type { ForecastCategory } from './probability.js';

/**
 * The two ways of selling every tenant starts with: a simple product sale and the solution sale
 * (goal → solution → win the power sponsor → other key decision makers → evaluation →
 * negotiation → close). Names are given in both languages; a tenant gets them in its language.
 */
export const TEMPLATE_KEYS = ['simple', 'solution'] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

type Text = Record<Locale, string>;

interface TemplateStage {
  key: string;
  name: Text;
  probability: number;
  forecastCategory: ForecastCategory;
  isWon?: boolean;
  isLost?: boolean;
  checklist?: { key: string; label: Text }[];
  requiredFields?: ExitCriteria['requiredFields'];
  requiredDocuments?: string[];
  requiredStakeholders?: ExitCriteria['requiredStakeholders'];
}

interface Template {
  name: Text;
  description: Text;
  stages: TemplateStage[];
}

const won: TemplateStage = { key: 'won', name: { 'en-US': 'Closed won', 'zh-CN': '赢单' }, probability: 100, forecastCategory: 'closed', isWon: true };
const lost: TemplateStage = { key: 'lost', name: { 'en-US': 'Closed lost', 'zh-CN': '丢单' }, probability: 0, forecastCategory: 'omitted', isLost: true };

export const TEMPLATES: Record<TemplateKey, Template> = {
  simple: {
    name: { 'en-US': 'Simple product sale', 'zh-CN': '简单产品销售' },
    description: {
      'en-US': 'Short cycle: contact → product understanding → quote → close.',
      'zh-CN': '短周期：接洽 → 产品了解 → 报价 → 成交。',
    },
    stages: [
      {
        key: 'contact',
        name: { 'en-US': 'Contact', 'zh-CN': '初步接洽' },
        probability: 10,
        forecastCategory: 'pipeline',
        checklist: [{ key: 'first_meeting', label: { 'en-US': 'First call or visit held', 'zh-CN': '已完成首次通话或拜访' } }],
        requiredFields: ['contacts'],
      },
      {
        key: 'product_understanding',
        name: { 'en-US': 'Product understanding', 'zh-CN': '产品了解' },
        probability: 30,
        forecastCategory: 'pipeline',
        checklist: [{ key: 'product_presented', label: { 'en-US': 'Product presented or demonstrated', 'zh-CN': '已完成产品介绍或演示' } }],
        requiredFields: ['bant.need'],
      },
      {
        key: 'quote',
        name: { 'en-US': 'Quote', 'zh-CN': '报价' },
        probability: 60,
        forecastCategory: 'best_case',
        requiredFields: ['amount', 'closeDate'],
        requiredDocuments: ['quote'],
      },
      won,
      lost,
    ],
  },
  solution: {
    name: { 'en-US': 'Solution sale', 'zh-CN': '解决方案销售' },
    description: {
      'en-US': 'Complex deals over months: win the power sponsor, then the other key decision makers.',
      'zh-CN': '周期长的复杂项目：先赢得权力支持者，再覆盖其他关键决策人。',
    },
    stages: [
      {
        key: 'goal_identification',
        name: { 'en-US': 'Goal identification', 'zh-CN': '目标识别' },
        probability: 10,
        forecastCategory: 'pipeline',
        checklist: [{ key: 'goals_confirmed', label: { 'en-US': "Customer's goals and pains confirmed", 'zh-CN': '已确认客户目标与痛点' } }],
        requiredFields: ['bant.need'],
      },
      {
        key: 'solution',
        name: { 'en-US': 'Solution', 'zh-CN': '解决方案' },
        probability: 25,
        forecastCategory: 'pipeline',
        checklist: [{ key: 'solution_presented', label: { 'en-US': 'Solution vision presented', 'zh-CN': '已向客户呈现解决方案构想' } }],
        requiredFields: ['bant.budget', 'bant.timeline'],
        requiredStakeholders: ['power_sponsor_identified'],
      },
      {
        key: 'win_power_sponsor',
        name: { 'en-US': 'Win the power sponsor', 'zh-CN': '赢得权力支持者' },
        probability: 50,
        forecastCategory: 'best_case',
        requiredFields: ['bant.authority'],
        requiredStakeholders: ['power_sponsor_supports'],
      },
      {
        key: 'key_decision_makers',
        name: { 'en-US': 'Other key decision makers', 'zh-CN': '其他关键决策人' },
        probability: 60,
        forecastCategory: 'best_case',
        requiredStakeholders: ['power_sponsor_supports', 'executive_covered'],
      },
      {
        key: 'evaluation',
        name: { 'en-US': 'Evaluation: tender and final proposal', 'zh-CN': '评估：招投标与最终方案' },
        probability: 75,
        forecastCategory: 'commit',
        requiredFields: ['amount'],
        requiredDocuments: ['tender', 'final_proposal'],
      },
      {
        key: 'negotiation',
        name: { 'en-US': 'Negotiation', 'zh-CN': '商务谈判' },
        probability: 90,
        forecastCategory: 'commit',
        checklist: [{ key: 'terms_agreed', label: { 'en-US': 'Commercial terms agreed', 'zh-CN': '商务条款已达成一致' } }],
        requiredFields: ['bant.budget.approved'],
      },
      won,
      lost,
    ],
  },
};

/** The template's process and stages in one language. */
export function templateIn(key: TemplateKey, locale: Locale) {
  const template = TEMPLATES[key];
  const stages: StageDraft[] = template.stages.map((s) => ({
    key: s.key,
    name: s.name[locale],
    probability: s.probability,
    forecastCategory: s.forecastCategory,
    isWon: s.isWon ?? false,
    isLost: s.isLost ?? false,
    exitCriteria: {
      checklist: (s.checklist ?? []).map((c) => ({ key: c.key, label: c.label[locale] })),
      requiredFields: s.requiredFields ?? [],
      requiredDocuments: s.requiredDocuments ?? [],
      requiredStakeholders: s.requiredStakeholders ?? [],
    },
  }));
  return { name: template.name[locale], description: template.description[locale], stages };
}

/** The loss reasons every tenant starts with. */
export const DEFAULT_LOSS_REASONS: { key: string; labels: Text }[] = [
  { key: 'price', labels: { 'en-US': 'Price too high', 'zh-CN': '价格过高' } },
  { key: 'competitor', labels: { 'en-US': 'Lost to a competitor', 'zh-CN': '输给竞争对手' } },
  { key: 'no_budget', labels: { 'en-US': 'No budget', 'zh-CN': '客户无预算' } },
  { key: 'no_decision', labels: { 'en-US': 'No decision / project shelved', 'zh-CN': '客户未决策或项目搁置' } },
  { key: 'product_fit', labels: { 'en-US': 'Product does not fit the need', 'zh-CN': '产品不满足需求' } },
  { key: 'relationship', labels: { 'en-US': 'Decision makers not won over', 'zh-CN': '未获得关键决策人支持' } },
  { key: 'timing', labels: { 'en-US': 'Bad timing', 'zh-CN': '时机不成熟' } },
  { key: 'other', labels: { 'en-US': 'Other', 'zh-CN': '其他' } },
];
