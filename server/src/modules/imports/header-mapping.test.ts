import { describe, expect, it } from 'vitest';
import {
  applyRemembered, columnsFromHeaders, detectHeaderRow, headerSignature, normalizeHeader, rememberable, resolveMapping, suggestMapping,
} from './header-mapping.js';
import { LEAD_IMPORT_FIELDS } from './lead-fields.js';

const suggest = (headers: string[]) => suggestMapping(columnsFromHeaders(headers), LEAD_IMPORT_FIELDS);

describe('normalizeHeader', () => {
  it.each([
    ['手机号码（必填）', '手机号码'], ['* 姓名', '姓名'], ['E-Mail Address', 'emailaddress'], ['Ｅ-mail', 'email'], ['公司/单位', '公司单位'],
  ])('%s → %s', (raw, expected) => expect(normalizeHeader(raw)).toBe(expected));
});

describe('suggestMapping', () => {
  it.each([
    [['姓名', '公司', '手机', '邮箱', '职位', '行业', '省份', '城市'], ['name', 'company', 'phone', 'email', 'title', 'industry', 'province', 'city']],
    [['Name', 'Company Name', 'Mobile Phone', 'Email Address', 'Job Title'], ['name', 'company', 'phone', 'email', 'title']],
    [['联系人姓名', '工作单位', '联系电话', '电子邮件', '备注'], ['name', 'company', 'phone', 'email', 'description']],
    [['First Name', 'Last Name', 'Organization'], ['firstName', 'lastName', 'company']],
    // Mobile and landline both feed the phone (the first valid wins); an unknown column stays out.
    [['姓名', '手机', '座机', '展位号'], ['name', 'phone', 'phone', null]],
    // Only one column gets a single-valued field: the better-named one.
    [['公司名称', '单位'], ['company', null]],
  ])('%j', (headers, expected) => expect(Object.values(suggest(headers))).toEqual(expected));
});

describe('columns, signature and remembered mappings', () => {
  it('gives repeated and blank headers unique keys', () => {
    expect(columnsFromHeaders(['电话', '', '电话']).map((c) => c.key)).toEqual(['电话', 'Column 2', '电话 (2)']);
  });

  it('signs a header set whatever its order, spacing or the report columns', () => {
    const a = headerSignature(columnsFromHeaders(['姓名', '公司']));
    expect(headerSignature(columnsFromHeaders([' 公司 ', '姓名']))).toBe(a);
    expect(headerSignature(columnsFromHeaders(['姓名', '公司', '原行号', '错误原因']))).toBe(a);
    expect(headerSignature(columnsFromHeaders(['姓名', '单位']))).not.toBe(a);
  });

  it('applies a remembered mapping by header', () => {
    const first = columnsFromHeaders(['姓名', '备注']);
    const remembered = rememberable(first, { 姓名: 'name', 备注: 'productInterest' });
    expect(applyRemembered(columnsFromHeaders(['备注', '姓名']), remembered)).toEqual({ 备注: 'productInterest', 姓名: 'name' });
  });
});

describe('resolveMapping', () => {
  const columns = columnsFromHeaders(['A', 'B', 'C']);
  it.each([
    [{ A: 'name', B: 'phone', C: 'phone' }, []],
    [{ A: 'lastName', B: 'firstName' }, []],
    [{ A: 'company' }, ['IMPORT_REQUIRED_FIELD_UNMAPPED']],
    [{ A: 'name', B: 'company', C: 'company' }, ['IMPORT_FIELD_MAPPED_TWICE']],
    [{ A: 'name', D: 'company' }, ['IMPORT_UNKNOWN_COLUMN']],
    [{ A: 'name', B: 'ownerId' }, ['IMPORT_UNKNOWN_FIELD']],
  ])('%j', (mapping, codes) => expect(resolveMapping(columns, mapping, LEAD_IMPORT_FIELDS).errors.map((e) => e.code)).toEqual(codes));
});

describe('detectHeaderRow', () => {
  const row = (rowNumber: number, cells: string[]) => ({ rowNumber, cells });
  it('skips a title line above the header', () => {
    expect(detectHeaderRow([row(1, ['2025 展会名单']), row(2, ['姓名', '手机', '公司']), row(3, ['王', '138', 'X'])], LEAD_IMPORT_FIELDS)?.rowNumber).toBe(2);
  });
  it('falls back to the first row with two filled cells', () => {
    expect(detectHeaderRow([row(1, ['x']), row(2, ['foo', 'bar']), row(3, ['1', '2'])], LEAD_IMPORT_FIELDS)?.rowNumber).toBe(2);
  });
});
