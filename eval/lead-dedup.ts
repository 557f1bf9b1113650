import { Random } from '../bench/random';
import {
  keyEvidence,
  LEVEL_THRESHOLDS,
  MAX_KEY_RECORDS,
  matchPrepared,
  peopleShareEnough,
  preparedBlockingKeys,
  prepareParty,
  type PartyRecord,
  type PreparedParty,
} from '../server/src/modules/dedup';
import { candidatePairs } from './candidates';
import { readCsv } from './datasets';
import { countBy, type LinkQuality, pairsWithin, qualityAt } from './metrics';

/**
 * Lead dedup on data shaped like a B2B lead list, which neither public set is: the people of febrl
 * dataset3 (2 000 people, 3 000 duplicates with febrl's typos) as leads at real Chinese listed
 * companies (cn_listed_companies), a few large employers and many small ones. Colleagues share
 * the company, its e-mail domain and the city; their own mailbox and mobile tell them apart. A
 * duplicate names the company by its full legal name or its short name, and carries the same
 * work address, none, a private one, or a mistyped one.
 *
 * The names and companies are real data; the contact details are derived (seeded), so this set
 * measures how the scorer weighs them, not how often real lists carry them.
 */

const SEED = 20261127;
const EMPLOYERS = 400;

interface Company {
  fullName: string;
  shortName: string;
  domain: string;
  city: string;
}

interface Lead {
  entity: string;
  employer: number;
  party: PreparedParty;
  keys: string[];
}

function loadCompanies(random: Random): Company[] {
  const listed = readCsv('cn_listed_companies', 'stock_basic.csv').filter((r) => r['公司全称'] && r['拼音缩写'] && r['地区']);
  const picked = new Set<number>();
  while (picked.size < EMPLOYERS) picked.add(random.int(0, listed.length - 1));
  return [...picked].map((i) => ({
    fullName: listed[i]['公司全称'],
    shortName: listed[i]['股票名称'],
    domain: `${listed[i]['拼音缩写'].toLowerCase()}.com.cn`,
    city: listed[i]['地区'],
  }));
}

const mailbox = (given: string, surname: string) => [given, surname].filter(Boolean).join('.').replace(/[^a-z.]/g, '') || 'contact';
/** A mainland mobile number from febrl's social-security number: a duplicate with a mistyped one has another number. */
const mobile = (socSecId: string) => `139${socSecId.replace(/\D/g, '').padStart(8, '0').slice(-8)}`;

/** The leads: every febrl record at its person's employer, with the contact details a lead list has. */
function loadLeads(): Lead[] {
  const random = new Random(SEED);
  const companies = loadCompanies(random);
  const rows = readCsv('febrl', 'dataset3.csv');
  const originals = new Map(rows.filter((r) => r.rec_id.endsWith('-org')).map((r) => [r.rec_id.split('-')[1], r]));
  const employerOf = new Map<string, number>();
  return rows.map((row) => {
    const entity = row.rec_id.split('-')[1];
    // Squaring a uniform draw skews the employers: a few with dozens of leads, many with one or two.
    if (!employerOf.has(entity)) employerOf.set(entity, Math.floor(EMPLOYERS * random.next() ** 2.5));
    const employer = employerOf.get(entity)!;
    const company = companies[employer];
    const original = originals.get(entity) ?? row;
    const workEmail = `${mailbox(original.given_name, original.surname)}@${company.domain}`;
    const isOriginal = row === original;
    const draw = random.next();
    const email = isOriginal || draw < 0.5
      ? workEmail
      : draw < 0.75
        ? null
        : draw < 0.9
          ? `${mailbox(row.given_name, row.surname).replace('.', '')}${random.int(1, 99)}@163.com`
          : `${mailbox(row.given_name, row.surname)}@${company.domain}`;
    const record: PartyRecord = {
      kind: 'lead',
      name: [row.given_name, row.surname].filter(Boolean).join(' '),
      company: isOriginal || random.chance(0.5) ? company.fullName : company.shortName,
      email,
      phones: random.chance(isOriginal ? 0.8 : 0.6) && row.soc_sec_id ? [mobile(row.soc_sec_id)] : [],
      city: company.city,
      country: 'CN',
    };
    const party = prepareParty(record);
    return { entity, employer, party, keys: preparedBlockingKeys(party) };
  });
}


export interface LeadDedupResult {
  leads: number;
  employers: number;
  /** Leads at the largest employer. */
  largestEmployer: number;
  trueLinks: number;
  candidatePairs: number;
  /** True links among the candidates (the rest are never compared). */
  blockingRecall: number;
  /** What the duplicate list groups: strong or exact pairs. */
  strong: LinkQuality;
  /** With the pairs left for a person to judge. */
  possible: LinkQuality;
  /** Colleagues (same employer, different people) called strong or exact. */
  colleaguesCalledStrong: number;
  /** Candidate pairs of colleagues that were compared. */
  colleaguePairs: number;
}

export function evaluateLeadDedup(): LeadDedupResult {
  const leads = loadLeads();
  // The duplicate index's candidates: keys no more than MAX_KEY_RECORDS records share, and two
  // people only on the terms of its rule.
  const usage = countBy(leads.flatMap((l) => l.keys), (k) => k);
  const useful = leads.map((l) => l.keys.filter((k) => usage.get(k)! <= MAX_KEY_RECORDS));
  const keySets = useful.map((keys) => new Set(keys));
  const pairs = candidatePairs(useful).filter(([i, j]) => peopleShareEnough(useful[j].filter((k) => keySets[i].has(k)).map(keyEvidence)));

  const perEmployer = countBy(leads, (l) => l.employer);
  const trueLinks = pairsWithin(countBy(leads, (l) => l.entity));

  let colleaguesCalledStrong = 0;
  let colleaguePairs = 0;
  const scored = pairs.map(([i, j]) => {
    const [a, b] = [leads[i], leads[j]];
    const { score } = matchPrepared(a.party, b.party);
    const isMatch = a.entity === b.entity;
    if (!isMatch && a.employer === b.employer) {
      colleaguePairs++;
      if (score >= LEVEL_THRESHOLDS.strong) colleaguesCalledStrong++;
    }
    return { score, isMatch };
  });
  return {
    leads: leads.length,
    employers: perEmployer.size,
    largestEmployer: Math.max(...perEmployer.values()),
    trueLinks,
    candidatePairs: pairs.length,
    blockingRecall: scored.filter((p) => p.isMatch).length / trueLinks,
    strong: qualityAt(scored, LEVEL_THRESHOLDS.strong, trueLinks),
    possible: qualityAt(scored, LEVEL_THRESHOLDS.possible, trueLinks),
    colleaguesCalledStrong,
    colleaguePairs,
  };
}
