import type { AuditEntry, FieldChange } from '../api/types';

function isFieldChangeList(value: unknown): value is FieldChange[] {
  return (
    Array.isArray(value) &&
    value.every((item) => typeof item === 'object' && item !== null && 'field' in item && typeof item.field === 'string')
  );
}

/**
 * The changes of an audit entry as a list, whether the server stored them as
 * `[{ field, before, after }]` or as `{ field: { before, after } }` / `{ field: value }`.
 */
export function auditChanges(changes: AuditEntry['changes']): FieldChange[] {
  if (!changes) return [];
  if (isFieldChangeList(changes)) return changes;
  if (Array.isArray(changes)) return [];
  return Object.entries(changes).map(([field, value]) => {
    if (typeof value === 'object' && value !== null && ('before' in value || 'after' in value)) {
      const pair = value as { before?: unknown; after?: unknown };
      return { field, before: pair.before ?? null, after: pair.after ?? null };
    }
    return { field, before: null, after: value };
  });
}
