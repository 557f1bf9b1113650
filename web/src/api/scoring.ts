import { request } from './http-client';
import type { Page } from './types';

/** Rule scoring (M2L-4): the types of the scoring API and its calls. */

export type RuleCategory = 'fit' | 'engagement';
export type RuleOperator =
  | 'equals'
  | 'not_equals'
  | 'in'
  | 'not_in'
  | 'contains'
  | 'gte'
  | 'lte'
  | 'between'
  | 'is_empty'
  | 'is_not_empty';
export type EngagementKind =
  | 'email_open'
  | 'email_click'
  | 'email_bounce'
  | 'web_visit'
  | 'form_submit'
  | 'content_download'
  | 'event_registration'
  | 'event_attendance'
  | 'unsubscribe';
export type Grade = 'A' | 'B' | 'C' | 'D';

/** string | number for equals, a list for in / not in / contains, a number for ≥ ≤, [min, max] for between. */
export type RuleValue = string | number | (string | number)[] | null;

export interface ScoringRuleInput {
  name: string;
  category: RuleCategory;
  field: string | null;
  eventKind: EngagementKind | null;
  operator: RuleOperator | null;
  value: RuleValue;
  points: number;
  cap: number | null;
  halfLifeDays: number | null;
  active: boolean;
  order: number;
}

export interface ScoringRule extends ScoringRuleInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ScoringSettingsInput {
  gradeA: number;
  gradeB: number;
  gradeC: number;
  mqlThreshold: number;
  engagementWindowDays: number;
}

export interface ScoringSettings extends ScoringSettingsInput {
  /** 0 until first saved. */
  version: number;
  updatedAt: string | null;
}

export interface FiredRule {
  ruleId: string;
  name: string;
  category: RuleCategory;
  points: number;
  detail: {
    field?: string;
    operator?: RuleOperator;
    value?: RuleValue;
    actual?: string | number | null;
    eventKind?: string;
    occurrences?: number;
    undecayed?: number;
    decayed?: number;
    capped?: boolean;
    lastAt?: string;
  };
}

export interface LeadScore {
  leadId: string;
  fit: number;
  engagement: number;
  total: number;
  grade: Grade;
  fired: FiredRule[];
  mqlThreshold: number;
  gradeA: number;
  gradeB: number;
  gradeC: number;
  computedAt: string;
}

export interface RulePreviewInput {
  added?: ScoringRuleInput[];
  changed?: (Partial<ScoringRuleInput> & { id: string })[];
  removed?: string[];
  settings?: Partial<ScoringSettingsInput>;
  sampleSize?: number;
}

export interface GradeMove {
  from: Grade;
  to: Grade;
  count: number;
}

export interface RulePreview {
  evaluated: number;
  gradeChanged: number;
  scoreChanged: number;
  wouldPromote: number;
  matrix: GradeMove[];
  sample: {
    leadId: string;
    name: string;
    company: string | null;
    status: string;
    fromGrade: Grade;
    toGrade: Grade;
    fromTotal: number;
    toTotal: number;
    fired: FiredRule[];
  }[];
  computedAt: string;
}

const rulePath = (id: string) => `/scoring-rules/${encodeURIComponent(id)}`;

export const scoringApi = {
  /** Every rule of the tenant, in order (a tenant has tens of rules, one page holds them). */
  rules: (signal?: AbortSignal) => request<Page<ScoringRule>>('GET', '/scoring-rules', { query: 'limit=200&sort=order', signal }),
  createRule: (input: ScoringRuleInput) => request<ScoringRule>('POST', '/scoring-rules', { body: input }),
  updateRule: (id: string, patch: Partial<ScoringRuleInput> & { version: number }) =>
    request<ScoringRule>('PATCH', rulePath(id), { body: patch }),
  removeRule: (id: string, version: number) => request<void>('DELETE', rulePath(id), { query: `version=${version}` }),
  /** How a change would move the leads' grades, computed without saving. */
  preview: (input: RulePreviewInput) => request<RulePreview>('POST', '/scoring-rules/preview', { body: input }),
  settings: (signal?: AbortSignal) => request<ScoringSettings>('GET', '/scoring-settings', { signal }),
  saveSettings: (input: ScoringSettingsInput & { version: number }) =>
    request<ScoringSettings>('PUT', '/scoring-settings', { body: input }),
  leadScore: (leadId: string, signal?: AbortSignal) =>
    request<LeadScore>('GET', `/leads/${encodeURIComponent(leadId)}/score`, { signal }),
};
