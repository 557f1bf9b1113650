import type { EngagementKind, RuleCategory, RuleOperator } from '../api/scoring';
import type { MessageKey } from '../i18n/messages-en-us';

/** What rules may test, mirrored from the server's rule vocabulary, with the labels to show. */

export type FieldType = 'text' | 'number';

export interface RuleField {
  key: string;
  type: FieldType;
  labelKey: MessageKey;
}

/** Lead fields of the ideal customer profile. */
export const FIT_FIELDS: readonly RuleField[] = [
  { key: 'industry', type: 'text', labelKey: 'scoring.field.industry' },
  { key: 'headcount', type: 'number', labelKey: 'scoring.field.headcount' },
  { key: 'registeredCapital', type: 'number', labelKey: 'scoring.field.registeredCapital' },
  { key: 'title', type: 'text', labelKey: 'scoring.field.title' },
  { key: 'company', type: 'text', labelKey: 'scoring.field.company' },
  { key: 'region', type: 'text', labelKey: 'scoring.field.region' },
  { key: 'province', type: 'text', labelKey: 'scoring.field.province' },
  { key: 'city', type: 'text', labelKey: 'scoring.field.city' },
  { key: 'productInterest', type: 'text', labelKey: 'scoring.field.productInterest' },
  { key: 'source', type: 'text', labelKey: 'scoring.field.source' },
  { key: 'email', type: 'text', labelKey: 'scoring.field.email' },
  { key: 'website', type: 'text', labelKey: 'scoring.field.website' },
  { key: 'campaignId', type: 'text', labelKey: 'scoring.field.campaignId' },
];

/** Details of an engagement event a rule may test. */
export const DETAIL_FIELDS: readonly RuleField[] = [
  { key: 'dwellSeconds', type: 'number', labelKey: 'scoring.detail.dwellSeconds' },
  { key: 'url', type: 'text', labelKey: 'scoring.detail.url' },
  { key: 'campaignId', type: 'text', labelKey: 'scoring.detail.campaignId' },
  { key: 'subject', type: 'text', labelKey: 'scoring.detail.subject' },
];

export const ENGAGEMENT_KINDS: readonly { key: EngagementKind; labelKey: MessageKey }[] = [
  { key: 'email_open', labelKey: 'scoring.kind.email_open' },
  { key: 'email_click', labelKey: 'scoring.kind.email_click' },
  { key: 'web_visit', labelKey: 'scoring.kind.web_visit' },
  { key: 'form_submit', labelKey: 'scoring.kind.form_submit' },
  { key: 'content_download', labelKey: 'scoring.kind.content_download' },
  { key: 'event_registration', labelKey: 'scoring.kind.event_registration' },
  { key: 'event_attendance', labelKey: 'scoring.kind.event_attendance' },
  { key: 'unsubscribe', labelKey: 'scoring.kind.unsubscribe' },
  { key: 'email_bounce', labelKey: 'scoring.kind.email_bounce' },
];

export const OPERATOR_LABELS: Readonly<Record<RuleOperator, MessageKey>> = {
  equals: 'scoring.op.equals',
  not_equals: 'scoring.op.not_equals',
  in: 'scoring.op.in',
  not_in: 'scoring.op.not_in',
  contains: 'scoring.op.contains',
  gte: 'scoring.op.gte',
  lte: 'scoring.op.lte',
  between: 'scoring.op.between',
  is_empty: 'scoring.op.is_empty',
  is_not_empty: 'scoring.op.is_not_empty',
};

const TEXT_OPERATORS: readonly RuleOperator[] = ['in', 'contains', 'equals', 'not_in', 'not_equals', 'is_empty', 'is_not_empty'];
const NUMBER_OPERATORS: readonly RuleOperator[] = ['gte', 'lte', 'between', 'equals', 'not_equals', 'is_empty', 'is_not_empty'];

export function fieldOf(category: RuleCategory, key: string | null | undefined): RuleField | undefined {
  return (category === 'fit' ? FIT_FIELDS : DETAIL_FIELDS).find((f) => f.key === key);
}

/** The conditions that make sense on a field of this type (unknown details: text conditions). */
export const operatorsFor = (type: FieldType | undefined): readonly RuleOperator[] =>
  type === 'number' ? NUMBER_OPERATORS : TEXT_OPERATORS;

/** What the value input of a condition is: nothing, one value, a list, a number or a range. */
export type ValueShape = 'none' | 'single' | 'list' | 'number' | 'range';

export function valueShape(operator: RuleOperator | null | undefined, type: FieldType | undefined): ValueShape {
  switch (operator) {
    case null:
    case undefined:
    case 'is_empty':
    case 'is_not_empty':
      return 'none';
    case 'in':
    case 'not_in':
    case 'contains':
      return 'list';
    case 'gte':
    case 'lte':
      return 'number';
    case 'between':
      return 'range';
    default:
      return type === 'number' ? 'number' : 'single';
  }
}
