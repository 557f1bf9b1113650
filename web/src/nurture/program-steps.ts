import type { EnrollmentRule, NurtureStep, Pool, StepType } from '../api/nurture';

/**
 * Editing a program's steps: branch targets are step positions, so moving or removing a step
 * renumbers them to keep pointing at the same steps. Pure functions, tested beside.
 */

/** A fresh step of a type. */
export function newStep(type: StepType, at: number, count: number): NurtureStep {
  switch (type) {
    case 'send_email':
      return { type, templateId: '' };
    case 'wait':
      return { type, days: 3 };
    case 'branch': {
      // Points at the next steps; the user picks the real targets.
      const next = Math.min(at + 1, count);
      return { type, if: 'opened', withinDays: 3, then: next, else: next };
    }
    case 'exit':
      return { type };
  }
}

function remap(steps: NurtureStep[], map: (target: number) => number): NurtureStep[] {
  return steps.map((step) => (step.type === 'branch' ? { ...step, then: map(step.then), else: map(step.else) } : step));
}

/** Moves the step at `from` to `to`; branch targets follow the steps they pointed at. */
export function moveStep(steps: readonly NurtureStep[], from: number, to: number): NurtureStep[] {
  if (from === to || to < 0 || to >= steps.length) return [...steps];
  const order = steps.map((_, i) => i);
  const [moved] = order.splice(from, 1);
  order.splice(to, 0, moved);
  const position = new Map(order.map((old, now) => [old, now]));
  return remap(order.map((old) => steps[old]), (target) => position.get(target) ?? target);
}

/** Removes a step; a branch that pointed at it now points at the step that follows. */
export function removeStep(steps: readonly NurtureStep[], index: number): NurtureStep[] {
  const rest = steps.filter((_, i) => i !== index);
  return remap(rest, (target) => (target > index ? target - 1 : target));
}

/** Inserts a step at `at` (the end by default); targets at or after it shift by one. */
export function insertStep(steps: readonly NurtureStep[], step: NurtureStep, at = steps.length): NurtureStep[] {
  const shifted = remap([...steps], (target) => (target >= at ? target + 1 : target));
  shifted.splice(at, 0, step);
  return shifted;
}

export type StepProblem = 'template' | 'wait' | 'target' | 'window';

/** What the server will refuse, per step, so the editor can say it before saving. */
export function stepProblems(steps: readonly NurtureStep[]): Map<number, StepProblem[]> {
  const problems = new Map<number, StepProblem[]>();
  const add = (i: number, p: StepProblem) => problems.set(i, [...(problems.get(i) ?? []), p]);
  steps.forEach((step, i) => {
    if (step.type === 'send_email' && !step.templateId) add(i, 'template');
    if (step.type === 'wait' && !((step.days ?? 0) * 24 + (step.hours ?? 0) > 0)) add(i, 'wait');
    if (step.type === 'branch') {
      if (!(step.withinDays >= 1)) add(i, 'window');
      const bad = (t: number) => !Number.isInteger(t) || t <= i || t >= steps.length;
      if (bad(step.then) || bad(step.else)) add(i, 'target');
    }
  });
  return problems;
}

/** The steps a branch at `index` may jump to: the later ones. */
export const branchTargets = (count: number, index: number) => Array.from({ length: count }, (_, i) => i).filter((i) => i > index);

export interface RuleFormValues {
  auto: boolean;
  pools: Pool[];
  statuses: string[];
  minScore: number | null;
  maxScore: number | null;
  grades: string[];
  sources: string[];
  industries: string[];
}

export function ruleToForm(rule: EnrollmentRule | null): RuleFormValues {
  return {
    auto: rule !== null,
    pools: rule?.pools ?? [],
    statuses: rule?.statuses ?? [],
    minScore: rule?.minScore ?? null,
    maxScore: rule?.maxScore ?? null,
    grades: rule?.grades ?? [],
    sources: rule?.sources ?? [],
    industries: rule?.industries ?? [],
  };
}

/** The rule to save: empty criteria are left out; switched off, no rule at all. */
export function formToRule(values: RuleFormValues): EnrollmentRule | null {
  if (!values.auto) return null;
  const rule: EnrollmentRule = {};
  for (const key of ['pools', 'statuses', 'grades', 'sources', 'industries'] as const) {
    const list = values[key];
    if (list.length > 0) (rule as Record<string, unknown>)[key] = list;
  }
  if (values.minScore !== null && values.minScore !== undefined) rule.minScore = values.minScore;
  if (values.maxScore !== null && values.maxScore !== undefined) rule.maxScore = values.maxScore;
  return rule;
}
