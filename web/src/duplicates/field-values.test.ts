import { describe, expect, it } from 'vitest';
import { displayValue, memberSubtitle, previewRecord, reasonLabelKey, recordLink } from './field-values';

describe('merge dialog values', () => {
  it('shows coded values by label, money formatted, owners and accounts by name', () => {
    expect(displayValue('industry', { industry: '软件' }, 'en-US')).toBe('Software');
    expect(displayValue('region', { region: '华北大区' }, 'zh-CN')).toBe('华北大区');
    expect(displayValue('registeredCapital', { registeredCapital: { amount: '1000000.00', currency: 'CNY' } }, 'en-US')).toContain('1,000,000.00');
    expect(displayValue('ownerId', { ownerId: 'u1', ownerName: '王经理' }, 'zh-CN')).toBe('王经理');
    expect(displayValue('phones', { phones: ['+8613800000001', '+8613800000002'] }, 'zh-CN')).toBe('+8613800000001, +8613800000002');
    expect(displayValue('email', { email: null }, 'zh-CN')).toBe('');
  });

  it('takes the owner’s name from the record the owner was chosen from', () => {
    const records = [{ id: 'a', version: 1, createdAt: '', ownerName: 'A' }, { id: 'b', version: 1, createdAt: '', ownerName: 'B' }];
    expect(previewRecord({ ownerId: 'ub' }, records, { ownerId: 'b' }).ownerName).toBe('B');
  });

  it('translates known reason codes and links records', () => {
    expect(reasonLabelKey({ code: 'SAME_EMAIL', weight: 18, detail: '' })).toBe('dedup.reason.SAME_EMAIL');
    expect(reasonLabelKey({ code: 'NEW_CODE', weight: 1, detail: '' })).toBe('dedup.reason.unknown');
    expect(recordLink('leads', 'l1')).toBe('/leads/l1');
  });

  it('tells the records of a group apart by company, job and contact point', () => {
    expect(memberSubtitle('leads', { company: '星河智造', title: null, email: 'w@x.cn' }, 'zh-CN')).toBe('星河智造 · w@x.cn');
    expect(memberSubtitle('accounts', { creditCode: null, province: '北京', city: '北京' }, 'en-US')).toBe('Beijing · 北京');
  });
});
