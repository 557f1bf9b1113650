import { describe, expect, it } from 'vitest';
import { parseSortParam, toSortParam } from './sort-param';

describe('sort parameter', () => {
  it('writes descending sorts with a minus', () => {
    expect(toSortParam({ field: 'createdAt', order: 'descend' })).toBe('-createdAt');
    expect(toSortParam({ field: 'name', order: 'ascend' })).toBe('name');
    expect(toSortParam(null)).toBeUndefined();
  });

  it('reads what it writes', () => {
    expect(parseSortParam('-createdAt')).toEqual({ field: 'createdAt', order: 'descend' });
    expect(parseSortParam('name')).toEqual({ field: 'name', order: 'ascend' });
  });

  it('rejects empty and malformed values', () => {
    expect(parseSortParam('')).toBeNull();
    expect(parseSortParam(null)).toBeNull();
    expect(parseSortParam('-')).toBeNull();
    expect(parseSortParam('--name')).toBeNull();
    expect(parseSortParam('name;drop')).toBeNull();
  });
});
