import { describe, expect, it } from 'vitest';
import { moveById, moveItem } from './reorder';

describe('moveItem', () => {
  it.each<[number, number, string[]]>([
    [0, 2, ['b', 'c', 'a', 'd']],
    [3, 0, ['d', 'a', 'b', 'c']],
    [1, 2, ['a', 'c', 'b', 'd']],
    [2, 2, ['a', 'b', 'c', 'd']],
    [5, 0, ['a', 'b', 'c', 'd']],
    [-1, 0, ['a', 'b', 'c', 'd']],
  ])('%i → %i', (from, to, expected) => {
    expect(moveItem(['a', 'b', 'c', 'd'], from, to)).toEqual(expected);
  });
});

describe('moveById', () => {
  const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  it('drops an item on another', () => {
    expect(moveById(items, 'c', 'a').map((i) => i.id)).toEqual(['c', 'a', 'b']);
  });
  it('ignores a drop outside the list', () => {
    expect(moveById(items, 'c', null).map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(moveById(items, 'x', 'a').map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});
