import type { DedupObject } from './party-of-record.js';

/** The fields a person picks, one by one, when merging records of each object. */
export const MERGE_FIELDS: Record<DedupObject, readonly string[]> = {
  leads: [
    'name', 'company', 'title', 'email', 'phone', 'creditCode', 'industry', 'headcount', 'registeredCapital',
    'province', 'city', 'region', 'address', 'website', 'productInterest', 'source', 'campaignId', 'description', 'ownerId',
  ],
  accounts: [
    'name', 'creditCode', 'industry', 'registeredCapital', 'headcount', 'province', 'city', 'region', 'address',
    'website', 'phone', 'parentAccountId', 'ownerId',
  ],
  contacts: ['name', 'accountId', 'title', 'department', 'phones', 'email', 'wechat', 'reportsToId', 'ownerId'],
};

/** Fields pointing at records of the same object: never at one of the merged records, nor the survivor itself. */
const SELF_REFERENCES: Partial<Record<DedupObject, string>> = { accounts: 'parentAccountId', contacts: 'reportsToId' };

/** A person's phones: all of them are kept, the chosen record's first. */
const MAX_PHONES = 10;

export interface MergeRequest {
  object: DedupObject;
  survivorId: string;
  mergedIds: string[];
  /** Field → the id of the record (survivor or merged) whose value the survivor takes. */
  fields?: Record<string, string>;
}

export interface MergeProblem {
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** What is wrong with a request on its face, before any record is read. */
export function checkMergeRequest(req: MergeRequest): MergeProblem[] {
  const problems: MergeProblem[] = [];
  if (req.mergedIds.includes(req.survivorId)) problems.push({ field: 'mergedIds', code: 'MERGE_SURVIVOR_IN_MERGED' });
  if (new Set(req.mergedIds).size !== req.mergedIds.length) problems.push({ field: 'mergedIds', code: 'MERGE_DUPLICATE_ID' });
  const sources = new Set([req.survivorId, ...req.mergedIds]);
  for (const [field, source] of Object.entries(req.fields ?? {})) {
    if (!MERGE_FIELDS[req.object].includes(field)) problems.push({ field: `fields.${field}`, code: 'MERGE_FIELD_UNKNOWN', params: { field } });
    else if (!sources.has(source)) problems.push({ field: `fields.${field}`, code: 'MERGE_SOURCE_UNKNOWN', params: { field } });
  }
  return problems;
}

type Row = Record<string, unknown> & { id: string };

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export interface MergeValues {
  /** The survivor's changed fields and their new values. */
  patch: Record<string, unknown>;
  /** For every merge field: the id of the record its value comes from. */
  origins: Record<string, string>;
}

/**
 * The survivor's values after the merge. A field takes the value of the record chosen for it;
 * a field nobody chose keeps the survivor's value, or when that is empty the first merged
 * record's that has one (nothing is lost by not choosing). Rules that hold whatever is chosen:
 * a lead that any record marks "do not contact" stays so; a contact keeps every phone number;
 * a link to one of the merged records (parent account, reports-to) is dropped.
 */
export function mergeValues(
  object: DedupObject,
  survivor: Row,
  merged: readonly Row[],
  fields: Record<string, string> = {},
  /** Off for a read-only survivor (a converted lead): unchosen fields keep the survivor's value, even empty. */
  fillEmpty = true,
): MergeValues {
  const byId = new Map([survivor, ...merged].map((r) => [r.id, r]));
  const patch: Record<string, unknown> = {};
  const origins: Record<string, string> = {};
  for (const field of MERGE_FIELDS[object]) {
    const chosen = fields[field];
    const origin = chosen ?? (fillEmpty && isEmpty(survivor[field]) ? merged.find((r) => !isEmpty(r[field]))?.id : undefined) ?? survivor.id;
    origins[field] = origin;
    let value = byId.get(origin)?.[field] ?? null;
    if (SELF_REFERENCES[object] === field && typeof value === 'string' && byId.has(value)) value = null;
    if (object === 'contacts' && field === 'phones') {
      const all = [origin, ...byId.keys()].flatMap((id) => (byId.get(id)?.phones as string[] | undefined) ?? []);
      value = [...new Set(all)].slice(0, MAX_PHONES);
    }
    if (!same(value, survivor[field])) patch[field] = value;
  }
  if (object === 'leads' && !survivor.doNotContact && merged.some((r) => r.doNotContact)) patch.doNotContact = true;
  return { patch, origins };
}
