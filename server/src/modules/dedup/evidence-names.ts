import { compareCompanyNames } from './company-name-similarity';
import { type PreparedParty } from './party';
import { comparePersonNames } from './person';
import { type MatchReason } from './reasons';
import { WEIGHTS, graded } from './weights';

function companyReason(a: PreparedParty, b: PreparedParty): MatchReason | null {
  if (!a.company || !b.company) return null;
  const cmp = compareCompanyNames(a.company, b.company);
  const w = a.kind === 'account' || b.kind === 'account' ? WEIGHTS.accountCompany : WEIGHTS.personCompany;
  const detail = `${cmp.detail} (${cmp.similarity.toFixed(2)})`;
  if (cmp.sameEntity) return { code: 'SAME_COMPANY', weight: w.sameEntity, detail };
  const weight = graded(cmp.similarity, w);
  return { code: weight > 0 ? 'SIMILAR_COMPANY' : 'DIFFERENT_COMPANY', weight, detail };
}

function personReason(a: PreparedParty, b: PreparedParty): MatchReason | null {
  if (!a.person || !b.person) return null;
  const cmp = comparePersonNames(a.person, b.person);
  const parts = [cmp.given, cmp.family].filter((s): s is number => s !== null);
  if (!parts.length) return null;
  const weight = parts.reduce((sum, s) => sum + graded(s, WEIGHTS.personNamePart), 0);
  const same = parts.length === 2 && parts.every((s) => s >= WEIGHTS.personNamePart.hi);
  const detail = `"${a.person.display}" ${same ? '=' : '~'} "${b.person.display}"${cmp.swapped ? ' (given and family swapped)' : ''}`;
  if (same) return { code: 'SAME_PERSON_NAME', weight, detail };
  return { code: weight > 0 ? 'SIMILAR_PERSON_NAME' : 'DIFFERENT_PERSON_NAME', weight, detail };
}

/**
 * Company and person names. The same person at the same company is reported as one reason,
 * which is what a user wants to read; its weight is the sum of both.
 */
export function nameEvidence(a: PreparedParty, b: PreparedParty): MatchReason[] {
  const company = companyReason(a, b);
  const person = personReason(a, b);
  if (company && person && company.weight > 0 && person.code === 'SAME_PERSON_NAME') {
    return [{ code: 'SAME_PERSON_AT_COMPANY', weight: company.weight + person.weight, detail: `${person.detail} at ${company.detail}` }];
  }
  return [company, person].filter((r): r is MatchReason => r !== null);
}
