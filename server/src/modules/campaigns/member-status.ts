/**
 * A campaign member moves forward only: invited → registered → attended → responded. Steps may be
 * skipped (an e-mail recipient who answers goes straight from invited to responded); going back
 * or standing still is refused.
 */
export const MEMBER_STATUSES = ['invited', 'registered', 'attended', 'responded'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

const rank = (status: MemberStatus) => MEMBER_STATUSES.indexOf(status);

export type MemberTransition = { ok: true } | { ok: false; allowed: MemberStatus[] };

export function memberTransition(from: MemberStatus, to: MemberStatus): MemberTransition {
  return rank(to) > rank(from) ? { ok: true } : { ok: false, allowed: nextMemberStatuses(from) };
}

export function nextMemberStatuses(from: MemberStatus): MemberStatus[] {
  return MEMBER_STATUSES.filter((status) => rank(status) > rank(from));
}

/** The later of two statuses: an upsert never moves a member back. */
export const laterStatus = (a: MemberStatus, b: MemberStatus): MemberStatus => (rank(b) > rank(a) ? b : a);

/** The column holding when a member reached each status. */
export const STATUS_TIMESTAMP = {
  invited: 'invitedAt',
  registered: 'registeredAt',
  attended: 'attendedAt',
  responded: 'respondedAt',
} as const satisfies Record<MemberStatus, string>;

/** Reaching these is an engagement the lead keeps as a touch, for attribution; an invitation is not. */
export const isEngagement = (status: MemberStatus) => status !== 'invited';
