import { describe, expect, it } from 'vitest';
import { OBJECTS } from '../../../server/src/platform/access/permissions';
import { enUS } from '../i18n/messages-en-us';
import { zhCN } from '../i18n/messages-zh-cn';
import { OBJECT_LABELS } from './access-labels';
import { completeMatrix, countMatrixChanges, matrixObjects, PERMISSION_OBJECTS, withLevel, withObjectLevel } from './permission-matrix';

describe('permission matrix', () => {
  it('offers every object the server knows, each labelled in both languages', () => {
    expect([...PERMISSION_OBJECTS].sort()).toEqual([...OBJECTS].sort());
    for (const object of PERMISSION_OBJECTS) {
      const key = OBJECT_LABELS[object];
      expect(key, object).toBeDefined();
      expect(enUS[key], object).toBeTruthy();
      expect(zhCN[key], object).toBeTruthy();
    }
  });

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
