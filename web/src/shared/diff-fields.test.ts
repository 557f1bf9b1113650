import { describe, expect, it } from 'vitest';
import { changedFields } from './diff-fields';

describe('changedFields', () => {
  it('returns only the changed fields, comparing nested values by content', () => {
    const before = { name: 'Acme', phones: ['1', '2'], capital: { amount: '10.00', currency: 'CNY' }, city: null as string | null };
    const after = { name: 'Acme', phones: ['1', '2'], capital: { amount: '12.00', currency: 'CNY' }, city: '上海' };
    expect(changedFields(before, after)).toEqual({ capital: { amount: '12.00', currency: 'CNY' }, city: '上海' });
  });

  it('reports a cleared value as null', () => {
    expect(changedFields({ website: 'https://a.cn' as string | null }, { website: null })).toEqual({ website: null });
  });

  it('sees a reordered list as a change', () => {
    expect(changedFields({ phones: ['1', '2'] }, { phones: ['2', '1'] })).toEqual({ phones: ['2', '1'] });
  });

  it('returns nothing when nothing changed', () => {
    expect(changedFields({ a: 1, b: { c: [1] } }, { a: 1, b: { c: [1] } })).toEqual({});
  });
});
