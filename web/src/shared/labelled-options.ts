import type { Locale } from '../api/types';

/** A stored value with its label in each UI language. */
export interface LabelledValue {
  value: string;
  label: Readonly<Record<Locale, string>>;
}

/** The label of a stored value; unknown values (legacy data, imports) are shown as stored. */
export function labelOf(list: readonly LabelledValue[], value: string | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  return list.find((item) => item.value === value)?.label[locale] ?? value;
}

export function toSelectOptions(list: readonly LabelledValue[], locale: Locale): { value: string; label: string }[] {
  return list.map((item) => ({ value: item.value, label: item.label[locale] }));
}
