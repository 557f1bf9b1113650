import { describe, expect, it } from 'vitest';
import { readListState, writeListState } from './list-state';
import type { SortState } from './sort-param';

const keys = ['industry', 'ownerId'];
const defaultSort: SortState = { field: 'createdAt', order: 'descend' };

describe('list state in the URL', () => {
  it('reads search, sort and filters, with the default sort when none is given', () => {
    const state = readListState(new URLSearchParams('q=华&industry=software&other=x'), keys, defaultSort);
    expect(state).toEqual({ q: '华', sort: defaultSort, filter: { industry: 'software' } });
  });

  it('reads an explicit sort', () => {
    expect(readListState(new URLSearchParams('sort=name'), keys, defaultSort).sort).toEqual({ field: 'name', order: 'ascend' });
  });

  it('writes only what differs from the defaults and keeps unrelated parameters', () => {
    const next = writeListState(
      new URLSearchParams('tab=contacts&industry=software'),
      { q: 'acme', sort: defaultSort, filter: { industry: '', ownerId: 'u1' } },
      keys,
      defaultSort,
    );
    expect(next.toString()).toBe('tab=contacts&q=acme&ownerId=u1');
  });

  it('round-trips a non-default sort', () => {
    const written = writeListState(new URLSearchParams(), { q: '', sort: { field: 'name', order: 'descend' }, filter: {} }, keys, defaultSort);
    expect(written.get('sort')).toBe('-name');
    expect(readListState(written, keys, defaultSort).sort).toEqual({ field: 'name', order: 'descend' });
  });
});
