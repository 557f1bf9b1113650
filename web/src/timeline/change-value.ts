import type { Locale } from '../api/types';
import { INDUSTRIES } from '../shared/industries';
import { labelOf, type LabelledValue } from '../shared/labelled-options';
import { PROVINCES, REGIONS } from '../shared/regions';
import { formatChangeValue } from './timeline-entry';

const CODED_FIELDS: Readonly<Record<string, readonly LabelledValue[]>> = {
  industry: INDUSTRIES,
  region: REGIONS,
  province: PROVINCES,
};

/**
 * A changed value in the reader's language: coded fields (industry, region) show their label,
 * and ids of known records (the owner) their name.
 */
export function changeValueText(
  field: string,
  value: unknown,
  locale: Locale,
  labels: { yes: string; no: string },
  names?: ReadonlyMap<string, string>,
): string {
  const coded = CODED_FIELDS[field];
  if (coded && typeof value === 'string' && value !== '') return labelOf(coded, value, locale);
  if (typeof value === 'string' && names?.has(value)) return names.get(value) ?? value;
  return formatChangeValue(value, labels);
}
