import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../customers/credit-code.js';
import { cityName, industryName, leadInputFromRow, parseHeadcount, parseMoney, provinceName, type MappedColumn } from './lead-fields.js';

describe('parseMoney', () => {
  it.each([
    ['1000万', { amount: '10000000', currency: 'CNY' }],
    ['1000万元', { amount: '10000000', currency: 'CNY' }],
    ['1000万人民币', { amount: '10000000', currency: 'CNY' }],
    ['1.5亿', { amount: '150000000', currency: 'CNY' }],
    ['5,000,000', { amount: '5000000', currency: 'CNY' }],
    ['100万美元', { amount: '1000000', currency: 'USD' }],
    ['USD 2,000,000.50', { amount: '2000000.5', currency: 'USD' }],
    ['¥ 88.888', { amount: '88.89', currency: 'CNY' }],
    ['0.123万', { amount: '1230', currency: 'CNY' }],
    ['很多', null],
    ['100万英里', null],
    ['', null],
  ])('%s', (raw, expected) => expect(parseMoney(raw)).toEqual(expected));
});

describe('parseHeadcount', () => {
  it.each([
    ['1200', 1200], ['1,200', 1200], ['500人', 500], ['100-499人', 100], ['500~999', 500], ['1000人以上', 1000],
    ['1000+', 1000], ['５００', 500], ['many', null], ['-5', null], ['12.5', null],
  ])('%s → %s', (raw, expected) => expect(parseHeadcount(raw)).toBe(expected));
});

describe('places and industries', () => {
  it.each([
    ['广东省', '广东'], ['广西壮族自治区', '广西'], ['北京市', '北京'], ['Guangdong Province', '广东'], ['shanghai', '上海'],
    ['新疆维吾尔自治区', '新疆'], ['香港特别行政区', '香港'], ['Ontario', 'Ontario'],
  ])('province %s → %s', (raw, expected) => expect(provinceName(raw)).toBe(expected));
  it.each([['深圳市', '深圳'], ['市', '市'], ['Shenzhen', 'Shenzhen']])('city %s → %s', (raw, expected) => expect(cityName(raw)).toBe(expected));
  it.each([['Manufacturing', '制造业'], ['制造业', '制造业'], ['Aerospace', 'Aerospace']])('industry %s → %s', (raw, expected) =>
    expect(industryName(raw)).toBe(expected));
});

describe('leadInputFromRow', () => {
  const cols = (...fields: string[]): MappedColumn[] => fields.map((field, index) => ({ index, header: `c${index}`, field }));
  const code = `91110108MA0XMP001${creditCodeCheckChar('91110108MA0XMP001')}`;

  it.each([
    ['a valid row', cols('name', 'email', 'phone', 'creditCode'), ['王五', ' Wang@X.CN ', '138 0013 8000', code.toLowerCase()],
      { name: '王五', email: 'wang@x.cn', phone: '+8613800138000', creditCode: code }],
    ['first and last name (Chinese order)', cols('lastName', 'firstName'), ['王', '五'], { name: '王五' }],
    ['first and last name (Western order)', cols('firstName', 'lastName'), ['Ada', 'Lovelace'], { name: 'Ada Lovelace' }],
    ['mobile, then landline when the mobile is bad', cols('name', 'phone', 'phone'), ['A', '123', '010-6552 8888'], { name: 'A', phone: '+861065528888' }],
    ['notes from several columns', cols('name', 'description', 'description'), ['A', 'x', 'y'], { name: 'A', description: 'c1: x\nc2: y' }],
    ['a site without scheme', cols('name', 'website'), ['A', 'www.acme.cn'], { name: 'A', website: 'https://www.acme.cn' }],
  ])('reads %s', (_label, columns, cells, expected) => {
    const { input, errors } = leadInputFromRow(cells, columns);
    expect(errors).toEqual([]);
    expect(input).toEqual(expected);
  });

  it.each([
    ['a missing name', cols('name', 'email'), ['', 'a@b.cn'], [['name', 'FIELD_REQUIRED']]],
    ['a bad e-mail and phone', cols('name', 'email', 'phone'), ['A', 'a@', '12'], [['email', 'FIELD_FORMAT_EMAIL'], ['phone', 'INVALID_PHONE']]],
    ['a bad credit code', cols('name', 'creditCode'), ['A', '911101081017336XXX'], [['creditCode', 'INVALID_CREDIT_CODE']]],
    ['a too long title', cols('name', 'title'), ['A', 'x'.repeat(101)], [['title', 'FIELD_TOO_LONG']]],
    ['both phones bad', cols('name', 'phone', 'phone'), ['A', '1', '2'], [['phone', 'INVALID_PHONE']]],
  ])('rejects %s with every reason', (_label, columns, cells, expected) => {
    const { input, errors } = leadInputFromRow(cells, columns);
    expect(input).toBeNull();
    expect(errors.map((e) => [e.field, e.code])).toEqual(expected);
  });
});
