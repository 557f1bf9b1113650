import type { FeatureSpec, LeadRow } from './predictive/index.js';

/*
 * What the predictive score reads from a lead, and which leads it learns from. Pure: the
 * services hand over lead fields and engagement counts, these functions turn them into rows
 * and labels.
 */

/** The lead fields (and derived values) the model reads, as the leads module names them. */
export const FEATURE_SPEC: FeatureSpec = {
  version: 1,
  features: [
    { name: 'source', kind: 'categorical' },
    { name: 'industry', kind: 'categorical' },
    { name: 'province', kind: 'categorical' },
    { name: 'region', kind: 'categorical' },
    { name: 'seniority', kind: 'categorical' },
    { name: 'productInterest', kind: 'categorical' },
    { name: 'campaignType', kind: 'categorical' },
    { name: 'headcount', kind: 'numeric' },
    { name: 'registeredCapital', kind: 'numeric' },
    { name: 'emailOpens', kind: 'numeric' },
    { name: 'emailClicks', kind: 'numeric' },
    { name: 'webVisits', kind: 'numeric' },
    { name: 'formSubmits', kind: 'numeric' },
    { name: 'contentDownloads', kind: 'numeric' },
    { name: 'events', kind: 'numeric' },
  ],
};

/** Engagement kinds (rule scoring's engagement events) counted into each engagement feature. */
export const ENGAGEMENT_FEATURES: Readonly<Record<string, readonly string[]>> = {
  emailOpens: ['email_open'],
  emailClicks: ['email_click'],
  webVisits: ['web_visit'],
  formSubmits: ['form_submit'],
  contentDownloads: ['content_download'],
  events: ['event_registration', 'event_attendance'],
};

/** Lead fields whose change moves the predicted score (the trigger for rescoring one lead). */
export const PREDICTIVE_LEAD_FIELDS = [
  'source', 'industry', 'province', 'region', 'title', 'productInterest', 'campaignId', 'headcount', 'registeredCapital',
] as const;

/** What the row builder needs of a lead. */
export interface LeadFeatureInput {
  source: string | null;
  industry: string | null;
  province: string | null;
  region: string | null;
  title: string | null;
  productInterest: string | null;
  headcount: number | null;
  registeredCapital: { amount: string } | null;
}

/**
 * A lead as the model reads it. Registered capital is its amount (the currency is not read:
 * a tenant's leads are nearly all in one). Engagement counts default to 0 (no events).
 */
export function leadRow(lead: LeadFeatureInput, campaignType: string | null, engagement: Readonly<Record<string, number>> = {}): LeadRow {
  const row: Record<string, string | number | null> = {
    source: lead.source,
    industry: lead.industry,
    province: lead.province,
    region: lead.region,
    seniority: seniorityOf(lead.title),
    productInterest: lead.productInterest,
    campaignType,
    headcount: lead.headcount,
    registeredCapital: lead.registeredCapital?.amount ?? null,
  };
  for (const feature of Object.keys(ENGAGEMENT_FEATURES)) row[feature] = engagement[feature] ?? 0;
  return row;
}

/** Per-kind counts of a lead's engagement, folded into the engagement features. */
export function engagementFeatures(countsByKind: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [feature, kinds] of Object.entries(ENGAGEMENT_FEATURES)) {
    out[feature] = kinds.reduce((sum, kind) => sum + (countsByKind[kind] ?? 0), 0);
  }
  return out;
}

export const SENIORITIES = ['executive', 'director', 'manager', 'staff', 'other'] as const;
export type Seniority = (typeof SENIORITIES)[number];

/** First match wins, so 副总经理 is a director-level title before 总经理 makes it an executive. */
const SENIORITY_PATTERNS: readonly [Seniority, RegExp][] = [
  ['director', /副总|副董事长|\b(vp|svp|evp)\b|vice[ -]?president/i],
  ['executive', /董事长|总经理|总裁|首席|创始人|合伙人|老板|\b(ceo|cto|cio|cfo|coo|cmo|chief|founder|co-founder|owner|president|managing director|general manager)\b/i],
  ['director', /总监|部长|厂长|\b(director|head of|head)\b/i],
  ['manager', /经理|主管|主任|组长|\b(manager|supervisor|team lead)\b/i],
  ['staff', /工程师|专员|采购|助理|顾问|会计|技术员|文员|\b(engineer|specialist|analyst|assistant|buyer|consultant|accountant|coordinator|officer|associate|developer)\b/i],
];

