import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type {
  Campaign,
  CampaignCostInput,
  CampaignFormSettings,
  CampaignInput,
  CampaignType,
  CostCategory,
  FormField,
  ResponseSubmission,
} from '../api/types';
import { emptyToNull, numberOrNull } from '../shared/form-values';
import { normalizeAmount } from '../shared/money';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** What the campaign drawer edits: dates as day pickers, amounts as typed text, one currency. */
export interface CampaignFormValues {
  name: string;
  type: CampaignType;
  status?: 'planned' | 'active';
  dates: [Dayjs | null, Dayjs | null] | null;
  description?: string | null;
  currency: string;
  budget?: string | null;
  goalLeads?: number | null;
  goalMqls?: number | null;
  goalPipeline?: string | null;
  ownerId?: string | null;
}

export const CAMPAIGN_FORM_FIELDS = [
  'name', 'type', 'status', 'dates', 'description', 'currency', 'budget', 'goalLeads', 'goalMqls', 'goalPipeline', 'ownerId',
] as const;

/** Server field paths shown on the drawer's inputs. */
export const CAMPAIGN_FIELD_ALIASES: Readonly<Record<string, string>> = {
  startDate: 'dates',
  endDate: 'dates',
  'budget.amount': 'budget',
  'budget.currency': 'currency',
  'goals.leads': 'goalLeads',
  'goals.mqls': 'goalMqls',
  'goals.pipeline': 'goalPipeline',
  'goals.pipeline.amount': 'goalPipeline',
};

export function toCampaignFormValues(campaign: Campaign | null, defaultCurrency: string, ownerId?: string): CampaignFormValues {
  if (!campaign) {
    return { name: '', type: 'seminar', status: 'planned', dates: [dayjs().startOf('day'), null], currency: defaultCurrency, ownerId: ownerId ?? null };
  }
  return {
    name: campaign.name,
    type: campaign.type,
    dates: [dayjs(campaign.startDate), campaign.endDate ? dayjs(campaign.endDate) : null],
    description: campaign.description,
    currency: campaign.budget?.currency ?? campaign.goals.pipeline?.currency ?? defaultCurrency,
    budget: campaign.budget?.amount ?? '',
    goalLeads: campaign.goals.leads,
    goalMqls: campaign.goals.mqls,
    goalPipeline: campaign.goals.pipeline?.amount ?? '',
    ownerId: campaign.ownerId,
  };
}

const money = (text: string | null | undefined, currency: string) => {
  const amount = emptyToNull(text);
  const normalized = amount === null ? null : normalizeAmount(amount);
  return normalized === null ? null : { amount: normalized, currency };
};

/** The API payload: dates as YYYY-MM-DD, amounts as exact decimal strings in the chosen currency. */
export function toCampaignInput(values: CampaignFormValues, isNew: boolean): CampaignInput {
  const [start, end] = values.dates ?? [null, null];
  return {
    name: values.name.trim(),
    type: values.type,
    ...(isNew && values.status ? { status: values.status } : {}),
    startDate: (start ?? dayjs()).format(DATE_FORMAT),
    endDate: end ? end.format(DATE_FORMAT) : null,
    description: emptyToNull(values.description),
    budget: money(values.budget, values.currency),
    goals: {
      leads: numberOrNull(values.goalLeads),
      mqls: numberOrNull(values.goalMqls),
      pipeline: money(values.goalPipeline, values.currency),
    },
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
  };
}

export const DEFAULT_FORM_SETTINGS: CampaignFormSettings = {
  open: true,
  title: null,
  description: null,
  fields: ['email', 'phone', 'company', 'title', 'message'],
  requiredFields: [],
  consentRequired: false,
  consentText: null,
  thankYouMessage: null,
};

/** The form-settings editor: per field, shown and required. */
export interface FormSettingsValues {
  open: boolean;
  title?: string | null;
  description?: string | null;
  fields: FormField[];
  requiredFields: FormField[];
  consentRequired: boolean;
  consentText?: string | null;
  thankYouMessage?: string | null;
}

export function toFormSettingsValues(settings: CampaignFormSettings): FormSettingsValues {
  return { ...settings };
}

/** A required field is always shown. */
export function toFormSettingsInput(values: FormSettingsValues): CampaignFormSettings {
  const required = values.requiredFields ?? [];
  return {
    open: values.open,
    title: emptyToNull(values.title),
    description: emptyToNull(values.description),
    fields: [...new Set([...(values.fields ?? []), ...required])],
    requiredFields: required,
    consentRequired: values.consentRequired,
    consentText: emptyToNull(values.consentText),
    thankYouMessage: emptyToNull(values.thankYouMessage),
  };
}

export interface CostFormValues {
  date: Dayjs | null;
  category: CostCategory;
  amount: string;
  note?: string | null;
}

export function toCostInput(values: CostFormValues, currency: string): CampaignCostInput {
  return {
    date: (values.date ?? dayjs()).format(DATE_FORMAT),
    category: values.category,
    amount: { amount: normalizeAmount(values.amount) ?? values.amount, currency },
    note: emptyToNull(values.note),
  };
}

/** A typed response: only the fields filled in are sent. */
export function toResponseSubmission(values: Record<string, string | undefined>): ResponseSubmission {
  const result: Record<string, string> = {};
  for (const [field, value] of Object.entries(values)) {
    const text = emptyToNull(value);
    if (text !== null) result[field] = text;
  }
  return result as unknown as ResponseSubmission;
}
