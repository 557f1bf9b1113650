import { describe, expect, it } from 'vitest';
import { placeAbbreviations, placeOf, placesCompatible, splitLeadingPlace, splitTrailingPlace } from './places-cn';

describe('places-cn', () => {
  it.each([
    ['上海市', '上海'],
    ['北京', '北京'],
    ['广西壮族自治区', '广西'],
    ['深圳市', '深圳'],
    ['中国', '中国'],
    ['星河', null],
  ])('placeOf(%s) = %s', (text, place) => {
    expect(placeOf(text)).toBe(place);
  });

  it.each([
    ['北京市海淀区星河', '北京', '海淀区星河'],
    ['海淀区星河', '海淀', '星河'],
    ['浦东新区星河', '浦东', '新区星河'],
    ['钟楼区北港可诺', '钟楼', '北港可诺'],
    ['星河科技', null, null],
    ['超市连锁', null, null],
    ['社区服务', null, null],
  ])('splitLeadingPlace(%s) → %s + %s', (text, place, rest) => {
    const split = splitLeadingPlace(text);
    expect(split?.place ?? null).toBe(place);
    expect(split?.rest ?? null).toBe(rest);
  });

  it('splits a trailing place', () => {
    expect(splitTrailingPlace('新月能源石家庄')).toEqual({ place: '石家庄', rest: '新月能源' });
    expect(splitTrailingPlace('星河智造')).toBeNull();
  });

  it.each([
    ['深圳', '广东', true],
    ['广东', '深圳', true],
    ['深圳', '广州', false],
    ['深圳', '浙江', false],
    ['中国', '上海', true],
    ['海淀', '北京', true],
  ])('placesCompatible(%s, %s) = %s', (a, b, expected) => {
    expect(placesCompatible(a, b)).toBe(expected);
  });

  it('knows the one-character abbreviations short names use', () => {
    expect(placeAbbreviations('安徽')).toBe('皖');
    expect(placeAbbreviations('上海')).toContain('沪');
    expect(placeAbbreviations('广州')).toBe('穗粤');
    expect(placeAbbreviations('海淀')).toBe('');
  });
});
