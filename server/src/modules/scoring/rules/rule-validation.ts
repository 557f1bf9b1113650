import {
  EMPTINESS_OPERATORS, ENGAGEMENT_DETAIL_FIELDS, ENGAGEMENT_KINDS, FIT_FIELDS, isFitField, NUMERIC_OPERATORS,
  OPERATORS, RULE_CATEGORIES, type FieldType, type Operator,
} from './rule-types.js';

/** The parts of a rule that must agree with each other (the API schema checks each alone). */
export type RuleShape = Readonly<{
  category?: unknown;
  field?: unknown;
  eventKind?: unknown;
  operator?: unknown;
  value?: unknown;
  cap?: unknown;
  halfLifeDays?: unknown;
}>;

export interface RuleProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

const DETAIL_KEY = /^[A-Za-z][A-Za-z0-9_]{0,39}$/;
export const MAX_LIST_VALUES = 200;

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isText = (v: unknown) => typeof v === 'string' && v.trim() !== '' && v.length <= 200;

/** What the tested field holds: known for lead fields and common event details, else either. */
function typeOf(category: string, field: string | null): FieldType | null {
  if (!field) return null;
  if (category === 'fit') return isFitField(field) ? FIT_FIELDS[field] : null;
  return (ENGAGEMENT_DETAIL_FIELDS as Record<string, FieldType>)[field] ?? null;
}

function valueProblem(operator: Operator, value: unknown, type: FieldType | null): RuleProblem | null {
  const problem = (code: string) => ({ field: 'value', code, params: { operator } });
  if (EMPTINESS_OPERATORS.includes(operator)) return value === null || value === undefined ? null : problem('SCORING_VALUE_NONE');
  if (operator === 'gte' || operator === 'lte') return isNumber(value) ? null : problem('SCORING_VALUE_NUMBER');
  if (operator === 'between') {
    const ok = Array.isArray(value) && value.length === 2 && value.every(isNumber) && (value[0] as number) <= (value[1] as number);
    return ok ? null : problem('SCORING_VALUE_RANGE');
  }
  const single = (v: unknown) => (type === 'number' ? isNumber(v) : isText(v) || isNumber(v));
  if (operator === 'equals' || operator === 'not_equals') {
    if (single(value)) return null;
    return problem(type === 'number' ? 'SCORING_VALUE_NUMBER' : 'SCORING_VALUE_TEXT');
  }
  // in, not_in, contains: a list
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.length <= MAX_LIST_VALUES &&
    value.every(operator === 'contains' ? isText : single);
  return ok ? null : problem('SCORING_VALUE_LIST');
}

/**
 * Checks a rule as a whole: a fit rule tests a known lead field; an engagement rule names an
 * event kind and may test one of its details; the operator suits the field's type and the
 * value suits the operator; only engagement rules have a cap and a half-life.
 */
export function validateRule(rule: RuleShape): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const category = rule.category as string;
  if (!RULE_CATEGORIES.includes(category as never)) return [{ field: 'category', code: 'FIELD_INVALID' }];
  const field = (rule.field ?? null) as string | null;
  const operator = (rule.operator ?? null) as Operator | null;
  if (operator !== null && !OPERATORS.includes(operator)) return [{ field: 'operator', code: 'FIELD_INVALID' }];

  if (category === 'fit') {
    if (!field) problems.push({ field: 'field', code: 'FIELD_REQUIRED' });
    else if (!isFitField(field)) problems.push({ field: 'field', code: 'SCORING_FIELD_UNKNOWN', params: { field } });
    if (!operator) problems.push({ field: 'operator', code: 'FIELD_REQUIRED' });
    for (const key of ['eventKind', 'cap', 'halfLifeDays'] as const) {
      if (rule[key] !== null && rule[key] !== undefined) problems.push({ field: key, code: 'SCORING_ENGAGEMENT_ONLY' });
    }
  } else {
    const kind = rule.eventKind as string | null | undefined;
    if (!kind) problems.push({ field: 'eventKind', code: 'FIELD_REQUIRED' });
    else if (!ENGAGEMENT_KINDS.includes(kind as never)) problems.push({ field: 'eventKind', code: 'FIELD_INVALID' });
    if (field !== null && !DETAIL_KEY.test(field)) problems.push({ field: 'field', code: 'FIELD_INVALID' });
    if (field !== null && !operator) problems.push({ field: 'operator', code: 'FIELD_REQUIRED' });
    if (operator && field === null) problems.push({ field: 'field', code: 'FIELD_REQUIRED' });
    if (rule.cap !== null && rule.cap !== undefined && !(Number.isInteger(rule.cap) && (rule.cap as number) >= 1)) {
      problems.push({ field: 'cap', code: 'FIELD_INVALID' });
    }
    const halfLife = rule.halfLifeDays;
    if (halfLife !== null && halfLife !== undefined && !(isNumber(halfLife) && (halfLife as number) > 0)) {
      problems.push({ field: 'halfLifeDays', code: 'FIELD_INVALID' });
    }
  }
  if (problems.length > 0 || !operator) {
    if (!operator && rule.value !== null && rule.value !== undefined) problems.push({ field: 'value', code: 'SCORING_VALUE_NONE' });
    return problems;
  }

  const type = typeOf(category, field);
  if (type === 'number' && operator === 'contains') {
    problems.push({ field: 'operator', code: 'SCORING_OPERATOR_MISMATCH', params: { operator, field } });
  } else if (type === 'text' && NUMERIC_OPERATORS.includes(operator)) {
    problems.push({ field: 'operator', code: 'SCORING_OPERATOR_MISMATCH', params: { operator, field } });
  } else {
    const problem = valueProblem(operator, rule.value, type);
    if (problem) problems.push(problem);
  }
  return problems;
}
