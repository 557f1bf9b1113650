import type { LeadAction, LeadStatus } from '../api/leads';

/**
 * Which lifecycle actions the UI offers for a lead, mirroring the server's state machine
 * (server/src/modules/leads/lead-lifecycle.ts). The server still decides: this only avoids
 * showing buttons that would be refused.
 */
const FROM: Record<LeadAction, readonly LeadStatus[]> = {
  promote: ['new', 'recycled'],
  accept: ['mql'],
  reject: ['mql', 'accepted'],
  qualify: ['accepted'],
  'return-to-nurture': ['new', 'mql', 'accepted', 'sql'],
  disqualify: ['new', 'mql', 'accepted', 'sql', 'recycled'],
  reopen: ['disqualified'],
  convert: ['accepted', 'sql'],
};

/** The order buttons appear in: the likely next step first. */
const ORDER: readonly LeadAction[] = ['accept', 'qualify', 'promote', 'reopen', 'reject', 'return-to-nurture', 'disqualify', 'convert'];

export function allowedActions(status: LeadStatus): LeadAction[] {
  return ORDER.filter((action) => FROM[action].includes(status));
}

export const REASON_ACTIONS = ['reject', 'return-to-nurture', 'disqualify'] as const;
export type ReasonAction = (typeof REASON_ACTIONS)[number];

export const needsReason = (action: LeadAction): action is ReasonAction => (REASON_ACTIONS as readonly string[]).includes(action);

/** Ready-made reasons per action (message keys); the rep can still type their own. */
export const REASON_PRESETS = {
  reject: ['leadReason.wrongRegion', 'leadReason.wrongProductLine', 'leadReason.wrongSize', 'leadReason.duplicate'],
  'return-to-nurture': ['leadReason.budgetNextYear', 'leadReason.noProjectYet', 'leadReason.stillResearching', 'leadReason.noAnswer'],
  disqualify: ['leadReason.competitor', 'leadReason.student', 'leadReason.fakeContact', 'leadReason.noNeed'],
} as const satisfies Record<ReasonAction, readonly string[]>;

/** Whether the caller is the one who should answer the lead from the inbox. */
export const isAwaitingAnswer = (lead: { status: LeadStatus; ownerId: string | null }, userId: string) =>
  lead.status === 'mql' && lead.ownerId === userId;
