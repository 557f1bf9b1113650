import { describe, expect, it } from 'vitest';
import type { Locale } from '../api/types';
import type { ScoringRuleInput } from '../api/scoring';
import type { TranslateFn } from '../i18n/i18n-context';
import { enUS } from '../i18n/messages-en-us';
import { zhCN } from '../i18n/messages-zh-cn';
import { translate } from '../i18n/translate';
import { describeCondition, describeWeighting, formatDecimal, formatPoints } from './rule-summary';

const tr = (locale: Locale): TranslateFn => (key, params) => translate({ 'en-US': enUS, 'zh-CN': zhCN }, locale, 'en-US', key, params);
type R = Pick<ScoringRuleInput, 'category' | 'field' | 'eventKind' | 'operator' | 'value'>;
const fit = (r: Partial<R>): R => ({ category: 'fit', field: 'industry', eventKind: null, operator: 'in', value: ['制造业'], ...r });
const eng = (r: Partial<R>): R => ({ category: 'engagement', field: null, eventKind: 'email_click', operator: null, value: null, ...r });

describe('describeCondition', () => {
  it.each<[R, Locale, string]>([
    [fit({ value: ['制造业', '软件'] }), 'en-US', 'Industry is any of Manufacturing, Software'],
    [fit({ value: ['制造业', '软件'] }), 'zh-CN', '行业 属于 制造业, 软件'],
    [fit({ field: 'headcount', operator: 'gte', value: 500 }), 'en-US', 'Headcount ≥ 500'],
    [fit({ field: 'registeredCapital', operator: 'between', value: [1000000, 5000000] }), 'en-US', 'Registered capital between 1000000 and 5000000'],
    [fit({ field: 'title', operator: 'contains', value: ['总监', 'CIO'] }), 'en-US', 'Job title contains any of 总监, CIO'],
    [fit({ field: 'region', operator: 'is_empty', value: null }), 'zh-CN', '大区 为空'],
    [eng({}), 'en-US', 'Every E-mail link clicked'],
    [eng({ eventKind: 'web_visit', field: 'dwellSeconds', operator: 'gte', value: 120 }), 'en-US', 'Web visit when Dwell time (s) ≥ 120'],
    [eng({ eventKind: 'web_visit', field: 'dwellSeconds', operator: 'gte', value: 120 }), 'zh-CN', '访问网站，且停留时长（秒） ≥ 120'],
  ])('%j in %s', (rule, locale, text) => {
    expect(describeCondition(rule, tr(locale), locale)).toBe(text);
  });
});

describe('describeWeighting and numbers', () => {
  it('says points per occurrence, cap and half-life', () => {
    expect(describeWeighting({ points: 5, cap: 20, halfLifeDays: 14 }, tr('en-US'))).toBe('+5 each · at most 20 · half-life 14 days');
    expect(describeWeighting({ points: -20, cap: null, halfLifeDays: null }, tr('zh-CN'))).toBe('每次 -20 · 不衰减');
  });

  it.each<[number, string]>([[20, '+20'], [-5, '-5'], [0, '0']])('points %d → %s', (n, s) => expect(formatPoints(n)).toBe(s));
  it.each<[number, string]>([[8.75, '8.8'], [5.656854, '5.7'], [3, '3']])('decimal %d → %s', (n, s) => expect(formatDecimal(n)).toBe(s));
});
