/** Which optional columns of a table the user chose to see, kept per table in localStorage. */

export function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/**
 * The visible column keys: the stored choice restricted to columns that still exist, with
 * always-visible columns forced on; no stored choice means the table's defaults.
 */
export function resolveVisibleColumns(
  stored: readonly string[] | null,
  allKeys: readonly string[],
  defaultKeys: readonly string[],
  lockedKeys: readonly string[],
): string[] {
  const chosen = stored ?? defaultKeys;
  return allKeys.filter((key) => lockedKeys.includes(key) || chosen.includes(key));
}

export function toggleColumn(visible: readonly string[], key: string, allKeys: readonly string[]): string[] {
  const next = visible.includes(key) ? visible.filter((k) => k !== key) : [...visible, key];
  return allKeys.filter((k) => next.includes(k));
}
