import { describe, expect, it } from 'vitest';
import { containsKeyword, matchesCondition, normalizeText } from './match-condition.js';
import type { Operator } from './rule-types.js';

describe('matchesCondition', () => {
  it.each<[string, Operator, unknown, unknown, boolean]>([
    ['industry equals, Chinese', 'equals', '制造业', '制造业', true],
    ['industry equals ignores case and full width', 'equals', 'Manufacturing', 'ＭＡＮＵＦＡＣＴＵＲＩＮＧ', true],
    ['industry equals ignores surrounding spaces', 'equals', '制造业', ' 制造业 ', true],
    ['industry equals another industry', 'equals', '制造业', '教育', false],
    ['not_equals on a different value', 'not_equals', '教育', '制造业', true],
    ['not_equals on an empty value does not fire', 'not_equals', '教育', null, false],
    ['region in list', 'in', ['华东', '华南'], '华东', true],
    ['region not in list', 'in', ['华东', '华南'], '西北', false],
    ['not_in list', 'not_in', ['学生', 'Student'], 'student', false],
    ['not_in list, other value', 'not_in', ['学生', 'Student'], '采购经理', true],
    ['headcount in a list of numbers', 'in', [500, 1000], 500, true],
    ['title contains 总监', 'contains', ['总监', 'CIO', 'Director'], '信息中心总监', true],
    ['title contains CIO as a word', 'contains', ['总监', 'CIO', 'Director'], 'CIO / 首席信息官', true],
    ['title contains Director in English', 'contains', ['总监', 'CIO', 'Director'], 'IT Director, APAC', true],
    ['CTO is not found inside "Director"', 'contains', ['CTO'], 'Sales Director', false],
    ['CIO is not found inside "Associate"', 'contains', ['CIO'], 'Associate Engineer', false],
    ['Latin keyword right before Chinese text', 'contains', ['IT'], 'IT总监', true],
    ['full-width keyword in the title', 'contains', ['CIO'], 'ＣＩＯ', true],
    ['contains on an empty title', 'contains', ['总监'], '', false],
    ['headcount ≥ 500 at the bound', 'gte', 500, 500, true],
    ['headcount ≥ 500 below', 'gte', 500, 499, false],
    ['headcount ≤ 50', 'lte', 50, 20, true],
    ['registered capital between, as a decimal string', 'between', [1_000_000, 50_000_000], '5000000.00', true],
    ['between includes both bounds', 'between', [100, 499], 499, true],
    ['between excludes outside', 'between', [100, 499], 500, false],
    ['numeric test on a missing headcount', 'gte', 500, null, false],
    ['numeric test on text', 'gte', 500, 'many', false],
    ['is_empty on null', 'is_empty', null, null, true],
    ['is_empty on blanks', 'is_empty', null, '  ', true],
    ['is_empty on a value', 'is_empty', null, '华东', false],
    ['is_not_empty on zero', 'is_not_empty', null, 0, true],
  ])('%s', (_name, operator, expected, actual, result) => {
    expect(matchesCondition(operator, expected, actual)).toBe(result);
  });
});

describe('containsKeyword', () => {
  it.each<[string, string, boolean]>([
    ['销售总监', '总监', true],
    ['总经理', '总监', false],
    ['Chief Information Officer', 'information officer', true],
    ['VP of R&D', 'R&D', true],
    ['c++ developer', 'c++', true],
  ])('%s ⊃ %s: %s', (text, keyword, result) => {
    expect(containsKeyword(text, keyword)).toBe(result);
  });

  it('normalises text the same way on both sides', () => {
    expect(normalizeText('  ＩＴ   Director ')).toBe('it director');
  });
});
