import { request } from './http-client';

/** Duplicate detection and merge (M2L-3): types and calls of `/duplicates`, `/<object>/{id}/duplicates`, `/merges`. */

export const DEDUP_OBJECTS = ['leads', 'accounts', 'contacts'] as const;
export type DedupObject = (typeof DEDUP_OBJECTS)[number];

export const MATCH_LEVELS = ['exact', 'strong', 'possible'] as const;
export type MatchLevel = (typeof MATCH_LEVELS)[number];

/** The reason codes of the matching engine (server/src/modules/dedup/reasons.ts); stable identifiers. */
export const REASON_CODES = [
  'SAME_CREDIT_CODE', 'DIFFERENT_CREDIT_CODE', 'SAME_EMAIL', 'SAME_ROLE_EMAIL', 'SAME_PHONE', 'SAME_DOMAIN',
  'COLLEAGUE_EMAILS', 'DIFFERENT_MOBILE',
  'SAME_COMPANY', 'SIMILAR_COMPANY', 'DIFFERENT_COMPANY', 'SAME_PERSON_NAME', 'SIMILAR_PERSON_NAME',
  'DIFFERENT_PERSON_NAME', 'SAME_PERSON_AT_COMPANY', 'SAME_ADDRESS', 'SIMILAR_ADDRESS', 'DIFFERENT_ADDRESS',
  'SAME_CITY', 'DIFFERENT_CITY', 'SAME_REGION', 'DIFFERENT_REGION', 'SAME_POSTCODE', 'SIMILAR_POSTCODE',
  'DIFFERENT_POSTCODE', 'SAME_BIRTH_DATE', 'SIMILAR_BIRTH_DATE', 'DIFFERENT_BIRTH_DATE',
] as const;
export type ReasonCode = (typeof REASON_CODES)[number];

export interface MatchReason {
  code: ReasonCode | string;
  /** Evidence in bits: positive says "same", negative "different". */
  weight: number;
  /** English detail with the compared values. */
  detail: string;
}

/** A record as its own endpoint returns it (a lead, account or contact). */
export type DedupRecord = Record<string, unknown> & { id: string; version: number; createdAt: string };

export interface DuplicateMember {
  object: DedupObject;
  id: string;
  title: string;
  subtitle: string | null;
  record: DedupRecord;
}

export interface DuplicatePair {
  recordIds: [string, string];
  score: number;
  level: MatchLevel;
  reasons: MatchReason[];
}

export interface DuplicateGroup {
  key: string;
  level: MatchLevel;
  members: DuplicateMember[];
  pairs: DuplicatePair[];
}

export interface DuplicateList {
  object: DedupObject;
  groups: DuplicateGroup[];
  possible: DuplicateGroup[];
  truncated: boolean;
  indexPending: boolean;
}

export interface DuplicateCandidate extends DuplicateMember {
  score: number;
  level: MatchLevel;
  reasons: MatchReason[];
}

export interface MergeInput {
  object: DedupObject;
  survivorId: string;
  mergedIds: string[];
  /** Field → id of the record whose value the survivor takes. */
  fields: Record<string, string>;
  /** Record id → the version shown in the dialog. */
  versions: Record<string, number>;
}

export interface MergeResult {
  object: DedupObject;
  survivor: DedupRecord;
  mergedIds: string[];
  fields: Record<string, string>;
  moved: Record<string, string[]>;
}

export const duplicatesApi = {
  list: (object: DedupObject, minLevel: MatchLevel, signal?: AbortSignal) =>
    request<DuplicateList>('GET', '/duplicates', { query: new URLSearchParams({ object, minLevel, limit: '100' }).toString(), signal }),
  ofRecord: (object: DedupObject, id: string, minLevel: MatchLevel = 'possible', signal?: AbortSignal) =>
    request<{ data: DuplicateCandidate[] }>('GET', `/${object}/${encodeURIComponent(id)}/duplicates`, { query: `minLevel=${minLevel}`, signal }),
  merge: (input: MergeInput) => request<MergeResult>('POST', '/merges', { body: input }),
};
