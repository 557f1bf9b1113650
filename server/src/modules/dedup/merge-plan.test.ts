import { describe, expect, it } from 'vitest';
import { checkMergeRequest, mergeValues, type MergeRequest } from './merge-plan';

const request = (extra: Partial<MergeRequest> = {}): MergeRequest => ({ object: 'leads', survivorId: 's', mergedIds: ['m'], ...extra });

describe('checkMergeRequest', () => {
  it.each<[string, Partial<MergeRequest>, string[]]>([
    ['a good request', { fields: { email: 'm', name: 's' } }, []],
    ['the survivor merged into itself', { mergedIds: ['s'] }, ['mergedIds:MERGE_SURVIVOR_IN_MERGED']],
    ['a record twice', { mergedIds: ['m', 'm'] }, ['mergedIds:MERGE_DUPLICATE_ID']],
    ['a field that is not merged', { fields: { status: 'm' } }, ['fields.status:MERGE_FIELD_UNKNOWN']],
    ['a field of another object', { object: 'accounts', fields: { email: 'm' } }, ['fields.email:MERGE_FIELD_UNKNOWN']],
    ['a value from a record not in the merge', { fields: { email: 'x' } }, ['fields.email:MERGE_SOURCE_UNKNOWN']],
  ])('%s', (_, extra, expected) => {
    expect(checkMergeRequest(request(extra)).map((p) => `${p.field}:${p.code}`)).toEqual(expected);
  });
});

describe('mergeValues', () => {
  const survivor = { id: 's', name: '王建国', email: 'wang@xinghe.cn', phone: null, industry: '制造业', doNotContact: false };
  const merged = { id: 'm', name: '王 建国', email: 'WANG@xinghe.cn', phone: '+8613801012345', industry: '软件', doNotContact: false };

  it('takes the chosen values and fills what the survivor lacks', () => {
    const { patch, origins } = mergeValues('leads', survivor, [merged], { industry: 'm' });
    expect(patch).toEqual({ industry: '软件', phone: '+8613801012345' });
    expect(origins).toMatchObject({ industry: 'm', phone: 'm', name: 's', email: 's' });
  });

  it('keeps the survivor when nothing is chosen and it has values', () => {
    expect(mergeValues('leads', { ...survivor, phone: '+8613900000000' }, [merged]).patch).toEqual({});
  });

  it('can take an empty value on purpose', () => {
    expect(mergeValues('leads', survivor, [{ ...merged, industry: null }], { industry: 'm' }).patch).toEqual({ industry: null, phone: '+8613801012345' });
  });

  it('keeps "do not contact" if any record has it', () => {
    expect(mergeValues('leads', survivor, [{ ...merged, doNotContact: true }]).patch.doNotContact).toBe(true);
  });

  it('keeps every phone of a contact, the chosen record first', () => {
    const a = { id: 's', phones: ['+8613800000001'] };
    const b = { id: 'm', phones: ['+8613800000002', '+8613800000001'] };
    expect(mergeValues('contacts', a, [b], { phones: 'm' }).patch.phones).toEqual(['+8613800000002', '+8613800000001']);
  });

  it('drops a parent link to a merged account', () => {
    const { patch } = mergeValues('accounts', { id: 's', parentAccountId: null }, [{ id: 'm', parentAccountId: 's' }], { parentAccountId: 'm' });
    expect(patch).toEqual({});
    expect(mergeValues('accounts', { id: 's', parentAccountId: 'm' }, [{ id: 'm', parentAccountId: null }]).patch).toEqual({ parentAccountId: null });
  });
});

describe('mergeValues for a read-only survivor', () => {
  it('fills nothing it was not asked to', () => {
    expect(mergeValues('leads', { id: 's', phone: null }, [{ id: 'm', phone: '+8613801012345' }], {}, false).patch).toEqual({});
    expect(mergeValues('leads', { id: 's', phone: null }, [{ id: 'm', phone: '+8613801012345' }], { phone: 'm' }, false).patch).toEqual({ phone: '+8613801012345' });
  });
});
