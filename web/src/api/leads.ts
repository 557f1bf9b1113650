import { request } from './http-client';
import { buildListQuery, type ListParams } from './list-params';
import type { Money, OwnedRecord, Page } from './types';

/** Leads, the rep's inbox, routing and assignment rules (M2L-6, M2L-7): types and calls. */

export const LEAD_STATUSES = ['new', 'mql', 'accepted', 'sql', 'recycled', 'disqualified', 'converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_ACTIONS = ['promote', 'accept', 'reject', 'qualify', 'return-to-nurture', 'disqualify', 'reopen', 'convert'] as const;
export type LeadAction = (typeof LEAD_ACTIONS)[number];

/** The actions with a body `{ reason }` (required for reject, return to nurture and disqualify). */
export type SimpleLeadAction = Exclude<LeadAction, 'convert'>;

export interface LeadRecord extends OwnedRecord {
  name: string;
  company: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  creditCode: string | null;
  industry: string | null;
  headcount: number | null;
  registeredCapital: Money | null;
  province: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
  website: string | null;
  productInterest: string | null;
  source: string | null;
  campaignId: string | null;
  description: string | null;
  status: LeadStatus;
  statusChangedAt: string;
  /** When it first became MQL and SQL (or a later status). */
  becameMqlAt: string | null;
  becameSqlAt: string | null;
  inRoutingQueue: boolean;
  lastReason: string | null;
  score: number | null;
  grade: string | null;
  teamId: string | null;
  assignedAt: string | null;
  doNotContact: boolean;
  /** What the lead became when converted (read-only from then on). */
  convertedAccountId?: string | null;
  convertedContactId?: string | null;
  convertedOpportunityId?: string | null;
  convertedAt?: string | null;
}

export interface LeadInput {
  name: string;
  company: string | null;
  title: string | null;
  email: string | null;
  phone: string | null;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  city: string | null;
  region: string | null;
  productInterest: string | null;
  source: string | null;
  description: string | null;
}

export interface LeadHistoryEntry {
  id: string;
  action: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  actorId: string | null;
  at: string;
}

export interface InboxLead extends LeadRecord {
  /** When the rep must have accepted or rejected it; null without an SLA. */
  slaDueAt: string | null;
  slaBreached: boolean;
}

export type RouteReason = 'rule_matched' | 'rule_targets_queue' | 'no_rule_matched' | 'no_available_member';

export interface RouteResult {
  outcome: 'assigned' | 'queued';
  ownerId: string | null;
  teamId: string | null;
  ruleId: string | null;
  ruleName: string | null;
  reason: RouteReason;
  matched: string[];
  lead: LeadRecord;
}

export const ASSIGNMENT_STRATEGIES = ['round_robin', 'least_loaded'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

export interface IntRange {
  min?: number;
  max?: number;
}

export interface AssignmentCriteria {
  headcount?: IntRange;
  registeredCapital?: { min?: string; max?: string; currency?: string };
  productInterests?: string[];
  regions?: string[];
  provinces?: string[];
  sources?: string[];
  industries?: string[];
  score?: IntRange;
  grades?: string[];
}

export interface AssignmentRuleInput {
  name: string;
  description: string | null;
  active: boolean;
  criteria: AssignmentCriteria;
  /** null: the rule sends its leads to the routing queue. */
  teamId: string | null;
  strategy: AssignmentStrategy;
}

export interface AssignmentRule extends AssignmentRuleInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  position: number;
  teamName?: string | null;
}

export interface MemberSettings {
  capacity: number | null;
  weight: number;
  absentFrom: string | null;
  absentTo: string | null;
  active: boolean;
}

export interface TeamMember extends MemberSettings {
  teamId: string;
  userId: string;
  userName: string;
  inTeam: boolean;
  customised: boolean;
  userActive: boolean;
  version: number | null;
  openLeads: number;
  available: boolean;
}

export interface AssignmentSettingsInput {
  firstResponseSlaHours: number;
  reminderPercent: number;
  escalateToManager: boolean;
  mqlDefinition: string | null;
  sqlDefinition: string | null;
}

export interface AssignmentSettings extends AssignmentSettingsInput {
  version: number;
  updatedAt: string | null;
}

export interface RoutePreviewRow {
  leadId: string;
  leadName: string;
  company: string | null;
  ruleId: string | null;
  ruleName: string | null;
  teamId: string | null;
  teamName: string | null;
  queue: 'routing' | null;
  reason: Exclude<RouteReason, 'no_available_member'>;
  matched: string[];
}

export interface RoutePreview {
  data: RoutePreviewRow[];
  summary: { teamId: string | null; teamName: string | null; queue: 'routing' | null; count: number }[];
}

export interface FunnelCounts {
  mql: number;
  accepted: number;
  rejected: number;
  sql: number;
  recycled: number;
  disqualified: number;
  converted: number;
  mqlToSqlRate: number | null;
}

export interface LeadFunnel {
  period: { from: string; to: string };
  filters: { source: string | null; campaignId: string | null };
  definitions: { mql: string | null; sql: string | null; mqlScoreBar: number | null };
  totals: FunnelCounts;
  bySource: (FunnelCounts & { source: string | null })[];
  byCampaign: (FunnelCounts & { campaignId: string | null })[];
  reasons: { action: string; reason: string; count: number }[];
  timeInState: { status: string; exits: number; stillIn: number; avgSeconds: number | null; medianSeconds: number | null }[];
}

export interface FunnelParams {
  from?: string;
  to?: string;
  source?: string;
  campaignId?: string;
}

const leadPath = (id: string, rest = '') => `/leads/${encodeURIComponent(id)}${rest}`;

export const leadRecordsApi = {
  list: (params: ListParams, signal?: AbortSignal) => request<Page<LeadRecord>>('GET', '/leads', { query: buildListQuery(params), signal }),
  get: (id: string, signal?: AbortSignal) => request<LeadRecord>('GET', leadPath(id), { signal }),
  create: (input: LeadInput) => request<LeadRecord>('POST', '/leads', { body: input }),
  update: (id: string, patch: Partial<LeadInput> & { version: number }) => request<LeadRecord>('PATCH', leadPath(id), { body: patch }),
  act: (id: string, action: SimpleLeadAction, reason?: string) =>
    request<LeadRecord>('POST', leadPath(id, `/${action}`), { body: reason ? { reason } : {} }),
  assign: (id: string, target: { ownerId?: string | null; teamId?: string | null }) =>
    request<LeadRecord>('POST', leadPath(id, '/assign'), { body: target }),
  route: (id: string) => request<RouteResult>('POST', leadPath(id, '/route'), { body: {} }),
  history: (id: string, signal?: AbortSignal) => request<{ data: LeadHistoryEntry[] }>('GET', leadPath(id, '/history'), { signal }),
  inbox: (signal?: AbortSignal) => request<{ data: InboxLead[]; slaHours: number }>('GET', '/leads/inbox', { signal }),
  routingQueue: (params: ListParams, signal?: AbortSignal) =>
    request<Page<LeadRecord>>('GET', '/leads/routing-queue', {
      query: buildListQuery({ limit: params.limit, cursor: params.cursor, q: params.q, filter: params.filter }),
      signal,
    }),
  funnel: (params: FunnelParams, signal?: AbortSignal) => {
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
    return request<LeadFunnel>('GET', '/analytics/lead-funnel', { query: query.toString(), signal });
  },
};

const rulePath = (id: string) => `/assignment-rules/${encodeURIComponent(id)}`;
const memberPath = (teamId: string, userId: string) =>
  `/assignment-members/${encodeURIComponent(teamId)}/${encodeURIComponent(userId)}`;

export const assignmentApi = {
  /** All rules in evaluation order (a tenant has tens of rules: one page). */
  rules: (signal?: AbortSignal) => request<Page<AssignmentRule>>('GET', '/assignment-rules', { query: 'limit=200&sort=position', signal }),
  createRule: (input: AssignmentRuleInput) => request<AssignmentRule>('POST', '/assignment-rules', { body: input }),
  updateRule: (id: string, patch: Partial<AssignmentRuleInput> & { version: number }) =>
    request<AssignmentRule>('PATCH', rulePath(id), { body: patch }),
  removeRule: (id: string, version: number) => request<void>('DELETE', rulePath(id), { query: `version=${version}` }),
  reorder: (ids: string[]) => request<{ data: AssignmentRule[] }>('POST', '/assignment-rules/reorder', { body: { ids } }),
  preview: (input: { leadIds?: string[]; rules?: (AssignmentRuleInput & { id?: string })[] }) =>
    request<RoutePreview>('POST', '/assignment-rules/preview', { body: input }),
  members: (teamId: string, signal?: AbortSignal) =>
    request<{ data: TeamMember[] }>('GET', '/assignment-members', { query: `teamId=${encodeURIComponent(teamId)}`, signal }),
  saveMember: (teamId: string, userId: string, settings: Partial<MemberSettings>) =>
    request<TeamMember>('PUT', memberPath(teamId, userId), { body: settings }),
  resetMember: (teamId: string, userId: string) => request<void>('DELETE', memberPath(teamId, userId)),
  settings: (signal?: AbortSignal) => request<AssignmentSettings>('GET', '/assignment-settings', { signal }),
  saveSettings: (input: Partial<AssignmentSettingsInput> & { version: number }) =>
    request<AssignmentSettings>('PATCH', '/assignment-settings', { body: input }),
};
