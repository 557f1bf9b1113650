import { describe, expect, it } from 'vitest';
import { cleanPhones, toContactFormValues, toContactInput } from './contact-form-values';

describe('contact form values', () => {
  it('cleans phone numbers: trims, drops blanks and repeats', () => {
    expect(cleanPhones([' 13800138000 ', '', '13800138000', '010-88886666'])).toEqual(['13800138000', '010-88886666']);
    expect(cleanPhones(undefined)).toEqual([]);
  });

  it('lower-cases the e-mail and turns empty fields into null', () => {
    expect(
      toContactInput({ name: ' 李娜 ', email: ' Li.Na@Example.COM ', title: '', wechat: undefined, phones: ['139'] }),
    ).toEqual({
      accountId: null,
      name: '李娜',
      title: null,
      department: null,
      phones: ['139'],
      email: 'li.na@example.com',
      wechat: null,
      reportsToId: null,
    });
  });

  it('presets the account and owner of a new contact', () => {
    expect(toContactFormValues(null, { accountId: 'a1', ownerId: 'u1' })).toEqual({
      name: '',
      accountId: 'a1',
      phones: [],
      ownerId: 'u1',
    });
  });
});
