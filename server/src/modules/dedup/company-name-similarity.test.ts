import { describe, expect, it } from 'vitest';
import { parseCompanyName } from './company-name';
import { compareCompanyNames } from './company-name-similarity';

const compare = (a: string, b: string) => {
  const forward = compareCompanyNames(parseCompanyName(a), parseCompanyName(b));
  expect(compareCompanyNames(parseCompanyName(b), parseCompanyName(a)).similarity).toBeCloseTo(forward.similarity, 10);
  return forward;
};

describe('compareCompanyNames: the same company written differently', () => {
  it.each([
    ['北京星河智造科技有限公司', '星河智造（北京）科技有限公司'],
    ['北京星河智造科技有限公司', '星河智造科技'],
    ['星河智造（北京）科技有限公司', '星河智造科技'],
    ['星河智造(北京)科技有限公司', '星河智造（北京）科技有限公司'],
    ['上海市星河智造科技有限公司', '星河智造科技（上海）有限责任公司'],
    ['深圳市星河网络股份有限公司', '广东省深圳市星河网络有限公司'],
    ['Acme Inc.', 'ACME, Inc'],
    ['Acme Inc.', 'acme incorporated'],
    ['Acme Co., Ltd.', 'ACME Limited'],
    ['Hotel Bel-Air', 'Bel-Air Hotel'],
    ['The Palm', 'Palm, The (Los Angeles)'],
    ['Second Street Grille', 'second street grill'],
  ])('%s = %s', (a, b) => {
    const cmp = compare(a, b);
    expect(cmp.sameEntity).toBe(true);
    expect(cmp.similarity).toBeGreaterThanOrEqual(0.97);
  });
});

describe('compareCompanyNames: related but not the same entity', () => {
  it.each([
    // another company of the group
    ['华为技术有限公司', '华为终端有限公司', 0.3, 0.8],
    // another legal entity of the brand
    ['Acme Inc.', 'Acme Holdings GmbH', 0.85, 0.95],
    ['Acme Ltd', 'Acme Inc', 0.85, 0.95],
    // a branch and its parent
    ['常州途畅互联网科技有限公司合肥分公司', '常州途畅互联网科技有限公司', 0.85, 0.95],
    ['中国银行北京分行', '中国银行上海分行', 0.8, 0.9],
    // registered in another city
    ['星河智造（北京）科技有限公司', '星河智造（上海）科技有限公司', 0.5, 0.7],
    // same brand word, other business
    ['平安银行股份有限公司', '中国平安保险(集团)股份有限公司', 0.6, 0.85],
    ['Shun Lee West', 'Shun Lee Palace', 0.75, 0.9],
  ])('%s ~ %s in [%d, %d]', (a, b, low, high) => {
    const cmp = compare(a, b);
    expect(cmp.sameEntity).toBe(false);
    expect(cmp.similarity).toBeGreaterThanOrEqual(low);
    expect(cmp.similarity).toBeLessThanOrEqual(high);
  });
});

describe('compareCompanyNames: different companies', () => {
  it.each([
    ['华为技术有限公司', '华润万家超市有限公司'],
    ['北京星河智造科技有限公司', '北京银河证券股份有限公司'],
    ['Circus Circus', 'The Steak House'],
    ['腾讯科技（深圳）有限公司', '阿里巴巴（中国）有限公司'],
  ])('%s ≠ %s', (a, b) => {
    const cmp = compare(a, b);
    expect(cmp.sameCore).toBe(false);
    expect(cmp.similarity).toBeLessThan(0.6);
  });

  it('stays low for one-word names that share letters (Jaro–Winkler is lenient on short words)', () => {
    expect(compare('Acme Inc.', 'Apex Inc.').similarity).toBeLessThan(0.75);
  });
});

describe('compareCompanyNames: short forms and other scripts', () => {
  it.each([
    ['皖新传媒', '安徽新华传媒股份有限公司'],
    ['深振业Ａ', '深圳市振业(集团)股份有限公司'],
    ['蓝丰生化', '江苏蓝丰生物化工股份有限公司'],
    ['中国石化', '中国石油化工股份有限公司'],
    ['arts deli', 'Arts Delicatessen'],
    ['yujean kangs', 'yujean kangs gourmet chinese cuisine'],
    ['星河智造科技有限公司', 'Xinghe Zhizao Technology Co., Ltd.'],
  ])('%s ~ %s', (a, b) => {
    expect(compare(a, b).similarity).toBeGreaterThanOrEqual(0.7);
  });

  it('ranks the full name an abbreviation stands for above look-alikes', () => {
    const query = parseCompanyName('深中华A');
    const score = (name: string) => compareCompanyNames(query, parseCompanyName(name)).similarity;
    expect(score('深圳中华自行车(集团)股份有限公司')).toBeGreaterThan(score('深圳中恒华发股份有限公司'));
    const pingan = parseCompanyName('平安银行');
    expect(compareCompanyNames(pingan, parseCompanyName('平安银行股份有限公司')).similarity).toBeGreaterThan(
      compareCompanyNames(pingan, parseCompanyName('中国平安保险(集团)股份有限公司')).similarity,
    );
  });

  it('gives no similarity when a name is missing', () => {
    expect(compare('', '星河智造').similarity).toBe(0);
  });
});
