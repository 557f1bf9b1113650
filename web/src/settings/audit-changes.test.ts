import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-changes';

describe('auditChanges', () => {
  it('accepts the list form', () => {
    expect(auditChanges([{ field: 'name', before: 'A', after: 'B' }])).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
  });

  it('accepts a map of before/after pairs', () => {
    expect(auditChanges({ name: { before: 'A', after: 'B' } })).toEqual([{ field: 'name', before: 'A', after: 'B' }]);
  });

  it('reads a map of plain values as new values', () => {
    expect(auditChanges({ name: 'A' })).toEqual([{ field: 'name', before: null, after: 'A' }]);
  });

  it('gives nothing for no changes', () => {
    expect(auditChanges(null)).toEqual([]);
  });
});
