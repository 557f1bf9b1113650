import { describe, expect, it } from 'vitest';
import { bitsFromScore, LEVEL_THRESHOLDS, type MatchLevel, matchRecords, scoreFromBits } from './match';
import { type PartyRecord } from './party';
import { REASON_CODES, type ReasonCode } from './reasons';

const account = (name: string, extra: Partial<PartyRecord> = {}): PartyRecord => ({ kind: 'account', name, ...extra });
const lead = (name: string, company: string | null, extra: Partial<PartyRecord> = {}): PartyRecord => ({
  kind: 'lead',
  name,
  company,
  ...extra,
});

// A valid 统一社会信用代码 (check character computed) and one with another registration number.
const CODE = '91110108MA01ABCD1E';
const OTHER_CODE = '91310000MA1FL0XY0A';

interface Case {
  a: PartyRecord;
  b: PartyRecord;
  level: MatchLevel;
  reason: ReasonCode;
}

describe('matchRecords', () => {
  it.each<[string, Case]>([
    // Accounts
    ['same credit code', { a: account('北京星河智造科技有限公司', { creditCode: CODE }), b: account('星河智造', { creditCode: ` ${CODE.toLowerCase()} ` }), level: 'exact', reason: 'SAME_CREDIT_CODE' }],
    ['name variants, Chinese', { a: account('北京星河智造科技有限公司'), b: account('星河智造（北京）科技有限公司'), level: 'strong', reason: 'SAME_COMPANY' }],
    ['name variants, no place', { a: account('北京星河智造科技有限公司'), b: account('星河智造科技'), level: 'strong', reason: 'SAME_COMPANY' }],
    ['name variants, English', { a: account('Acme Inc.'), b: account('ACME, Inc'), level: 'strong', reason: 'SAME_COMPANY' }],
    ['another legal entity of the brand', { a: account('Acme Inc.'), b: account('Acme Holdings GmbH'), level: 'possible', reason: 'SIMILAR_COMPANY' }],
    ['a branch and its parent', { a: account('常州途畅互联网科技有限公司合肥分公司'), b: account('常州途畅互联网科技有限公司'), level: 'possible', reason: 'SIMILAR_COMPANY' }],
    ['Chinese and pinyin names', { a: account('星河智造科技有限公司'), b: account('Xinghe Zhizao Technology Co., Ltd.'), level: 'possible', reason: 'SIMILAR_COMPANY' }],
    ['another company of the group', { a: account('华为技术有限公司'), b: account('华为终端有限公司'), level: 'none', reason: 'DIFFERENT_COMPANY' }],
    ['same name, different credit codes', { a: account('星河智造科技有限公司', { creditCode: CODE }), b: account('星河智造科技有限公司', { creditCode: OTHER_CODE }), level: 'none', reason: 'DIFFERENT_CREDIT_CODE' }],
    ['same phone in another format', { a: account('Arts Delicatessen', { phones: ['818/762-1221'], country: 'US' }), b: account('Arts Deli', { phones: ['818-762-1221'], country: 'US' }), level: 'strong', reason: 'SAME_PHONE' }],
    ['chain outlets: same name, other address', { a: account('Sarabeths Kitchen', { address: '423 amsterdam ave.', city: 'new york' }), b: account('Sarabeths', { address: '1295 madison ave.', city: 'new york' }), level: 'possible', reason: 'SAME_COMPANY' }],
    // Same premises (a business centre, a hotel) do not make two differently named companies one.
    ['same premises, other names', { a: account('Cafe Ritz-Carlton Buckhead', { phones: ['404/237-2700'], address: '3434 peachtree rd.', city: 'atlanta', country: 'US' }), b: account('Ritz-Carlton Dining Room', { phones: ['404-237-2700'], address: '3434 peachtree rd. ne', city: 'atlanta', country: 'US' }), level: 'none', reason: 'SAME_PHONE' }],
    // People
    ['same e-mail, any case', { a: lead('张伟', null, { email: 'Zhang.Wei@Xinghe.com' }), b: lead('张伟', null, { email: 'zhang.wei@xinghe.com' }), level: 'exact', reason: 'SAME_EMAIL' }],
    ['same mobile in another format, Chinese and pinyin name', { a: lead('张伟', null, { phones: ['138 1234 5678'] }), b: lead('Zhang Wei', null, { phones: ['+86 138-1234-5678'] }), level: 'exact', reason: 'SAME_PHONE' }],
    ['same person at the same company', { a: lead('张伟', '北京星河智造科技有限公司'), b: lead('张伟', '星河智造科技'), level: 'strong', reason: 'SAME_PERSON_AT_COMPANY' }],
    ['Last, First at the same company', { a: lead('John Smith', 'Acme Inc.'), b: lead('Smith, John', 'ACME, Inc'), level: 'strong', reason: 'SAME_PERSON_AT_COMPANY' }],
    ['colleagues', { a: lead('张伟', '北京星河智造科技有限公司'), b: lead('李娜', '星河智造科技'), level: 'none', reason: 'DIFFERENT_PERSON_NAME' }],
    ['a shared mailbox is not a person', { a: lead('张伟', null, { email: 'info@xinghe.com' }), b: lead('李娜', null, { email: 'INFO@xinghe.com' }), level: 'none', reason: 'DIFFERENT_PERSON_NAME' }],
    ['same switchboard, other people', { a: lead('张伟', '星河智造', { phones: ['010-6552 8888'] }), b: lead('李娜', '星河智造', { phones: ['(010) 65528888'] }), level: 'none', reason: 'DIFFERENT_PERSON_NAME' }],
    ['same name only', { a: lead('张伟', null), b: lead('张伟', null), level: 'none', reason: 'SAME_PERSON_NAME' }],
    // A trade-show list: colleagues share the company, its domain and the city; their own mailboxes and mobiles tell them apart.
    ['colleagues with their own mailboxes', { a: lead('李军', '导入公司391有限公司', { email: 'li.jun@daoru391.cn', city: '上海' }), b: lead('王军', '导入公司391有限公司', { email: 'wang.jun@daoru391.cn', city: '上海' }), level: 'none', reason: 'COLLEAGUE_EMAILS' }],
    ['namesakes at other companies, other mobiles', { a: lead('郭海燕', '导入公司1926有限公司', { phones: ['158 4392 1186'], city: '上海' }), b: lead('郭海燕', '导入公司268有限公司', { phones: ['187 9849 3540'], city: '上海' }), level: 'none', reason: 'DIFFERENT_MOBILE' }],
    // A second mailbox on a mail host does not outweigh the same person at the same company; a
    // second mobile leaves it for a person to judge (two 张伟 at one company have two mobiles).
    ['same person at the company, private mailboxes', { a: lead('张伟', '北京星河智造科技有限公司', { email: 'zhangwei@163.com' }), b: lead('张伟', '星河智造科技', { email: 'zw1988@qq.com' }), level: 'strong', reason: 'SAME_PERSON_AT_COMPANY' }],
    ['same person at the company, a second mobile', { a: lead('张伟', '北京星河智造科技有限公司', { phones: ['138 1234 5678'] }), b: lead('张伟', '星河智造科技', { phones: ['139 8765 4321'] }), level: 'possible', reason: 'DIFFERENT_MOBILE' }],
    ['same person, typos, same birth date and address', { a: { kind: 'contact', givenName: 'mikhayla', familyName: 'hannagan', address: '20 rupp place brentwood vlge', city: 'penshurst', postcode: '2257', birthDate: '1977-05-01' }, b: { kind: 'contact', givenName: 'mikhvyla', familyName: 'hannagan', address: '20 rupp lace brentwoo dvlge', city: 'penshurst', postcode: '2283', birthDate: '19770501' }, level: 'strong', reason: 'SAME_BIRTH_DATE' }],
    // Lead against account: does this lead belong to a known customer?
    ['a lead of a known account', { a: lead('John Smith', 'Acme Inc.', { email: 'john@acme.com' }), b: account('ACME Inc', { website: 'https://www.acme.com' }), level: 'strong', reason: 'SAME_COMPANY' }],
  ])('%s', (_, { a, b, level, reason }) => {
    const result = matchRecords(a, b);
    expect(result.level).toBe(level);
    expect(result.reasons.map((r) => r.code)).toContain(reason);
    const reverse = matchRecords(b, a);
    expect(reverse.score).toBeCloseTo(result.score, 10);
    expect(reverse.level).toBe(level);
  });

  it('explains itself: reasons sorted by strength, weights that add up to the score', () => {
    const result = matchRecords(lead('张伟', '北京星河智造科技有限公司', { email: 'zhang.wei@xinghe.com' }), lead('张 伟', '星河智造', { email: 'Zhang.Wei@xinghe.com' }));
    expect(result.reasons.map((r) => r.code)).toEqual(['SAME_EMAIL', 'SAME_PERSON_AT_COMPANY']);
    expect(result.reasons[1].detail).toContain('星河智造');
    const bits = result.reasons.reduce((sum, r) => sum + r.weight, 0);
    expect(result.score).toBeCloseTo(scoreFromBits(bits), 10);
  });

  it('reads a contact point one keystroke off as mistyped, not as another person’s', () => {
    const codes = (a: PartyRecord, b: PartyRecord) => matchRecords(a, b).reasons.map((r) => r.code);
    // Two digits swapped in a mobile number; a letter dropped from a work address.
    const mobileTypo = [lead('张伟', '北京星河智造科技有限公司', { phones: ['138 1234 5678'] }), lead('张伟', '星河智造科技', { phones: ['138 1243 5678'] })] as const;
    expect(codes(...mobileTypo)).not.toContain('DIFFERENT_MOBILE');
    expect(matchRecords(...mobileTypo).level).toBe('strong');
    const mailTypo = [lead('Zhang Wei', '北京星河智造科技有限公司', { email: 'zhang.wei@xinghe.com' }), lead('Zhang Wei', '星河智造科技', { email: 'zhang.wi@xinghe.com' })] as const;
    expect(codes(...mailTypo)).not.toContain('COLLEAGUE_EMAILS');
    expect(matchRecords(...mailTypo).level).toBe('strong');
    // A number is no typo: the second 张伟 at a company gets zhang.wei2.
    const namesakes = [lead('Zhang Wei', '北京星河智造科技有限公司', { email: 'zhang.wei@xinghe.com' }), lead('Zhang Wei', '星河智造科技', { email: 'zhang.wei2@xinghe.com' })] as const;
    expect(codes(...namesakes)).toContain('COLLEAGUE_EMAILS');
    expect(matchRecords(...namesakes).level).toBe('none');
  });

  it('names the mobiles it compared when they differ, not a landline listed first', () => {
    const a = lead('张伟', '星河智造', { phones: ['010-6552 8888', '138 1234 5678'] });
    const b = lead('张伟', '星河智造', { phones: ['139 8765 4321'] });
    const reason = matchRecords(a, b).reasons.find((r) => r.code === 'DIFFERENT_MOBILE');
    expect(reason?.detail).toMatch(/13812345678.*≠.*13987654321/);
    expect(reason?.detail).not.toContain('65528888');
  });

  it('reads phone numbers in the default region unless the record has a country', () => {
    const a = account('Acme', { phones: ['310-246-1501'] });
    const b = account('Acme', { phones: ['+1 310 246 1501'] });
    expect(matchRecords(a, b).reasons.map((r) => r.code)).not.toContain('SAME_PHONE');
    expect(matchRecords(a, b, { defaultRegion: 'US' }).reasons.map((r) => r.code)).toContain('SAME_PHONE');
    expect(matchRecords({ ...a, country: 'us' }, b).reasons.map((r) => r.code)).toContain('SAME_PHONE');
  });

  it('has nothing to say about empty records', () => {
    expect(matchRecords({ kind: 'lead' }, { kind: 'account' })).toEqual({ score: scoreFromBits(0), level: 'none', reasons: [] });
  });

  it('maps evidence to scores monotonically, with the level thresholds in between', () => {
    const scores = [-20, 0, 12, 16, 30].map(scoreFromBits);
    expect(scores).toEqual([...scores].sort((x, y) => x - y));
    expect(scoreFromBits(12)).toBe(0.5);
    expect(bitsFromScore(scoreFromBits(7.5))).toBeCloseTo(7.5, 10);
    expect(LEVEL_THRESHOLDS.possible).toBeLessThan(LEVEL_THRESHOLDS.strong);
  });
});

describe('REASON_CODES', () => {
  it('are unique, upper-snake-case identifiers', () => {
    expect(new Set(REASON_CODES).size).toBe(REASON_CODES.length);
    for (const code of REASON_CODES) expect(code).toMatch(/^[A-Z]+(_[A-Z]+)*$/);
  });
});
