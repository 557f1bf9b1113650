/** Trimmed text, with blank meaning "no value"; null and absent pass through (clear vs. leave). */
export const trimmedOrNull = (value: unknown): string | null | undefined =>
  typeof value === 'string' ? value.trim() || null : (value as null | undefined);
