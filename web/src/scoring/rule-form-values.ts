import type { EngagementKind, RuleCategory, RuleOperator, RuleValue, ScoringRule, ScoringRuleInput } from '../api/scoring';
import { fieldOf, valueShape, type ValueShape } from './rule-vocabulary';

/** The rule editor's form values. */
export interface RuleFormValues {
  name: string;
  category: RuleCategory;
  /** Fit: the lead field. Engagement: the tested detail, when `withCondition`. */
  field: string | null;
  eventKind: EngagementKind | null;
  /** Engagement: only occurrences whose detail passes a condition count. */
  withCondition: boolean;
  operator: RuleOperator | null;
  value: RuleValue;
  points: number;
  cap: number | null;
  halfLifeDays: number | null;
  active: boolean;
  order: number;
}

/** The value input's shape for the current field and operator (none when the condition is off). */
export function shapeOf(values: Pick<RuleFormValues, 'category' | 'field' | 'operator' | 'withCondition'>): ValueShape {
  if (values.category === 'engagement' && !values.withCondition) return 'none';
  return valueShape(values.operator, fieldOf(values.category, values.field)?.type);
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Carries a value over to another input shape, keeping what still makes sense: a list keeps a
 * single value, a single value takes a list's first, a number survives between ≥ and =.
 */
export function coerceValue(value: RuleValue, shape: ValueShape): RuleValue {
  const first = Array.isArray(value) ? value[0] : value;
  switch (shape) {
    case 'none':
      return null;
    case 'single':
      return first === null || first === undefined ? '' : String(first);
    case 'list':
      if (Array.isArray(value)) return value.map(String);
      return value === null || value === '' ? [] : [String(value)];
    case 'number': {
      const n = typeof first === 'string' && first.trim() !== '' ? Number(first) : first;
      return isNumber(n) ? n : null;
    }
    case 'range':
      return Array.isArray(value) && value.length === 2 && value.every(isNumber) ? value : isNumber(first) ? [first, first] : [0, 0];
  }
}

/** The form values of an existing rule, or of a new one in a category placed at `order`. */
export function toFormValues(rule: ScoringRule | null, category: RuleCategory, order = 0): RuleFormValues {
  if (!rule) {
    return category === 'fit'
      ? {
          name: '', category, field: 'industry', eventKind: null, withCondition: false, operator: 'in', value: [],
          points: 10, cap: null, halfLifeDays: null, active: true, order,
        }
      : {
          name: '', category, field: null, eventKind: 'email_click', withCondition: false, operator: null, value: null,
          points: 5, cap: null, halfLifeDays: 30, active: true, order,
        };
  }
  const values: RuleFormValues = {
    name: rule.name,
    category: rule.category,
    field: rule.field,
    eventKind: rule.eventKind,
    withCondition: rule.category === 'engagement' && rule.operator !== null,
    operator: rule.operator,
    value: rule.value,
    points: rule.points,
    cap: rule.cap,
    halfLifeDays: rule.halfLifeDays,
    active: rule.active,
    order: rule.order,
  };
  return { ...values, value: coerceValue(rule.value, shapeOf(values)) };
}

/** The API input of the form: only the parts the category and the condition use, values trimmed. */
export function toRuleInput(values: RuleFormValues): ScoringRuleInput {
  const fit = values.category === 'fit';
  const conditioned = fit || values.withCondition;
  const shape = shapeOf(values);
  let value = coerceValue(values.value, shape);
  if (shape === 'single' && typeof value === 'string') value = value.trim();
  if (shape === 'list' && Array.isArray(value)) value = value.map((v) => String(v).trim()).filter((v) => v !== '');
  return {
    name: values.name.trim(),
    category: values.category,
    field: conditioned ? values.field : null,
    eventKind: fit ? null : values.eventKind,
    operator: conditioned ? values.operator : null,
    value,
    points: values.points,
    cap: fit ? null : (values.cap ?? null),
    halfLifeDays: fit ? null : (values.halfLifeDays ?? null),
    active: values.active,
    order: values.order,
  };
}

/** A preview's field path (`added[0].value`, `changed[0].points`) as the form's field name. */
export const formFieldOf = (serverField: string) => serverField.replace(/^(added|changed)\[\d+\]\./, '');

/** The next free position after the rules of a category. */
export const nextOrder = (rules: readonly { order: number }[]) => rules.reduce((max, r) => Math.max(max, r.order + 1), 0);
