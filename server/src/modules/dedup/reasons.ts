/**
 * Why two records were judged (un)alike. Codes are stable identifiers: the UI translates them
 * (zh-CN, en-US) and stored decisions refer to them, so never rename one.
 */
export const REASON_CODES = [
  'SAME_CREDIT_CODE',
  'DIFFERENT_CREDIT_CODE',
  'SAME_EMAIL',
  'SAME_ROLE_EMAIL',
  'SAME_PHONE',
  'SAME_DOMAIN',
  'COLLEAGUE_EMAILS',
  'DIFFERENT_MOBILE',
  'SAME_COMPANY',
  'SIMILAR_COMPANY',
  'DIFFERENT_COMPANY',
  'SAME_PERSON_NAME',
  'SIMILAR_PERSON_NAME',
  'DIFFERENT_PERSON_NAME',
  'SAME_PERSON_AT_COMPANY',
  'SAME_ADDRESS',
  'SIMILAR_ADDRESS',
  'DIFFERENT_ADDRESS',
  'SAME_CITY',
  'DIFFERENT_CITY',
  'SAME_REGION',
  'DIFFERENT_REGION',
  'SAME_POSTCODE',
  'SIMILAR_POSTCODE',
  'DIFFERENT_POSTCODE',
  'SAME_BIRTH_DATE',
  'SIMILAR_BIRTH_DATE',
  'DIFFERENT_BIRTH_DATE',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

/** Reasons that on their own identify the record: an exact key rather than a resemblance. */
export const EXACT_KEY_REASONS: ReadonlySet<ReasonCode> = new Set(['SAME_CREDIT_CODE', 'SAME_EMAIL', 'SAME_PHONE']);

/** Reasons that describe where a party is: for a business, one fact (its premises) said several ways. */
export const PREMISES_REASONS: ReadonlySet<ReasonCode> = new Set([
  'SAME_PHONE',
  'SAME_ADDRESS',
  'SIMILAR_ADDRESS',
  'SAME_CITY',
  'SAME_REGION',
  'SAME_POSTCODE',
  'SIMILAR_POSTCODE',
]);

export interface MatchReason {
  code: ReasonCode;
  /** Evidence in bits (log2 of the likelihood ratio): positive for "same", negative for "different". */
  weight: number;
  /** Short English explanation with the compared values, for logs and tooltips. */
  detail: string;
}
