import { type MatchOptions, type PartyRecord, type PreparedParty, prepareParty } from './party';
import { soundex } from './phonetic';
import { bigrams } from './similarity';

/** Latin name words shorter than this are too common to look candidates up by. */
const MIN_TOKEN = 3;

function companyKeys(p: PreparedParty): string[] {
  const c = p.company;
  if (!c?.core) return [];
  // pinyin of a Chinese core and the letters of a Latin one meet under the same key ("星河" / "Xinghe").
  const keys = [`copy:${c.pinyin}`];
  if (c.script === 'han') {
    keys.push(`co:${c.core}`, ...bigrams(c.core).map((g) => `cob:${g}`));
  } else {
    keys.push(...c.core.split(' ').filter((t) => t.length >= MIN_TOKEN).map((t) => `cot:${t}`));
  }
  return keys;
}

function personKeys(p: PreparedParty): string[] {
  const n = p.person;
  if (!n) return [];
  const codes = [n.latinGiven, n.latinFamily].filter(Boolean).map(soundex);
  const keys = codes.length === 2 ? [`pn:${[...codes].sort().join(':')}`] : [];
  // The family or the given name alone, narrowed by where the person lives. Not for Chinese names:
  // a one-character surname in a city is far too common, and typos there are rare.
  if (n.script === 'latin') {
    for (const area of [p.postcode, p.city]) if (area) keys.push(...codes.map((code) => `pa:${code}:${area}`));
  }
  if (p.birthDate) keys.push(`pb:${p.birthDate}`);
  return keys;
}

/** House number with the first street word, or with the postcode: the same building. */
function addressKeys(p: PreparedParty): string[] {
  const number = p.address?.numbers[0];
  if (!number) return [];
  const street = p.address?.tokens.find((t) => t.length >= MIN_TOKEN && !/\d/.test(t));
  return [...(street ? [`adr:${number}:${street}`] : []), ...(p.postcode ? [`adp:${number}:${p.postcode}`] : [])];
}

/** Lookup keys of a prepared record; see `blockingKeys`. */
export function preparedBlockingKeys(p: PreparedParty): string[] {
  const keys = [
    ...(p.creditCode ? [`cc:${p.creditCode}`] : []),
    ...(p.email ? [`email:${p.email.address}`] : []),
    ...p.phones.map((ph) => `phone:${ph.key}`),
    ...p.domains.map((d) => `domain:${d}`),
    ...companyKeys(p),
    ...personKeys(p),
    ...addressKeys(p),
  ];
  return [...new Set(keys)];
}

/**
 * Keys to find candidate duplicates by, so the database compares a record only with records that
 * share at least one key (an index lookup) instead of with every record. Keys are typed by prefix
 * (`cc:`, `email:`, `phone:`, `domain:`, `co:`/`cob:`/`cot:`/`copy:` company, `pn:`/`pa:`/`pb:` person,
 * `adr:`/`adp:` address). Common keys (a big city's postcode + a frequent surname) can return many rows:
 * the caller should cap each key's candidates.
 */
export function blockingKeys(record: PartyRecord, options: MatchOptions = {}): string[] {
  return preparedBlockingKeys(prepareParty(record, options));
}

/**
 * What sharing a key says about two people: `identity` keys point at one person (credit code,
 * e-mail, phone, birth date), `name` keys at a name, `place` keys at where they work (company,
 * domain, address); `pa:` is a name within an area, so both.
 */
export type KeyEvidence = 'identity' | 'name' | 'place' | 'name+place';

const KEY_EVIDENCE: Record<string, KeyEvidence> = {
  cc: 'identity', email: 'identity', phone: 'identity', pb: 'identity',
  pn: 'name', pa: 'name+place',
  co: 'place', cob: 'place', cot: 'place', copy: 'place', domain: 'place', adr: 'place', adp: 'place',
};

export function keyEvidence(key: string): KeyEvidence {
  return KEY_EVIDENCE[key.slice(0, key.indexOf(':'))] ?? 'place';
}

/** Keys shared by more records than this are too common to tell anything (a common surname bigram, a business centre's switchboard): not looked up. */
export const MAX_KEY_RECORDS = 200;

/**
 * Whether two people sharing keys of these kinds are worth comparing: a contact point, or both a
 * name and a workplace (a name alone meets every namesake, a company every colleague). The
 * duplicate index applies it in SQL (PEOPLE_SHARE_ENOUGH in duplicate-index.service.ts).
 */
export function peopleShareEnough(shared: readonly KeyEvidence[]): boolean {
  if (shared.includes('identity')) return true;
  return shared.some((e) => e === 'name' || e === 'name+place') && shared.some((e) => e === 'place' || e === 'name+place');
}
