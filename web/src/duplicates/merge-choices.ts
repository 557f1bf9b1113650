import type { DedupObject, DedupRecord, MergeInput } from '../api/duplicates';

/** The fields picked one by one in a merge, per object (as the server's MERGE_FIELDS). */
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

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The record that should survive: a converted lead (it cannot be merged away), else the oldest. */
export function defaultSurvivor(records: readonly DedupRecord[]): string {
  const converted = records.find((r) => r.status === 'converted');
  if (converted) return converted.id;
  return [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))[0].id;
}

/** For each field, the record its value comes from by default: the survivor, unless its value is empty. */
export function defaultChoices(object: DedupObject, survivorId: string, records: readonly DedupRecord[]): Record<string, string> {
  const survivor = records.find((r) => r.id === survivorId);
  const others = records.filter((r) => r.id !== survivorId);
  const readOnly = object === 'leads' && survivor?.status === 'converted';
  return Object.fromEntries(
    MERGE_FIELDS[object].map((field) => {
      const filled = !readOnly && isEmpty(survivor?.[field]) ? others.find((r) => !isEmpty(r[field])) : undefined;
      return [field, filled?.id ?? survivorId];
    }),
  );
}

/** The fields whose values differ between the records: the ones worth a choice. */
export function differingFields(object: DedupObject, records: readonly DedupRecord[]): string[] {
  return MERGE_FIELDS[object].filter((field) => records.some((r) => !same(r[field], records[0][field])));
}

/** The surviving record's values after the merge, as the server computes them. */
export function mergePreview(object: DedupObject, records: readonly DedupRecord[], survivorId: string, choices: Record<string, string>): Record<string, unknown> {
  const byId = new Map(records.map((r) => [r.id, r]));
  const values: Record<string, unknown> = {};
  for (const field of MERGE_FIELDS[object]) {
    const origin = choices[field] ?? survivorId;
    let value = byId.get(origin)?.[field] ?? null;
    if ((field === 'parentAccountId' || field === 'reportsToId') && typeof value === 'string' && byId.has(value)) value = null;
    if (object === 'contacts' && field === 'phones') {
      value = [...new Set([origin, ...byId.keys()].flatMap((id) => (byId.get(id)?.phones as string[] | undefined) ?? []))].slice(0, 10);
    }
    values[field] = value;
  }
  if (object === 'leads') values.doNotContact = records.some((r) => r.doNotContact === true);
  return values;
}

/** The request: every choice (the server needs no defaults), and the versions shown. */
export function mergeRequest(object: DedupObject, survivorId: string, records: readonly DedupRecord[], choices: Record<string, string>): MergeInput {
  return {
    object,
    survivorId,
    mergedIds: records.filter((r) => r.id !== survivorId).map((r) => r.id),
    fields: Object.fromEntries(Object.entries(choices).filter(([field]) => MERGE_FIELDS[object].includes(field))),
    versions: Object.fromEntries(records.map((r) => [r.id, r.version])),
  };
}
