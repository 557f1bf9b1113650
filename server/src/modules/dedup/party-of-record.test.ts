import { describe, expect, it } from 'vitest';
import { matchSignature, partiesOf, prepareRecord, recordKeys, scoreRecords, type MatchableRecord } from './party-of-record';

// A valid 统一社会信用代码.
const CODE = '91110108MA01ABCD1E';
const lead = (id: string, extra: Partial<MatchableRecord> = {}): MatchableRecord => ({ id, name: '王建国', company: '北京星河智造科技有限公司', ...extra });

describe('records as parties', () => {
  it('reads a lead as a person whose credit code belongs to the company', () => {
    const { person, company } = partiesOf('leads', lead('l1', { creditCode: CODE, province: '北京', city: '北京', phone: '+8613801012345' }));
    expect(person).toMatchObject({ kind: 'lead', name: '王建国', region: '北京', phones: ['+8613801012345'] });
    expect(person.creditCode).toBeUndefined();
    expect(company.creditCode).toBe(CODE);
  });

  it('reads a contact with its account name as the company, and an account as a company', () => {
    expect(partiesOf('contacts', { id: 'c', name: '李娜', accountName: '星河智造', phones: ['+8613801012345'] }).person).toMatchObject({ kind: 'contact', company: '星河智造' });
    expect(partiesOf('accounts', { id: 'a', name: '星河智造', creditCode: CODE, phone: '+861065528888' }).company).toMatchObject({ kind: 'account', creditCode: CODE, phones: ['+861065528888'] });
  });

  it('does not take two colleagues for one person because they share the company credit code', () => {
    const a = prepareRecord('leads', lead('l1', { creditCode: CODE }));
    const b = prepareRecord('leads', lead('l2', { name: '李娜', creditCode: CODE }));
    expect(scoreRecords(a, b).level).toBe('none');
    expect(recordKeys(a)).toContain(`cc:${CODE}`);
  });

  it('matches a lead with the account of its company by credit code', () => {
    const a = prepareRecord('leads', lead('l1', { creditCode: CODE }));
    const account = prepareRecord('accounts', { id: 'a1', name: '星河智造（北京）科技有限公司', creditCode: CODE });
    const result = scoreRecords(a, account);
    expect(result.level).toBe('exact');
    expect(result.reasons.map((r) => r.code)).toContain('SAME_CREDIT_CODE');
  });

  it('changes its signature only when a matched field changes', () => {
    const base = lead('l1');
    expect(matchSignature('leads', base)).toBe(matchSignature('leads', { ...base, score: 80 } as MatchableRecord));
    expect(matchSignature('leads', base)).not.toBe(matchSignature('leads', { ...base, email: 'w@x.cn' }));
  });
});
