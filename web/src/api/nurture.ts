import { request } from './http-client';
import { buildListQuery, type ListParams } from './list-params';
import type { BaseRecord, Locale, Page } from './types';

/** Nurture (M2L-5): e-mail templates, programs and enrolments, pools, sender settings, suppressions. */

export interface EmailTemplateInput {
  name: string;
  subject: string;
  bodyHtml: string;
  bodyText: string | null;
  locale: Locale;
  description: string | null;
}

export interface EmailTemplate extends BaseRecord, EmailTemplateInput {
  createdBy: string | null;
}

export interface TemplatePreview {
  subject: string;
  html: string;
  text: string;
  links: string[];
}

export type ProgramStatus = 'draft' | 'active' | 'paused' | 'archived';
export type BranchCondition = 'opened' | 'clicked' | 'visited';
export type Pool = 'warm' | 'cold' | 'recycled';

export type NurtureStep =
  | { type: 'send_email'; templateId: string }
  | { type: 'wait'; days?: number; hours?: number }
  | { type: 'branch'; if: BranchCondition; withinDays: number; then: number; else: number }
  | { type: 'exit' };
export type StepType = NurtureStep['type'];

export interface EnrollmentRule {
  pools?: Pool[];
  statuses?: string[];
  minScore?: number;
  maxScore?: number;
  grades?: string[];
  sources?: string[];
  industries?: string[];
}

export interface ProgramStats {
  active: number;
  completed: number;
  exited: number;
  sent: number;
  opened: number;
  clicked: number;
}

export interface ProgramInput {
  name: string;
  description: string | null;
  status: ProgramStatus;
  steps: NurtureStep[];
  enrollmentRule: EnrollmentRule | null;
}

export interface NurtureProgram extends BaseRecord, ProgramInput {
  createdBy: string | null;
  stats?: ProgramStats;
}

export type EnrollmentStatus = 'active' | 'completed' | 'exited';

export interface Enrollment {
  id: string;
  programId: string;
  leadId: string;
  leadName: string | null;
  leadEmail: string | null;
  leadCompany: string | null;
  status: EnrollmentStatus;
  currentStep: number;
  nextRunAt: string | null;
  lastStepAt: string | null;
  source: 'manual' | 'rule';
  exitReason: string | null;
  createdAt: string;
  endedAt: string | null;
  version: number;
}

export interface EnrollResult {
  enrolled: { leadId: string; enrollmentId: string }[];
  skipped: { leadId: string; reason: string }[];
}

export interface PoolLead {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
  status: string;
  score: number | null;
  grade: string | null;
  source: string | null;
  industry: string | null;
  createdAt: string;
  statusChangedAt: string;
  lastReason: string | null;
}

export interface PoolThresholds {
  warmMinScore: number;
  coldInactiveDays: number;
}

export interface Pools {
  thresholds: PoolThresholds;
  pools: Record<Pool, { count: number; leads: PoolLead[]; nextCursor: string | null }>;
}

export interface NurtureSettingsInput extends PoolThresholds {
  smtpHost: string | null;
  smtpPort: number;
  smtpSecure: boolean;
  smtpUser: string | null;
  fromName: string | null;
  fromAddress: string | null;
  replyTo: string | null;
  publicBaseUrl: string | null;
}

export interface NurtureSettings extends NurtureSettingsInput {
  version: number;
  updatedAt: string | null;
  /** A password is stored; it is never sent back. */
  hasPassword: boolean;
  effectivePublicUrl: string;
  trackingScriptUrl: string;
}

export interface Suppression {
  id: string;
  email: string;
  reason: 'unsubscribed' | 'bounced' | 'do_not_contact' | 'manual';
  leadId: string | null;
  details: string | null;
  createdBy: string | null;
  createdAt: string;
}

/** The react-query keys of nurture; `['nurture']` covers them all. */
export const nurtureKeys = {
  all: () => ['nurture'] as const,
  program: (id: string) => ['nurture-programs', 'detail', id] as const,
  templatesAll: () => ['email-templates'] as const,
  pools: () => ['nurture', 'pools'] as const,
  settings: () => ['nurture', 'settings'] as const,
  templateOptions: () => ['email-templates', 'options'] as const,
};

const enc = encodeURIComponent;

