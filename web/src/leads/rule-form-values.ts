import type { AssignmentCriteria, AssignmentRule, AssignmentRuleInput, AssignmentStrategy, IntRange } from '../api/leads';

/** The rule editor's fields: criteria flattened; registered capital in 万元 (10 000 CNY). */
export interface RuleFormValues {
  name: string;
  description: string | null;
  active: boolean;
  target: 'team' | 'queue';
  teamId: string | null;
  strategy: AssignmentStrategy;
  headcountMin: number | null;
  headcountMax: number | null;
  capitalMinWan: number | null;
  capitalMaxWan: number | null;
  scoreMin: number | null;
  scoreMax: number | null;
  productInterests: string[];
  regions: string[];
  provinces: string[];
  sources: string[];
  industries: string[];
  grades: string[];
}

const num = (v: number | undefined) => (v === undefined ? null : v);
const wan = (amount: string | undefined) => (amount === undefined ? null : Number(amount) / 10_000);

export function toFormValues(rule: AssignmentRule | null): RuleFormValues {
  const c = rule?.criteria ?? {};
  return {
    name: rule?.name ?? '',
    description: rule?.description ?? null,
    active: rule?.active ?? true,
    target: rule && rule.teamId === null ? 'queue' : 'team',
    teamId: rule?.teamId ?? null,
    strategy: rule?.strategy ?? 'round_robin',
    headcountMin: num(c.headcount?.min),
    headcountMax: num(c.headcount?.max),
    capitalMinWan: wan(c.registeredCapital?.min),
    capitalMaxWan: wan(c.registeredCapital?.max),
    scoreMin: num(c.score?.min),
    scoreMax: num(c.score?.max),
    productInterests: c.productInterests ?? [],
    regions: c.regions ?? [],
    provinces: c.provinces ?? [],
    sources: c.sources ?? [],
    industries: c.industries ?? [],
    grades: c.grades ?? [],
  };
}

const present = (v: number | null | undefined): v is number => v !== null && v !== undefined && !Number.isNaN(v);

function range(min: number | null, max: number | null): IntRange | undefined {
  if (!present(min) && !present(max)) return undefined;
  return { ...(present(min) ? { min } : {}), ...(present(max) ? { max } : {}) };
}

/** 万元 → a decimal string of yuan with at most 2 decimals, without floating-point noise. */
export function wanToAmount(value: number): string {
  const cents = Math.round(value * 1_000_000);
  const yuan = Math.trunc(cents / 100);
  const rest = Math.abs(cents % 100);
  return rest === 0 ? String(yuan) : `${yuan}.${String(rest).padStart(2, '0')}`;
}

const list = (values: string[] | undefined) => {
  const cleaned = [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
  return cleaned.length > 0 ? cleaned : undefined;
};

export function toCriteria(v: RuleFormValues): AssignmentCriteria {
  const criteria: AssignmentCriteria = {
    headcount: range(v.headcountMin, v.headcountMax),
    registeredCapital:
      present(v.capitalMinWan) || present(v.capitalMaxWan)
        ? {
            ...(present(v.capitalMinWan) ? { min: wanToAmount(v.capitalMinWan) } : {}),
            ...(present(v.capitalMaxWan) ? { max: wanToAmount(v.capitalMaxWan) } : {}),
          }
        : undefined,
    score: range(v.scoreMin, v.scoreMax),
    productInterests: list(v.productInterests),
    regions: list(v.regions),
    provinces: list(v.provinces),
    sources: list(v.sources),
    industries: list(v.industries),
    grades: list(v.grades),
  };
  return Object.fromEntries(Object.entries(criteria).filter(([, value]) => value !== undefined)) as AssignmentCriteria;
}

export function toRuleInput(v: RuleFormValues): AssignmentRuleInput {
  return {
    name: v.name.trim(),
    description: v.description?.trim() || null,
    active: v.active,
    criteria: toCriteria(v),
    teamId: v.target === 'queue' ? null : v.teamId,
    strategy: v.strategy,
  };
}

/** Lower bounds must not exceed upper bounds: the form field to flag, or null. */
export function invertedRange(v: RuleFormValues): keyof RuleFormValues | null {
  const pairs: [keyof RuleFormValues, number | null, number | null][] = [
    ['headcountMax', v.headcountMin, v.headcountMax],
    ['capitalMaxWan', v.capitalMinWan, v.capitalMaxWan],
    ['scoreMax', v.scoreMin, v.scoreMax],
  ];
  return pairs.find(([, min, max]) => present(min) && present(max) && min > max)?.[0] ?? null;
}

export type CriterionChip =
  | { kind: 'range'; criterion: 'headcount' | 'score' | 'registeredCapital'; min: string | null; max: string | null }
  | { kind: 'list'; criterion: 'productInterests' | 'regions' | 'provinces' | 'sources' | 'industries' | 'grades'; values: string[] };

/** What a rule asks for, one chip per criterion, in a stable order; labels are the caller's. */
export function criteriaChips(c: AssignmentCriteria): CriterionChip[] {
  const chips: CriterionChip[] = [];
  const r = (criterion: 'headcount' | 'score', value: IntRange | undefined) => {
    if (value && (value.min !== undefined || value.max !== undefined)) {
      chips.push({ kind: 'range', criterion, min: value.min === undefined ? null : String(value.min), max: value.max === undefined ? null : String(value.max) });
    }
  };
  r('headcount', c.headcount);
  if (c.registeredCapital && (c.registeredCapital.min !== undefined || c.registeredCapital.max !== undefined)) {
    const w = (a: string | undefined) => (a === undefined ? null : String(Number(a) / 10_000));
    chips.push({ kind: 'range', criterion: 'registeredCapital', min: w(c.registeredCapital.min), max: w(c.registeredCapital.max) });
  }
  for (const criterion of ['productInterests', 'regions', 'provinces', 'sources', 'industries', 'grades'] as const) {
    const values = c[criterion];
    if (values && values.length > 0) chips.push({ kind: 'list', criterion, values });
  }
  r('score', c.score);
  return chips;
}
