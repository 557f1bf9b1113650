import { describe, expect, it } from 'vitest';
import { completeMatrix, countMatrixChanges, matrixObjects, PERMISSION_OBJECTS, withLevel, withObjectLevel } from './permission-matrix';

describe('permission matrix', () => {
  it('lists known objects first, then the role’s other objects', () => {
    const objects = matrixObjects({ zeta: { read: 'all' }, accounts: { read: 'all' } });
    expect(objects.slice(0, PERMISSION_OBJECTS.length)).toEqual([...PERMISSION_OBJECTS]);
    expect(objects.at(-1)).toBe('zeta');
  });

  it('fills every missing cell with none', () => {
    const matrix = completeMatrix({ accounts: { read: 'team' } });
    expect(matrix.accounts).toEqual({ create: 'none', read: 'team', update: 'none', delete: 'none' });
    expect(matrix.contracts).toEqual({ create: 'none', read: 'none', update: 'none', delete: 'none' });
  });

  it('changes one cell without touching the original', () => {
    const before = { contracts: { read: 'none' as const } };
    const after = withLevel(before, 'contracts', 'read', 'all');
    expect(after.contracts.read).toBe('all');
    expect(before.contracts.read).toBe('none');
  });

  it('sets a whole row', () => {
    expect(withObjectLevel({}, 'leads', 'own').leads).toEqual({ create: 'own', read: 'own', update: 'own', delete: 'own' });
  });

  it('counts changed cells, treating missing as none', () => {
    const before = { accounts: { read: 'all' as const } };
    expect(countMatrixChanges(before, completeMatrix(before))).toBe(0);
    expect(countMatrixChanges(before, withObjectLevel(before, 'accounts', 'all'))).toBe(3);
  });
});
