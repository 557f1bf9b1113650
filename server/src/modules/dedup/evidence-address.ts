import { compareAddresses } from './address';
import { type PreparedParty } from './party';
import { type MatchReason } from './reasons';
import { editDistance, jaroWinkler } from './similarity';
import { WEIGHTS, graded } from './weights';

function addressReason(a: PreparedParty, b: PreparedParty): MatchReason | null {
  if (!a.address || !b.address) return null;
  const similarity = compareAddresses(a.address, b.address);
  const grade = a.kind === 'account' || b.kind === 'account' ? WEIGHTS.accountAddress : WEIGHTS.personAddress;
  const weight = graded(similarity, grade);
  const code = similarity >= grade.hi ? 'SAME_ADDRESS' : weight > 0 ? 'SIMILAR_ADDRESS' : 'DIFFERENT_ADDRESS';
  return { code, weight, detail: `similarity ${similarity.toFixed(2)}` };
}

function cityReason(a: PreparedParty, b: PreparedParty): MatchReason | null {
  if (!a.city || !b.city) return null;
  const similarity = jaroWinkler(a.city, b.city);
  const weight = graded(similarity, WEIGHTS.city);
  if (weight === 0) return null;
  return { code: weight > 0 ? 'SAME_CITY' : 'DIFFERENT_CITY', weight, detail: `${a.city} / ${b.city}` };
}

function regionReason(a: PreparedParty, b: PreparedParty): MatchReason | null {
  if (!a.region || !b.region) return null;
  return a.region === b.region
    ? { code: 'SAME_REGION', weight: WEIGHTS.region.same, detail: a.region }
    : { code: 'DIFFERENT_REGION', weight: WEIGHTS.region.different, detail: `${a.region} ≠ ${b.region}` };
}

/** One typo or two swapped digits still count a little: postcodes are keyed in by hand. */
function postcodeReason(a: PreparedParty, b: PreparedParty): MatchReason | null {
  if (!a.postcode || !b.postcode) return null;
  const detail = `${a.postcode} / ${b.postcode}`;
  if (a.postcode === b.postcode) return { code: 'SAME_POSTCODE', weight: WEIGHTS.postcode.same, detail };
  return editDistance(a.postcode, b.postcode) === 1
    ? { code: 'SIMILAR_POSTCODE', weight: WEIGHTS.postcode.oneEdit, detail }
    : { code: 'DIFFERENT_POSTCODE', weight: WEIGHTS.postcode.different, detail };
}

/** Street address, city, region and postcode. */
export const addressEvidence = (a: PreparedParty, b: PreparedParty): MatchReason[] =>
  [addressReason(a, b), cityReason(a, b), regionReason(a, b), postcodeReason(a, b)].filter(
    (r): r is MatchReason => r !== null,
  );
