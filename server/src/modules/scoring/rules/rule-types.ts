/** The vocabulary of rule scoring: categories, operators, the fields and events rules read. */

export const RULE_CATEGORIES = ['fit', 'engagement'] as const;
export type RuleCategory = (typeof RULE_CATEGORIES)[number];

export const OPERATORS = [
  'equals', 'not_equals', 'in', 'not_in', 'contains', 'gte', 'lte', 'between', 'is_empty', 'is_not_empty',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const NUMERIC_OPERATORS: readonly Operator[] = ['gte', 'lte', 'between'];
export const TEXT_OPERATORS: readonly Operator[] = ['equals', 'not_equals', 'in', 'not_in', 'contains'];
export const EMPTINESS_OPERATORS: readonly Operator[] = ['is_empty', 'is_not_empty'];

export type FieldType = 'text' | 'number';

/** The lead fields a fit rule may test (the ideal customer profile), with their type. */
export const FIT_FIELDS = {
  industry: 'text',
  headcount: 'number',
  registeredCapital: 'number',
  title: 'text',
  company: 'text',
  province: 'text',
  city: 'text',
  region: 'text',
  productInterest: 'text',
  source: 'text',
  email: 'text',
  website: 'text',
  campaignId: 'text',
} as const satisfies Record<string, FieldType>;
export type FitField = keyof typeof FIT_FIELDS;
export const isFitField = (field: string): field is FitField => Object.hasOwn(FIT_FIELDS, field);

/** Kinds of engagement an integration (mail, web analytics, forms, events) may report. */
export const ENGAGEMENT_KINDS = [
  'email_open', 'email_click', 'email_bounce', 'web_visit', 'form_submit', 'content_download',
  'event_registration', 'event_attendance', 'unsubscribe',
] as const;
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];

/** Details of an event that rules commonly test; any other detail key may be tested as text or number. */
export const ENGAGEMENT_DETAIL_FIELDS = {
  dwellSeconds: 'number',
  url: 'text',
  campaignId: 'text',
  subject: 'text',
} as const satisfies Record<string, FieldType>;

/** One scoring rule as the engine reads it. */
export interface ScoringRuleDef {
  id: string;
  name: string;
  category: RuleCategory;
  /** Fit: the lead field. Engagement: the detail tested, or null for every occurrence. */
  field: string | null;
  /** Engagement: the kind of event counted. */
  eventKind: string | null;
  operator: Operator | null;
  value: unknown;
  /** Fit: points when the condition holds. Engagement: points per occurrence. May be negative. */
  points: number;
  /** Engagement: at most this many points (in absolute value); null = no cap. */
  cap: number | null;
  /** Engagement: an occurrence is worth half after this many days; null = no decay. */
  halfLifeDays: number | null;
  active: boolean;
  order: number;
}

export interface EngagementEvent {
  kind: string;
  at: Date;
  details: Readonly<Record<string, unknown>>;
}

/** A lead's fields as the engine reads them: text, numbers (registered capital as its amount) or null. */
export type LeadFacts = Readonly<Partial<Record<FitField, string | number | null>>>;

export interface GradeThresholds {
  /** Lowest total of each grade; below gradeC is D. */
  gradeA: number;
  gradeB: number;
  gradeC: number;
}

export const GRADES = ['A', 'B', 'C', 'D'] as const;
export type Grade = (typeof GRADES)[number];

export type FitDetail = {
  field: string;
  operator: Operator;
  value: unknown;
  /** The lead's value the condition was tested on. */
  actual: string | number | null;
};

export type EngagementDetail = {
  eventKind: string;
  occurrences: number;
  /** Points before decay and cap. */
  undecayed: number;
  /** Points after decay, before cap and rounding. */
  decayed: number;
  capped: boolean;
  lastAt: string;
};

export interface FiredRule {
  ruleId: string;
  name: string;
  category: RuleCategory;
  /** Whole points this rule gave; the fired points add up to the totals exactly. */
  points: number;
  detail: FitDetail | EngagementDetail;
}

export interface ScoreResult {
  fit: number;
  engagement: number;
  total: number;
  grade: Grade;
  fired: FiredRule[];
}
