import { isValidCreditCode, normalizeCreditCode } from '../customers/credit-code.js';
import type { Money } from '../../platform/normalize/money.js';
import { industryFromScope } from './industry-keywords.js';
import { parseRegisteredCapital } from './registered-capital.js';

/** The fields of a registry company, as loaded. */
export type RegistryField =
  | 'name' | 'creditCode' | 'registeredOn' | 'companyType' | 'registeredCapital' | 'businessScope'
  | 'province' | 'district' | 'address' | 'headcount' | 'industry';

/**
 * Column headers of registry exports (the cn_enterprise_registry files: 企业名称, 统一社会信用代码,
 * 注册日期, 企业类型, 法人代表, 注册资金, 经营范围, 所在省份, 地区, 注册地址; and common variants), or
 * the API's field names. 法人代表 / 法定代表人 is a person's name: it is read past and never stored.
 */
const HEADERS: Readonly<Record<string, RegistryField | null>> = {
  企业名称: 'name', 公司名称: 'name', 名称: 'name', name: 'name', companyname: 'name',
  统一社会信用代码: 'creditCode', 信用代码: 'creditCode', creditcode: 'creditCode',
  注册日期: 'registeredOn', 成立日期: 'registeredOn', registeredon: 'registeredOn',
  企业类型: 'companyType', 公司类型: 'companyType', companytype: 'companyType',
  注册资金: 'registeredCapital', 注册资本: 'registeredCapital', registeredcapital: 'registeredCapital',
  经营范围: 'businessScope', businessscope: 'businessScope',
  所在省份: 'province', 省份: 'province', 省: 'province', province: 'province',
  地区: 'district', 所在城市: 'district', 城市: 'district', 所在地区: 'district', city: 'district', district: 'district',
  注册地址: 'address', 地址: 'address', 住所: 'address', address: 'address',
  人员规模: 'headcount', 员工人数: 'headcount', 参保人数: 'headcount', headcount: 'headcount',
  行业: 'industry', 所属行业: 'industry', industry: 'industry',
  法人代表: null, 法定代表人: null, legalrepresentative: null,
};

/** The field a column header stands for; null for a known column that is not kept; undefined when unknown. */
export function registryFieldOf(header: string): RegistryField | null | undefined {
  return HEADERS[header.replace(/^\ufeff/, '').normalize('NFKC').replace(/[\s_*]/g, '').toLowerCase()];
}

/** Provinces by sales region (大区), as the regions of accounts and leads are named. */
const REGIONS: Readonly<Record<string, string>> = {
  华北大区: '北京 天津 河北 山西 内蒙古',
  东北大区: '辽宁 吉林 黑龙江',
  华东大区: '上海 江苏 浙江 安徽 福建 江西 山东',
  华中大区: '河南 湖北 湖南',
  华南大区: '广东 广西 海南 香港 澳门',
  西南大区: '重庆 四川 贵州 云南 西藏',
  西北大区: '陕西 甘肃 青海 宁夏 新疆',
};
const REGION_OF = new Map(Object.entries(REGIONS).flatMap(([region, list]) => list.split(' ').map((p) => [p, region] as const)));
const MUNICIPALITIES = new Set(['北京', '天津', '上海', '重庆']);

const place = (value: string | undefined) =>
  value?.normalize('NFKC').trim().replace(/(维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)$/, '') || null;

export interface RegistryCompanyInput {
  name: string;
  creditCode: string | null;
  registeredOn: string | null;
  companyType: string | null;
  registeredCapital: Money | null;
  businessScope: string | null;
  industry: string | null;
  headcount: number | null;
  province: string | null;
  district: string | null;
  city: string | null;
  region: string | null;
  address: string | null;
}

export type RegistryRowResult = { ok: true; company: RegistryCompanyInput; invalidCreditCode: boolean } | { ok: false; code: string };

const text = (value: unknown) => {
  const s = typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
  return s && !/^(n\/a|na|-|—|－|null|无)$/i.test(s) ? s : null;
};

/**
 * One registry row (cells by field) as a company to store. A credit code failing its check
 * character is dropped (the company is still found by name); the legal representative never
 * arrives here. Headcount is the first number ("50-99人" → 50).
 */
export function registryCompanyFrom(cells: Partial<Record<RegistryField, unknown>>): RegistryRowResult {
  const name = text(cells.name);
  if (!name) return { ok: false, code: 'REGISTRY_NAME_REQUIRED' };
  const rawCode = text(cells.creditCode);
  const code = rawCode ? normalizeCreditCode(rawCode) : null;
  const validCode = code && isValidCreditCode(code) ? code : null;
  const registeredOn = text(cells.registeredOn);
  const capital = cells.registeredCapital;
  const scope = text(cells.businessScope);
  const headcountText = text(cells.headcount);
  const province = place(text(cells.province) ?? undefined);
  const district = place(text(cells.district) ?? undefined);
  return {
    ok: true,
    invalidCreditCode: code !== null && validCode === null,
    company: {
      name,
      creditCode: validCode,
      registeredOn: registeredOn && /^\d{4}-\d{2}-\d{2}$/.test(registeredOn) ? registeredOn : null,
      companyType: text(cells.companyType),
      registeredCapital:
        capital && typeof capital === 'object' && 'amount' in capital ? (capital as Money) : parseRegisteredCapital(text(capital)),
      businessScope: scope,
      industry: text(cells.industry) ?? industryFromScope(scope),
      headcount: headcountText && /\d/.test(headcountText) ? Number(/\d+/.exec(headcountText.replace(/,/g, ''))![0]) : null,
      province,
      district,
      city: province && MUNICIPALITIES.has(province) ? province : district,
      region: province ? (REGION_OF.get(province) ?? null) : null,
      address: text(cells.address),
    },
  };
}
