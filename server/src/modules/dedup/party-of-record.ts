import { createHash } from 'node:crypto';
import { matchPrepared, type MatchResult, type PartyRecord, type PreparedParty, prepareParty, preparedBlockingKeys, preparedCreditCode } from './index.js';

/** The record types duplicate detection and merge work on. */
export const DEDUP_OBJECTS = ['leads', 'accounts', 'contacts'] as const;
export type DedupObject = (typeof DEDUP_OBJECTS)[number];

export const isDedupObject = (value: string): value is DedupObject => (DEDUP_OBJECTS as readonly string[]).includes(value);

/** The API fields of a lead, account or contact that matching reads (a loose view of the record). */
export interface MatchableRecord {
  id: string;
  name?: string | null;
  company?: string | null;
  accountName?: string | null;
  creditCode?: string | null;
  email?: string | null;
  phone?: string | null;
  phones?: readonly string[] | null;
  website?: string | null;
  address?: string | null;
  city?: string | null;
  province?: string | null;
}

/**
 * A record seen two ways: as a person (leads, contacts) and as a company. A lead's credit code
 * names its company, not the person: two colleagues share it, so it counts only against accounts.
 */
export interface PreparedRecord {
  object: DedupObject;
  id: string;
  person: PreparedParty;
  company: PreparedParty;
}

/** The API fields `partiesOf` reads: a change to any other field needs no new matching. */
export const MATCHED_FIELDS: ReadonlySet<string> = new Set([
  'name', 'company', 'accountId', 'accountName', 'creditCode', 'email', 'phone', 'phones', 'website', 'address', 'city', 'province',
]);

const phonesOf = (r: MatchableRecord) => [...(r.phones ?? []), ...(r.phone ? [r.phone] : [])];

/** The party records of an API record. `province` is the party's region; a lead's `region` is a sales region and is left out. */
export function partiesOf(object: DedupObject, r: MatchableRecord): { person: PartyRecord; company: PartyRecord } {
  const where = { address: r.address ?? null, city: r.city ?? null, region: r.province ?? null };
  if (object === 'accounts') {
    const account: PartyRecord = { kind: 'account', name: r.name, creditCode: r.creditCode, phones: phonesOf(r), website: r.website, ...where };
    return { person: account, company: account };
  }
  const kind = object === 'leads' ? 'lead' : 'contact';
  const person: PartyRecord = {
    kind,
    name: r.name,
    company: object === 'leads' ? r.company : r.accountName,
    email: r.email,
    phones: phonesOf(r),
    website: r.website,
    ...where,
  };
  return { person, company: { ...person, creditCode: r.creditCode } };
}

export function prepareRecord(object: DedupObject, record: MatchableRecord): PreparedRecord {
  const { person, company } = partiesOf(object, record);
  const preparedPerson = prepareParty(person);
  return {
    object,
    id: record.id,
    person: preparedPerson,
    // A person's company party differs from the person only by the credit code: not parsed twice.
    company: person === company ? preparedPerson : { ...preparedPerson, creditCode: preparedCreditCode(company.creditCode) },
  };
}

/** Scores two records: as companies when either is an account, else as people. */
export function scoreRecords(a: PreparedRecord, b: PreparedRecord): MatchResult {
  return a.object === 'accounts' || b.object === 'accounts' ? matchPrepared(a.company, b.company) : matchPrepared(a.person, b.person);
}

/** The keys to look a record up by: its person keys plus its company's credit code. */
export function recordKeys(record: PreparedRecord): string[] {
  return [...new Set([...preparedBlockingKeys(record.person), ...preparedBlockingKeys(record.company)])];
}

/** A digest of what matching reads from the record: equal digests need no new matching. */
export function matchSignature(object: DedupObject, record: MatchableRecord): string {
  const { company } = partiesOf(object, record);
  return createHash('sha1').update(JSON.stringify(company)).digest('base64url');
}
