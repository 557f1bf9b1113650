import { request } from './http-client';

/** The battle map of a deal (OPP-4): its buying committee, attitude history, planned actions and gap warnings. */

export const STAKEHOLDER_ROLES = [
  'power_sponsor',
  'decision_maker',
  'financial_approver',
  'technical_evaluator',
  'user',
  'influencer',
  'gatekeeper',
] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];

export const STAKEHOLDER_LEVELS = ['c_level', 'vp', 'director', 'manager', 'staff'] as const;
export type StakeholderLevel = (typeof STAKEHOLDER_LEVELS)[number];

export const ATTITUDES = ['support', 'neutral', 'oppose'] as const;
export type Attitude = (typeof ATTITUDES)[number];

/** The battle-map checks a stage may require and that produce the gap warnings. */
export const STAKEHOLDER_CHECKS = [
  'power_sponsor_identified',
  'power_sponsor_supports',
  'power_sponsor_not_opposed',
  'executive_identified',
  'executive_covered',
  'supporter_identified',
] as const;
export type StakeholderCheck = (typeof STAKEHOLDER_CHECKS)[number];

export interface StakeholderAction {
  id: string;
  stakeholderId: string;
  description: string;
  visitorIds: string[];
  dueAt: string | null;
  done: boolean;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface Stakeholder {
  id: string;
  opportunityId: string;
  contactId: string;
  contactName: string | null;
  contactTitle: string | null;
  role: StakeholderRole;
  level: StakeholderLevel | null;
  reportsToId: string | null;
  attitude: Attitude;
  /** 1 (little) … 5 (decisive). */
  influence: number;
  relationshipOwnerId: string | null;
  lastContactAt: string | null;
  notes: string | null;
  actions: StakeholderAction[];
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface StakeholderInput {
  contactId: string;
  role: StakeholderRole;
  level: StakeholderLevel | null;
  reportsToId: string | null;
  attitude: Attitude;
  /** Why the attitude changed; kept in the attitude history. */
  attitudeNote: string | null;
  influence: number;
  relationshipOwnerId: string | null;
  lastContactAt: string | null;
  notes: string | null;
}

export interface AttitudeChange {
  id: string;
  fromAttitude: Attitude | null;
  toAttitude: Attitude;
  note: string | null;
  actorId: string | null;
  at: string;
}

export interface BattleMapGap {
  check: StakeholderCheck;
  code: string;
  severity: string;
  /** In the caller's language. */
  message: string;
  stakeholderIds: string[];
}

export interface ActionInput {
  description: string;
  visitorIds: string[];
  dueAt: string | null;
  done: boolean;
}

const dealPath = (opportunityId: string, rest = '') => `/opportunities/${encodeURIComponent(opportunityId)}${rest}`;
const stakeholderPath = (opportunityId: string, stakeholderId: string, rest = '') =>
  dealPath(opportunityId, `/stakeholders/${encodeURIComponent(stakeholderId)}${rest}`);

export const battleMapApi = {
  stakeholders: (opportunityId: string, signal?: AbortSignal) =>
    request<{ data: Stakeholder[] }>('GET', dealPath(opportunityId, '/stakeholders'), { signal }),
  gaps: (opportunityId: string, signal?: AbortSignal) => request<{ data: BattleMapGap[] }>('GET', dealPath(opportunityId, '/gaps'), { signal }),
  add: (opportunityId: string, input: StakeholderInput) => request<Stakeholder>('POST', dealPath(opportunityId, '/stakeholders'), { body: input }),
  update: (opportunityId: string, stakeholderId: string, patch: Partial<Omit<StakeholderInput, 'contactId'>> & { version: number }) =>
    request<Stakeholder>('PATCH', stakeholderPath(opportunityId, stakeholderId), { body: patch }),
  remove: (opportunityId: string, stakeholderId: string) => request<void>('DELETE', stakeholderPath(opportunityId, stakeholderId)),
  attitudeHistory: (opportunityId: string, stakeholderId: string, signal?: AbortSignal) =>
    request<{ data: AttitudeChange[] }>('GET', stakeholderPath(opportunityId, stakeholderId, '/attitude-history'), { signal }),
  addAction: (opportunityId: string, stakeholderId: string, input: ActionInput) =>
    request<StakeholderAction>('POST', stakeholderPath(opportunityId, stakeholderId, '/actions'), { body: input }),
  updateAction: (opportunityId: string, stakeholderId: string, actionId: string, patch: Partial<ActionInput> & { version: number }) =>
    request<StakeholderAction>('PATCH', stakeholderPath(opportunityId, stakeholderId, `/actions/${encodeURIComponent(actionId)}`), { body: patch }),
  removeAction: (opportunityId: string, stakeholderId: string, actionId: string) =>
    request<void>('DELETE', stakeholderPath(opportunityId, stakeholderId, `/actions/${encodeURIComponent(actionId)}`)),
};
