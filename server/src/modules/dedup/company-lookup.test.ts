import { describe, expect, it } from 'vitest';
import { pickCompanyMatch, type CompanyCandidate, type CompanyQuery } from './company-lookup';

const registry: CompanyCandidate[] = [
  { id: 'bj', name: '北京星河智造科技有限公司', province: '北京', district: '海淀', city: '北京' },
  { id: 'sh', name: '星河智造（上海）科技有限公司', province: '上海', district: '浦东', city: '上海' },
  { id: 'hz', name: '杭州西溪电子商务有限公司', province: '浙江', city: '杭州' },
  { id: 'hz-branch', name: '杭州西溪电子商务有限公司宁波分公司', province: '浙江', city: '宁波' },
  { id: 'acme', name: 'Acme Robotics Co., Ltd.', province: '上海', city: '上海' },
];

describe('pickCompanyMatch', () => {
  it.each<[string, CompanyQuery, string | null, string | null]>([
    ['a name variant in the same place', { name: '星河智造（北京）科技有限公司' }, 'bj', 'name_location'],
    ['the core name and the lead’s province', { name: '星河智造科技', province: '上海市' }, 'sh', 'name_location'],
    ['the core name and a city of the province', { name: '西溪电子商务', city: '杭州' }, 'hz', 'name_location'],
    ['a unique strong name match without a place', { name: '杭州西溪电子商务有限公司' }, 'hz', 'name_location'],
    ['namesakes in two cities and no place: not sure', { name: '星河智造科技有限公司' }, null, null],
    ['the core name in another place: not this one', { name: '星河智造科技', province: '广东' }, null, null],
    ['a Latin name', { name: 'ACME Robotics Ltd' }, 'acme', 'name'],
    ['a branch is not its parent', { name: '杭州西溪电子商务有限公司宁波分公司' }, 'hz-branch', 'name_location'],
    ['another company', { name: '云帆物流有限公司', city: '北京' }, null, null],
    ['an empty name', { name: '有限公司' }, null, null],
  ])('%s', (_, query, id, by) => {
    const match = pickCompanyMatch(query, registry);
    expect(match?.id ?? null).toBe(id);
    expect(match?.by ?? null).toBe(by);
  });
});
