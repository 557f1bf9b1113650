import { describe, expect, it } from 'vitest';
import type { DedupRecord } from '../api/duplicates';
import { defaultChoices, defaultSurvivor, differingFields, mergePreview, mergeRequest } from './merge-choices';

const rec = (id: string, createdAt: string, extra: Record<string, unknown> = {}): DedupRecord => ({ id, version: 1, createdAt, ...extra });

describe('merge choices', () => {
  const a = rec('a', '2025-01-02T00:00:00Z', { name: '王建国', email: 'wang@xinghe.cn', phone: null, industry: '制造业', doNotContact: false });
  const b = rec('b', '2025-01-01T00:00:00Z', { name: '王建国', email: 'wang@xinghe.cn', phone: '+8613801012345', industry: '软件', doNotContact: true });

  it('lets the oldest record survive, unless one is a converted lead', () => {
    expect(defaultSurvivor([a, b])).toBe('b');
    expect(defaultSurvivor([{ ...a, status: 'converted' }, b])).toBe('a');
  });

  it('takes the survivor’s values by default and fills its empty fields from the others', () => {
    const choices = defaultChoices('leads', 'a', [a, b]);
    expect(choices).toMatchObject({ name: 'a', industry: 'a', phone: 'b', email: 'a' });
    expect(defaultChoices('leads', 'a', [{ ...a, status: 'converted' }, b]).phone).toBe('a');
  });

  it('offers a choice only where values differ', () => {
    expect(differingFields('leads', [a, b])).toEqual(['phone', 'industry']);
  });

  it('previews the result, keeping "do not contact" and every phone of a contact', () => {
    const preview = mergePreview('leads', [a, b], 'a', { ...defaultChoices('leads', 'a', [a, b]), industry: 'b' });
    expect(preview).toMatchObject({ industry: '软件', phone: '+8613801012345', doNotContact: true });
    const c1 = rec('c1', '2025-01-01T00:00:00Z', { phones: ['+8613800000001'] });
    const c2 = rec('c2', '2025-01-02T00:00:00Z', { phones: ['+8613800000002'] });
    expect(mergePreview('contacts', [c1, c2], 'c1', { phones: 'c2' }).phones).toEqual(['+8613800000002', '+8613800000001']);
  });

  it('builds the request with every choice and the versions shown', () => {
    const input = mergeRequest('leads', 'a', [a, { ...b, version: 3 }], { industry: 'b', name: 'a' });
    expect(input).toEqual({ object: 'leads', survivorId: 'a', mergedIds: ['b'], fields: { industry: 'b', name: 'a' }, versions: { a: 1, b: 3 } });
  });
});
