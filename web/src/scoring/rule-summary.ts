import type { Locale } from '../api/types';
import type { RuleValue, ScoringRuleInput } from '../api/scoring';
import type { TranslateFn } from '../i18n/i18n-context';
import { INDUSTRIES } from '../shared/industries';
import { labelOf, type LabelledValue } from '../shared/labelled-options';
import { PROVINCES, REGIONS } from '../shared/regions';
import { ENGAGEMENT_KINDS, fieldOf, OPERATOR_LABELS } from './rule-vocabulary';

/** Stored values shown with their label in the UI language (制造业 → Manufacturing). */
const VALUE_LISTS: Readonly<Record<string, readonly LabelledValue[]>> = {
  industry: INDUSTRIES,
  region: REGIONS,
  province: PROVINCES,
};

/** Suggestions for a field's values (industries, regions, provinces), labelled in the UI language. */
export function valueOptions(field: string | null, locale: Locale): { value: string; label: string }[] {
  const list = field ? VALUE_LISTS[field] : undefined;
  return list ? list.map((item) => ({ value: item.value, label: item.label[locale] })) : [];
}

export function formatValue(field: string | null, value: RuleValue | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '';
  const list = field ? VALUE_LISTS[field] : undefined;
  const one = (v: string | number) => (list && typeof v === 'string' ? labelOf(list, v, locale) : String(v));
  if (Array.isArray(value)) return value.map(one).join(', ');
  return one(value);
}

/** Signed points: +20, -5, 0. */
export const formatPoints = (points: number) => (points > 0 ? `+${points}` : String(points));

type RuleText = Pick<ScoringRuleInput, 'category' | 'field' | 'eventKind' | 'operator' | 'value'>;

/** The condition of a rule in words: "Industry is any of Manufacturing, Software", "Web visit · Dwell time (s) ≥ 120". */
export function describeCondition(rule: RuleText, t: TranslateFn, locale: Locale): string {
  const field = fieldOf(rule.category, rule.field);
  const fieldLabel = field ? t(field.labelKey) : (rule.field ?? '');
  const condition = rule.operator
    ? rule.operator === 'between' && Array.isArray(rule.value)
      ? t('scoring.summary.between', { field: fieldLabel, min: String(rule.value[0]), max: String(rule.value[1]) })
      : t('scoring.summary.condition', {
          field: fieldLabel,
          operator: t(OPERATOR_LABELS[rule.operator]),
          value: formatValue(rule.field, rule.value, locale),
        }).trim()
    : '';
  if (rule.category === 'fit') return condition;
  const kind = ENGAGEMENT_KINDS.find((k) => k.key === rule.eventKind);
  const kindLabel = kind ? t(kind.labelKey) : (rule.eventKind ?? '');
  return condition ? t('scoring.summary.engagementWhen', { kind: kindLabel, condition }) : t('scoring.summary.engagementEvery', { kind: kindLabel });
}

/** An engagement rule's weighting: "+5 each · at most 20 · half-life 14 days". */
export function describeWeighting(rule: Pick<ScoringRuleInput, 'points' | 'cap' | 'halfLifeDays'>, t: TranslateFn): string {
  const parts = [t('scoring.summary.each', { points: formatPoints(rule.points) })];
  if (rule.cap !== null) parts.push(t('scoring.summary.cap', { cap: rule.cap }));
  parts.push(rule.halfLifeDays !== null ? t('scoring.summary.halfLife', { days: rule.halfLifeDays }) : t('scoring.summary.noDecay'));
  return parts.join(' · ');
}

/** Decayed points to one decimal (8.75 → 8.8), for the explanation. */
export const formatDecimal = (value: number) => String(Math.round(value * 10) / 10);
