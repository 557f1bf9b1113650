import { describe, expect, it } from 'vitest';
import { isStringArray, resolveVisibleColumns, toggleColumn } from './column-visibility';

const all = ['name', 'industry', 'region', 'creditCode', 'createdAt'];
const defaults = ['name', 'industry', 'region', 'createdAt'];
const locked = ['name'];

describe('resolveVisibleColumns', () => {
  it('uses the defaults until the user chooses', () => {
    expect(resolveVisibleColumns(null, all, defaults, locked)).toEqual(defaults);
  });

  it('keeps the stored choice in table order, forgetting columns that no longer exist', () => {
    expect(resolveVisibleColumns(['creditCode', 'gone', 'name'], all, defaults, locked)).toEqual(['name', 'creditCode']);
  });

  it('always shows locked columns', () => {
    expect(resolveVisibleColumns(['region'], all, defaults, locked)).toEqual(['name', 'region']);
  });
});

describe('toggleColumn', () => {
  it('adds and removes, in table order', () => {
    expect(toggleColumn(['name', 'region'], 'industry', all)).toEqual(['name', 'industry', 'region']);
    expect(toggleColumn(['name', 'industry', 'region'], 'industry', all)).toEqual(['name', 'region']);
  });
});

describe('isStringArray', () => {
  it('guards what comes out of localStorage', () => {
    expect(isStringArray(['a'])).toBe(true);
    expect(isStringArray([1])).toBe(false);
    expect(isStringArray({ a: 1 })).toBe(false);
  });
});
