import { describe, expect, it } from 'vitest';
import { diffRecords } from './diff.js';

describe('diffRecords', () => {
  it('lists only the fields that changed, with before and after', () => {
    const changes = diffRecords(
      { id: '1', name: 'A', city: '北京', tags: ['x'], version: 1 },
      { id: '1', name: 'B', city: '北京', tags: ['x', 'y'], version: 2 },
    );
    expect(changes).toEqual({ name: { before: 'A', after: 'B' }, tags: { before: ['x'], after: ['x', 'y'] } });
  });

  it('records every set field on create and on delete', () => {
    expect(diffRecords(null, { id: '1', name: 'A', city: null })).toEqual({ name: { before: null, after: 'A' } });
    expect(diffRecords({ name: 'A', headcount: 5 }, null)).toEqual({
      name: { before: 'A', after: null },
      headcount: { before: 5, after: null },
    });
  });
});
