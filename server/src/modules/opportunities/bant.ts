import type { Money } from '../../platform/normalize/money.js';
import { fromMinor, toMinor } from './deal-money.js';

/** Budget, authority, need, timeline: what makes a deal real rather than a "fat funnel" entry. */
export const BANT_PARTS = ['budget', 'authority', 'need', 'timeline'] as const;
export type BantPart = (typeof BANT_PARTS)[number];

export interface Bant {
  budget: { amount: Money | null; approved: boolean };
  authority: { decisionMakerContactIds: string[]; participants: string[] };
  need: { problem: string | null; goal: string | null };
  timeline: { date: string | null; reason: string | null };
}

export type BantInput = {
  budget?: { amount?: Money | null; approved?: boolean };
  authority?: { decisionMakerContactIds?: string[]; participants?: string[] };
  need?: { problem?: string | null; goal?: string | null };
  timeline?: { date?: string | null; reason?: string | null };
};

export const EMPTY_BANT: Bant = {
  budget: { amount: null, approved: false },
  authority: { decisionMakerContactIds: [], participants: [] },
  need: { problem: null, goal: null },
  timeline: { date: null, reason: null },
};

const text = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() || null : null);
const money = (m: Money | null | undefined): Money | null => (m ? { amount: fromMinor(toMinor(m.amount)), currency: m.currency } : null);

/**
 * Applies an input onto the current BANT: each part given replaces that part (missing fields of
 * the part become empty), parts not given stay as they were. Texts are trimmed, lists de-duplicated.
 */
export function mergeBant(current: Bant, input: BantInput | undefined): Bant {
  if (!input) return current;
  return {
    budget: input.budget
      ? { amount: money(input.budget.amount), approved: input.budget.approved ?? false }
      : current.budget,
    authority: input.authority
      ? {
          decisionMakerContactIds: [...new Set(input.authority.decisionMakerContactIds ?? [])],
          participants: [...new Set((input.authority.participants ?? []).map((p) => p.trim()).filter(Boolean))],
        }
      : current.authority,
    need: input.need ? { problem: text(input.need.problem), goal: text(input.need.goal) } : current.need,
    timeline: input.timeline ? { date: input.timeline.date ?? null, reason: text(input.timeline.reason) } : current.timeline,
  };
}

/** Whether each part is filled in: a budget amount, a decision maker, a problem or goal, a date. */
export function bantPartFilled(bant: Bant, part: BantPart): boolean {
  switch (part) {
    case 'budget':
      return bant.budget.amount !== null;
    case 'authority':
      return bant.authority.decisionMakerContactIds.length > 0;
    case 'need':
      return !!(bant.need.problem || bant.need.goal);
    case 'timeline':
      return !!bant.timeline.date;
  }
}

export const bantMissing = (bant: Bant): BantPart[] => BANT_PARTS.filter((p) => !bantPartFilled(bant, p));

/** Qualified when none of the parts the tenant requires is missing. */
export function qualification(missing: readonly BantPart[], required: readonly BantPart[]) {
  const missingRequired = required.filter((p) => missing.includes(p));
  return { qualified: missingRequired.length === 0, missingRequired };
}
