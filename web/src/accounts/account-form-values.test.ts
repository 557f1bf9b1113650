import { describe, expect, it } from 'vitest';
import type { Account } from '../api/types';
import { toAccountFormValues, toAccountInput, type AccountFormValues } from './account-form-values';

const account: Account = {
  id: 'a1',
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-02T00:00:00Z',
  version: 3,
  ownerId: 'u1',
  ownerName: '王伟',
  name: '华东精密制造有限公司',
  creditCode: '91350100M000100Y43',
  industry: '制造业',
  registeredCapital: { amount: '50000000.00', currency: 'CNY' },
  headcount: 820,
  province: '江苏',
  city: '苏州',
  region: '华东大区',
  address: null,
  website: 'https://example.cn',
  phone: null,
  parentAccountId: null,
  segment: 'key',
};

describe('account form values', () => {
  it('round-trips an account without changes', () => {
    const input = toAccountInput(toAccountFormValues(account, 'CNY'));
    expect(input).toEqual({
      name: account.name,
      creditCode: account.creditCode,
      industry: '制造业',
      registeredCapital: { amount: '50000000.00', currency: 'CNY' },
      headcount: 820,
      province: '江苏',
      city: '苏州',
      region: '华东大区',
      address: null,
      website: 'https://example.cn',
      phone: null,
      ownerId: 'u1',
      parentAccountId: null,
      segment: 'key',
    });
  });

  it('starts a new account with the tenant currency and the current user as owner', () => {
    expect(toAccountFormValues(null, 'CNY', 'me')).toEqual({
      name: '',
      registeredCapital: { amount: '', currency: 'CNY' },
      ownerId: 'me',
    });
  });

  it('cleans what people type', () => {
    const values: AccountFormValues = {
      name: '  Acme  ',
      creditCode: '91350100m000100y43',
      registeredCapital: { amount: '5,000,000', currency: 'USD' },
      website: 'acme.com',
      city: '   ',
      headcount: undefined,
    };
    const input = toAccountInput(values);
    expect(input.name).toBe('Acme');
    expect(input.creditCode).toBe('91350100M000100Y43');
    expect(input.registeredCapital).toEqual({ amount: '5000000.00', currency: 'USD' });
    expect(input.website).toBe('https://acme.com');
    expect(input.city).toBeNull();
    expect(input.headcount).toBeNull();
    expect('ownerId' in input).toBe(false);
  });

  it('sends no capital when the amount is empty', () => {
    expect(toAccountInput({ name: 'A', registeredCapital: { amount: '', currency: 'CNY' } }).registeredCapital).toBeNull();
  });
});
