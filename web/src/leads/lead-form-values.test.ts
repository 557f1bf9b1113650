import { describe, expect, it } from 'vitest';
import { toLeadFormValues, toLeadInput } from './lead-form-values';

describe('lead form values', () => {
  it('sends empty fields as null and trims text', () => {
    expect(toLeadInput({ ...toLeadFormValues(null), name: ' 王建国 ', company: '  ', headcount: 120, source: 'trade_show' })).toEqual({
      name: '王建国',
      company: null,
      title: null,
      email: null,
      phone: null,
      industry: null,
      headcount: 120,
      province: null,
      city: null,
      region: null,
      productInterest: null,
      source: 'trade_show',
      description: null,
    });
  });

  it('fills the form from a lead', () => {
    const values = toLeadFormValues({ name: 'A', company: 'B', headcount: null, region: '华北大区' } as never);
    expect(values).toMatchObject({ name: 'A', company: 'B', headcount: undefined, region: '华北大区' });
  });
});
