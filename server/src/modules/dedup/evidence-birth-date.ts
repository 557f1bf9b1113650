import { type PreparedParty } from './party';
import { type MatchReason } from './reasons';
import { editDistance } from './similarity';
import { WEIGHTS } from './weights';

/** Day and month written the other way round (US vs. everyone else). */
const dayMonthSwapped = (a: string, b: string) => a.slice(0, 4) === b.slice(0, 4) && a.slice(4, 6) === b.slice(6, 8) && a.slice(6, 8) === b.slice(4, 6);

/** Birth dates as YYYYMMDD: equal, one typo / swapped day and month, or different. */
export function birthDateEvidence(a: PreparedParty, b: PreparedParty): MatchReason[] {
  if (!a.birthDate || !b.birthDate) return [];
  const detail = `${a.birthDate} / ${b.birthDate}`;
  if (a.birthDate === b.birthDate) return [{ code: 'SAME_BIRTH_DATE', weight: WEIGHTS.birthDate.same, detail }];
  if (editDistance(a.birthDate, b.birthDate) === 1 || dayMonthSwapped(a.birthDate, b.birthDate)) {
    return [{ code: 'SIMILAR_BIRTH_DATE', weight: WEIGHTS.birthDate.oneEdit, detail }];
  }
  return [{ code: 'DIFFERENT_BIRTH_DATE', weight: WEIGHTS.birthDate.different, detail }];
}
