import { describe, expect, it } from 'vitest';
import { blockingKeys } from './blocking';
import { type PartyRecord } from './party';

const shareKey = (a: PartyRecord, b: PartyRecord) => {
  const keys = new Set(blockingKeys(a));
  return blockingKeys(b).some((k) => keys.has(k));
};

describe('blockingKeys', () => {
  it('lists the exact keys and the fuzzy ones, typed by prefix', () => {
    const keys = blockingKeys({
      kind: 'lead',
      name: '张伟',
      company: '北京星河智造科技有限公司',
      creditCode: '91110108ma01abcd1e',
      email: 'Zhang.Wei@xinghe.com',
      phones: ['138 1234 5678'],
      address: '海淀区中关村大街1号',
      postcode: '100080',
    });
    expect(keys).toEqual(
      expect.arrayContaining([
        'cc:91110108MA01ABCD1E',
        'email:zhang.wei@xinghe.com',
        'phone:+8613812345678',
        'domain:xinghe.com',
        'co:星河智造',
        'cob:河智',
        'copy:xinghezhizao',
        'pn:W000:Z520',
        'adp:1:100080',
      ]),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.every((k) => /^[a-z]+:.+/.test(k))).toBe(true);
  });

  it('leaves out an invalid credit code and shared mail domains', () => {
    const keys = blockingKeys({ kind: 'lead', creditCode: '91110108MA01ABCD1X', email: 'zw@qq.com' });
    expect(keys).toEqual(['email:zw@qq.com']);
  });

  it.each<[string, PartyRecord, PartyRecord]>([
    ['company name variants', { kind: 'account', name: '北京星河智造科技有限公司' }, { kind: 'account', name: '星河智造（北京）科技有限公司' }],
    ['a lead and the account of its company', { kind: 'lead', name: '张伟', company: '星河智造科技' }, { kind: 'account', name: '星河智造科技有限公司' }],
    ['Chinese and pinyin company names', { kind: 'account', name: '星河智造科技有限公司' }, { kind: 'account', name: 'Xinghe Zhizao Technology Co., Ltd.' }],
    ['English name variants', { kind: 'account', name: 'Arts Delicatessen' }, { kind: 'account', name: 'arts deli' }],
    ['phones in different formats', { kind: 'account', phones: ['310/246-1501'], country: 'US' }, { kind: 'account', phones: ['+1 310 246 1501'] }],
    ['a Chinese name and its pinyin', { kind: 'contact', name: '张伟' }, { kind: 'contact', name: 'Zhang Wei' }],
    ['swapped name parts', { kind: 'contact', givenName: 'hannagan', familyName: 'mikhayla' }, { kind: 'contact', givenName: 'mikhayla', familyName: 'hannagan' }],
    ['a typo in the given name, same postcode', { kind: 'contact', givenName: 'barnaby', familyName: 'siggins', postcode: '5162' }, { kind: 'contact', givenName: 'barhaby', familyName: 'siggyins', postcode: '5162' }],
    ['another surname, same birth date', { kind: 'contact', givenName: 'michaela', familyName: 'neumann', birthDate: '19151111' }, { kind: 'contact', givenName: 'michafla', familyName: 'jakimow', birthDate: '1915-11-11' }],
    ['the same building', { kind: 'account', name: 'Hotel Bel-Air', address: '701 stone canyon rd.' }, { kind: 'account', name: 'Bel Air', address: '701 Stone Canyon Road' }],
  ])('%s share a key', (_, a, b) => {
    expect(shareKey(a, b)).toBe(true);
  });

  it.each<[string, PartyRecord, PartyRecord]>([
    ['unrelated companies', { kind: 'account', name: '华为技术有限公司' }, { kind: 'account', name: '阿里巴巴（中国）有限公司' }],
    ['unrelated people', { kind: 'contact', name: 'John Smith', postcode: '2000' }, { kind: 'contact', name: 'Mary Jones', postcode: '3000' }],
  ])('%s share none', (_, a, b) => {
    expect(shareKey(a, b)).toBe(false);
  });
});