export const emailTemplatesApi = {
  list: (params: ListParams, signal?: AbortSignal) =>
    request<Page<EmailTemplate>>('GET', '/email-templates', { query: buildListQuery(params), signal }),
  get: (id: string, signal?: AbortSignal) => request<EmailTemplate>('GET', `/email-templates/${enc(id)}`, { signal }),
  create: (input: EmailTemplateInput) => request<EmailTemplate>('POST', '/email-templates', { body: input }),
  update: (id: string, patch: Partial<EmailTemplateInput> & { version: number }) =>
    request<EmailTemplate>('PATCH', `/email-templates/${enc(id)}`, { body: patch }),
  remove: (id: string, version: number) => request<void>('DELETE', `/email-templates/${enc(id)}`, { query: `version=${version}` }),
  preview: (input: Pick<EmailTemplateInput, 'subject' | 'bodyHtml' | 'bodyText' | 'locale'> & { leadId?: string }) =>
    request<TemplatePreview>('POST', '/email-templates/preview', { body: input }),
};

export const nurtureProgramsApi = {
  list: (params: ListParams, signal?: AbortSignal) =>
    request<Page<NurtureProgram>>('GET', '/nurture-programs', { query: buildListQuery(params), signal }),
  get: (id: string, signal?: AbortSignal) => request<NurtureProgram>('GET', `/nurture-programs/${enc(id)}`, { signal }),
  create: (input: Partial<ProgramInput> & { name: string }) => request<NurtureProgram>('POST', '/nurture-programs', { body: input }),
  update: (id: string, patch: Partial<ProgramInput> & { version: number }) =>
    request<NurtureProgram>('PATCH', `/nurture-programs/${enc(id)}`, { body: patch }),
  remove: (id: string, version: number) => request<void>('DELETE', `/nurture-programs/${enc(id)}`, { query: `version=${version}` }),
  /** `filter.status` is the only filter; newest first. */
  enrollments: (id: string, params: ListParams, signal?: AbortSignal) => {
    const query = new URLSearchParams(buildListQuery({ limit: params.limit, cursor: params.cursor }));
    if (params.filter?.status) query.set('status', params.filter.status);
    return request<Page<Enrollment>>('GET', `/nurture-programs/${enc(id)}/enrollments`, { query: query.toString(), signal });
  },
  enroll: (id: string, leadIds: string[]) => request<EnrollResult>('POST', `/nurture-programs/${enc(id)}/enrollments`, { body: { leadIds } }),
  exit: (id: string, enrollmentId: string) =>
    request<Enrollment>('POST', `/nurture-programs/${enc(id)}/enrollments/${enc(enrollmentId)}/exit`, { body: {} }),
};

/** The few lead fields the enrol picker shows. */
export interface LeadOption {
  id: string;
  name: string;
  company: string | null;
  email: string | null;
}

export const nurtureApi = {
  /** Leads the user can see, by name, company, e-mail or phone, for enrolling by hand. */
  searchLeads: (q: string, signal?: AbortSignal) =>
    request<Page<LeadOption>>('GET', '/leads', { query: buildListQuery({ q, limit: 20 }), signal }),
  pools: (signal?: AbortSignal) => request<Pools>('GET', '/nurture/pools', { query: 'limit=10', signal }),
  settings: (signal?: AbortSignal) => request<NurtureSettings>('GET', '/nurture/settings', { signal }),
  /** `smtpPassword`: a new one; null removes it; absent keeps the stored one. */
  saveSettings: (input: Partial<NurtureSettingsInput> & { smtpPassword?: string | null; version: number }) =>
    request<NurtureSettings>('PATCH', '/nurture/settings', { body: input }),
  testSend: (to: string) => request<{ ok: boolean; error: string | null }>('POST', '/nurture/settings/test', { body: { to } }),
  suppressions: (params: ListParams, signal?: AbortSignal) =>
    request<Page<Suppression>>('GET', '/nurture/suppressions', {
      query: buildListQuery({ limit: params.limit, cursor: params.cursor, q: params.q }),
      signal,
    }),
  addSuppression: (email: string, details: string | null) =>
    request<Suppression>('POST', '/nurture/suppressions', { body: { email, details } }),
  removeSuppression: (id: string) => request<void>('DELETE', `/nurture/suppressions/${enc(id)}`),
};