/** The title's seniority bucket; null when there is no title (the model's "missing"). */
export function seniorityOf(title: string | null | undefined): Seniority | null {
  const text = title?.trim();
  if (!text) return null;
  return SENIORITY_PATTERNS.find(([, pattern]) => pattern.test(text))?.[0] ?? 'other';
}

/** Statuses whose outcome is still open: the predicted score is kept up to date on these only. */
export const PREDICTED_STATUSES = ['new', 'mql', 'accepted', 'recycled'] as const;

export interface LabelRule {
  /** A `new` or `recycled` lead created more than this many days ago counts as not converted. */
  staleDays: number;
}

export const DEFAULT_LABEL_RULE: LabelRule = { staleDays: 90 };

export interface LabelInput {
  status: string;
  createdAt: string;
  statusChangedAt: string;
  convertedAt: string | null;
  convertedOpportunityId: string | null;
}

export interface Outcome {
  label: 0 | 1;
  /** Engagement up to this instant is what the lead showed before its outcome. */
  until: Date;
}

const DAY_MS = 86_400_000;

/**
 * The label rule — which past leads teach the model, and what they teach:
 * - converted (1): status `converted` or `sql`, or the lead has a converted opportunity;
 * - not converted (0): status `disqualified`, or still `new` / `recycled` more than
 *   `staleDays` after it was created;
 * - anything else (`mql`, `accepted`, a recent `new` or `recycled`) is still open: no label.
 * Engagement is counted up to the outcome (the conversion or the last status change), so
 * what happened after the outcome does not teach the model.
 */
export function leadOutcome(lead: LabelInput, now: Date, rule: LabelRule = DEFAULT_LABEL_RULE): Outcome | null {
  const changed = new Date(lead.statusChangedAt);
  if (lead.status === 'converted' || lead.convertedOpportunityId) return { label: 1, until: new Date(lead.convertedAt ?? lead.statusChangedAt) };
  if (lead.status === 'sql') return { label: 1, until: changed };
  if (lead.status === 'disqualified') return { label: 0, until: changed };
  if ((lead.status === 'new' || lead.status === 'recycled') && now.getTime() - new Date(lead.createdAt).getTime() > rule.staleDays * DAY_MS) {
    return { label: 0, until: now };
  }
  return null;
}

/** The statuses and age that can carry a label, for selecting candidates in SQL (the rule above decides). */
export function labelledCandidates(now: Date, rule: LabelRule = DEFAULT_LABEL_RULE) {
  return {
    closedStatuses: ['converted', 'sql', 'disqualified'],
    staleStatuses: ['new', 'recycled'],
    createdBefore: new Date(now.getTime() - rule.staleDays * DAY_MS),
  };
}

export type ModelQuality = 'excellent' | 'good' | 'fair' | 'weak' | 'poor' | 'unknown';

/**
 * AUC in plain words: the chance that a converting lead scores above one that does not.
 * 0.5 is a coin toss; the bands follow the usual reading of ROC areas.
 */
export function modelQuality(auc: number | null): ModelQuality {
  if (auc === null || !Number.isFinite(auc)) return 'unknown';
  if (auc >= 0.9) return 'excellent';
  if (auc >= 0.8) return 'good';
  if (auc >= 0.7) return 'fair';
  if (auc >= 0.6) return 'weak';
  return 'poor';
}

/**
 * Whether an update of a lead calls for a new predicted score: a field the model reads changed,
 * or the status did (a reopened lead is scored again). Score-only updates — rule scoring's and
 * ours — never do, so the two scorers cannot set each other off.
 */
export function updateAffectsPrediction(changes: Readonly<Record<string, unknown>> | null | undefined): boolean {
  const changed = Object.keys(changes ?? {});
  return changed.some((field) => field === 'status' || (PREDICTIVE_LEAD_FIELDS as readonly string[]).includes(field));
}
