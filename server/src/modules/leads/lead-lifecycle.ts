/**
 * The lead lifecycle as a state machine: each action names the states it may start from and
 * the state it leads to. Anything else is refused with the allowed actions named.
 */
export const LEAD_STATUSES = ['new', 'mql', 'accepted', 'sql', 'recycled', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_ACTIONS = [
  'promote', 'accept', 'reject', 'qualify', 'return-to-nurture', 'disqualify', 'reopen', 'convert',
] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

interface Transition {
  from: readonly LeadStatus[];
  to: LeadStatus;
  /** The action needs a reason from the person doing it. */
  needsReason?: boolean;
}

const TRANSITIONS: Record<LeadAction, Transition> = {
  /** Marketing-qualified: by score crossing the MQL bar, or by hand. */
  promote: { from: ['new', 'recycled'], to: 'mql' },
  /** The assigned rep takes the lead. */
  accept: { from: ['mql'], to: 'accepted' },
  /** The rep refuses a mismatched lead: it stays an MQL and goes to the manual routing queue. */
  reject: { from: ['mql', 'accepted'], to: 'mql', needsReason: true },
  /** Sales-qualified: the rep confirms a real opportunity may exist. */
  qualify: { from: ['accepted'], to: 'sql' },
  /** Not ready yet: back to the nurture pool. */
  'return-to-nurture': { from: ['new', 'mql', 'accepted', 'sql'], to: 'recycled', needsReason: true },
  disqualify: { from: ['new', 'mql', 'accepted', 'sql', 'recycled'], to: 'disqualified', needsReason: true },
  reopen: { from: ['disqualified'], to: 'new' },
  convert: { from: ['accepted', 'sql'], to: 'converted' },
};

export type TransitionResult =
  | { ok: true; to: LeadStatus }
  | { ok: false; code: 'ILLEGAL_TRANSITION'; allowed: LeadAction[] }
  | { ok: false; code: 'REASON_REQUIRED' };

export function transition(from: LeadStatus, action: LeadAction, reason?: string | null): TransitionResult {
  const rule = TRANSITIONS[action];
  if (!rule.from.includes(from)) return { ok: false, code: 'ILLEGAL_TRANSITION', allowed: allowedActions(from) };
  if (rule.needsReason && !reason?.trim()) return { ok: false, code: 'REASON_REQUIRED' };
  return { ok: true, to: rule.to };
}

export function allowedActions(from: LeadStatus): LeadAction[] {
  return LEAD_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(from));
}

export const isOpen = (status: LeadStatus) => status !== 'converted' && status !== 'disqualified';

/** The statuses that count as having become MQL, and SQL: a lead that skipped a step passed it. */
export const MQL_OR_LATER: readonly LeadStatus[] = ['mql', 'accepted', 'sql', 'converted'];
export const SQL_OR_LATER: readonly LeadStatus[] = ['sql', 'converted'];

type Marks<T> = { becameMqlAt: T | null; becameSqlAt: T | null };

/** The marks a lead entering `to` at `at` gets: the first time only, later entries keep it. */
export function marksOnEntering(marks: Marks<string | Date>, to: LeadStatus, at: Date): Partial<Marks<Date>> {
  const patch: Partial<Marks<Date>> = {};
  if (!marks.becameMqlAt && MQL_OR_LATER.includes(to)) patch.becameMqlAt = at;
  if (!marks.becameSqlAt && SQL_OR_LATER.includes(to)) patch.becameSqlAt = at;
  return patch;
}
