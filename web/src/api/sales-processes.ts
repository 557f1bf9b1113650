import type { StakeholderCheck } from './battle-map';
import { request } from './http-client';
import { resource } from './resources';
import type { BaseRecord, Locale } from './types';

/** Sales processes with gated stages (OPP-2, OPP-3), loss reasons and how strictly deals are qualified. */

export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** Deal fields a stage may require before the deal leaves it. */
export const REQUIRABLE_FIELDS = [
  'amount',
  'closeDate',
  'nextStep',
  'competitors',
  'contacts',
  'lineItems',
  'bant.budget',
  'bant.budget.approved',
  'bant.authority',
  'bant.need',
  'bant.timeline',
] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

export interface ChecklistItem {
  /** lower_snake_case, unique across the process (a deal's ticks are kept by it). */
  key: string;
  label: string;
}

export interface ExitCriteria {
  checklist: ChecklistItem[];
  requiredFields: RequirableField[];
  /** Document kinds or names that must be attached. */
  requiredDocuments: string[];
  requiredStakeholders: StakeholderCheck[];
}

export interface Stage {
  id: string;
  processId: string;
  key: string | null;
  name: string;
  order: number;
  probability: number;
  forecastCategory: ForecastCategory;
  isWon: boolean;
  isLost: boolean;
  exitCriteria: ExitCriteria;
}

export interface StageInput {
  name: string;
  probability: number;
  forecastCategory: ForecastCategory;
  exitCriteria: ExitCriteria;
}

export interface SalesProcess extends BaseRecord {
  name: string;
  businessLine: string | null;
  description: string | null;
  templateKey: string | null;
  isDefault: boolean;
  allowManagerOverride: boolean;
  active: boolean;
  stages: Stage[];
}

export interface SalesProcessInput {
  name: string;
  businessLine: string | null;
  description: string | null;
  isDefault: boolean;
  allowManagerOverride: boolean;
  active: boolean;
  /** Only on create: the open stages (won and lost are added by the server). */
  stages?: { name: string; probability: number; forecastCategory: ForecastCategory }[];
}

export type TemplateKey = 'simple' | 'solution';

export interface ProcessTemplate {
  key: TemplateKey;
  name: string;
  description: string;
  stages: Omit<Stage, 'id' | 'processId' | 'order'>[];
}

export interface LossReason extends BaseRecord {
  key: string;
  labels: Record<Locale, string>;
  /** In the caller's language. */
  label?: string;
  active: boolean;
  sortOrder: number;
}

export interface LossReasonInput {
  key: string;
  labels: Partial<Record<Locale, string>>;
  active: boolean;
  sortOrder: number;
}

export const BANT_PARTS = ['budget', 'authority', 'need', 'timeline'] as const;
export type BantPart = (typeof BANT_PARTS)[number];

export interface DealSettings {
  /** strict: an unqualified deal cannot be created; lenient: it is created and flagged. */
  bantMode: 'strict' | 'lenient';
  bantRequired: BantPart[];
  version: number;
  updatedAt: string | null;
}

const processPath = (id: string, rest = '') => `/sales-processes/${encodeURIComponent(id)}${rest}`;

export const salesProcessesApi = {
  ...resource<SalesProcess, SalesProcessInput>('sales-processes'),
  templates: (signal?: AbortSignal) => request<{ data: ProcessTemplate[] }>('GET', '/sales-process-templates', { signal }),
  fromTemplate: (input: { template: TemplateKey; name?: string; businessLine?: string | null }) =>
    request<SalesProcess>('POST', '/sales-processes/from-template', { body: input }),
  addStage: (id: string, stage: StageInput & { version: number }) => request<SalesProcess>('POST', processPath(id, '/stages'), { body: stage }),
  editStage: (id: string, stageId: string, patch: Partial<StageInput> & { version: number }) =>
    request<SalesProcess>('PATCH', processPath(id, `/stages/${encodeURIComponent(stageId)}`), { body: patch }),
  removeStage: (id: string, stageId: string, version: number) =>
    request<SalesProcess>('DELETE', processPath(id, `/stages/${encodeURIComponent(stageId)}`), { query: `version=${version}` }),
  reorderStages: (id: string, stageIds: string[], version: number) =>
    request<SalesProcess>('POST', processPath(id, '/reorder-stages'), { body: { stageIds, version } }),
};

export const lossReasonsApi = resource<LossReason, LossReasonInput>('loss-reasons');

export const dealSettingsApi = {
  get: (signal?: AbortSignal) => request<DealSettings>('GET', '/opportunity-settings', { signal }),
  put: (settings: Pick<DealSettings, 'bantMode' | 'bantRequired' | 'version'>) =>
    request<DealSettings>('PUT', '/opportunity-settings', { body: settings }),
};
