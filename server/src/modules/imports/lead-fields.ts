import { fullFormats } from 'ajv-formats/dist/formats.js';
import type { Money } from '../../platform/normalize/money.js';
import { normalizePhone } from '../../platform/normalize/phone.js';
import { isValidCreditCode, normalizeCreditCode } from '../customers/credit-code.js';

/**
 * The lead fields a file column can feed, with the same rules as `POST /leads` (lengths, e-mail
 * and web-address formats, phone numbers, credit codes) plus the forgiving readings a spreadsheet
 * needs: "1000万" of capital, "500-999人" of headcount, "广东省" for 广东, "www.x.cn" for a site.
 */
export type FieldKind = 'text' | 'email' | 'phone' | 'creditCode' | 'integer' | 'money' | 'url' | 'province' | 'city' | 'industry';

export interface ImportField {
  /** The lead field, or a part of one (firstName + lastName make `name`). */
  key: string;
  kind: FieldKind;
  maxLength: number;
  required?: boolean;
  /** Several columns may feed it: the first valid value wins (phone, e-mail), or all are kept (description). */
  multiple?: 'first' | 'join';
  label: { 'en-US': string; 'zh-CN': string };
  /** Header names that mean this field, Chinese and English, before normalisation. */
  synonyms: string[];
}

export const LEAD_IMPORT_FIELDS: readonly ImportField[] = [
  {
    key: 'name', kind: 'text', maxLength: 100, required: true, label: { 'en-US': 'Name', 'zh-CN': '姓名' },
    synonyms: ['姓名', '名字', '联系人', '联系人姓名', '客户姓名', '姓名全称', '参会人', '参会人姓名', '嘉宾姓名', '访客姓名',
      'name', 'full name', 'fullname', 'contact', 'contact name', 'lead name', 'attendee', 'attendee name', 'visitor name'],
  },
  {
    key: 'lastName', kind: 'text', maxLength: 50, label: { 'en-US': 'Last name', 'zh-CN': '姓' },
    synonyms: ['姓', '姓氏', 'last name', 'lastname', 'surname', 'family name'],
  },
  {
    key: 'firstName', kind: 'text', maxLength: 50, label: { 'en-US': 'First name', 'zh-CN': '名' },
    synonyms: ['名', 'first name', 'firstname', 'given name'],
  },
  {
    key: 'company', kind: 'text', maxLength: 200, label: { 'en-US': 'Company', 'zh-CN': '公司' },
    synonyms: ['公司', '公司名称', '公司全称', '单位', '单位名称', '工作单位', '所在单位', '企业', '企业名称', '机构', '机构名称', '组织',
      'company', 'company name', 'organization', 'organisation', 'account', 'account name', 'employer', 'firm'],
  },
  {
    key: 'title', kind: 'text', maxLength: 100, label: { 'en-US': 'Job title', 'zh-CN': '职位' },
    synonyms: ['职位', '职务', '岗位', '头衔', '职称', 'title', 'job title', 'position', 'job', 'role', 'designation'],
  },
  {
    key: 'email', kind: 'email', maxLength: 254, multiple: 'first', label: { 'en-US': 'E-mail', 'zh-CN': '邮箱' },
    synonyms: ['邮箱', '电子邮箱', '电子邮件', '邮件', '邮箱地址', 'email', 'e-mail', 'mail', 'email address', 'e-mail address'],
  },
  {
    key: 'phone', kind: 'phone', maxLength: 40, multiple: 'first', label: { 'en-US': 'Phone', 'zh-CN': '电话' },
    synonyms: ['手机', '手机号', '手机号码', '移动电话', '电话', '联系电话', '电话号码', '联系方式', '座机', '办公电话', '固话',
      'phone', 'mobile', 'mobile phone', 'cell', 'cellphone', 'cell phone', 'telephone', 'tel', 'phone number', 'mobile number', 'work phone'],
  },
  {
    key: 'creditCode', kind: 'creditCode', maxLength: 30, label: { 'en-US': 'Unified social credit code', 'zh-CN': '统一社会信用代码' },
    synonyms: ['统一社会信用代码', '社会信用代码', '信用代码', '税号', '纳税人识别号', 'credit code', 'uscc', 'unified social credit code', 'tax id'],
  },
  {
    key: 'industry', kind: 'industry', maxLength: 100, label: { 'en-US': 'Industry', 'zh-CN': '行业' },
    synonyms: ['行业', '所属行业', '行业类别', '行业分类', 'industry', 'sector', 'vertical'],
  },
  {
    key: 'headcount', kind: 'integer', maxLength: 40, label: { 'en-US': 'Headcount', 'zh-CN': '员工人数' },
    synonyms: ['人数', '员工人数', '员工数', '公司规模', '企业规模', '规模', 'headcount', 'employees', 'number of employees', 'company size', 'employee count'],
  },
  {
    key: 'registeredCapital', kind: 'money', maxLength: 40, label: { 'en-US': 'Registered capital', 'zh-CN': '注册资本' },
    synonyms: ['注册资本', '注册资金', 'registered capital', 'capital'],
  },
  {
    key: 'province', kind: 'province', maxLength: 50, label: { 'en-US': 'Province', 'zh-CN': '省份' },
    synonyms: ['省份', '省', '所在省份', '省市', '省/直辖市', '省份/直辖市', 'province', 'state', 'state/province'],
  },
  {
    key: 'city', kind: 'city', maxLength: 50, label: { 'en-US': 'City', 'zh-CN': '城市' },
    synonyms: ['城市', '市', '所在城市', '所在地', 'city', 'town'],
  },
  {
    key: 'region', kind: 'text', maxLength: 50, label: { 'en-US': 'Region', 'zh-CN': '大区' },
    synonyms: ['大区', '区域', '销售区域', '地区', 'region', 'area', 'territory'],
  },
  {
    key: 'address', kind: 'text', maxLength: 300, label: { 'en-US': 'Address', 'zh-CN': '地址' },
    synonyms: ['地址', '详细地址', '公司地址', '通讯地址', '联系地址', '办公地址', 'address', 'street', 'street address', 'mailing address'],
  },
  {
    key: 'website', kind: 'url', maxLength: 300, label: { 'en-US': 'Website', 'zh-CN': '网站' },
    synonyms: ['网站', '网址', '公司网站', '公司网址', '官网', '主页', 'website', 'web', 'web site', 'url', 'homepage', 'site'],
  },
  {
    key: 'productInterest', kind: 'text', maxLength: 100, label: { 'en-US': 'Product interest', 'zh-CN': '意向产品' },
    synonyms: ['意向产品', '感兴趣产品', '感兴趣的产品', '关注产品', '产品兴趣', '意向', '兴趣', 'product interest', 'interested in', 'product', 'interest'],
  },
  {
    key: 'source', kind: 'text', maxLength: 100, label: { 'en-US': 'Source', 'zh-CN': '来源' },
    synonyms: ['来源', '线索来源', '渠道', '来源渠道', 'source', 'lead source', 'channel'],
  },
  {
    key: 'description', kind: 'text', maxLength: 5000, multiple: 'join', label: { 'en-US': 'Notes', 'zh-CN': '备注' },
    synonyms: ['备注', '说明', '描述', '留言', '需求', '需求描述', '备注信息', 'notes', 'note', 'comments', 'comment', 'remark', 'remarks', 'description', 'message'],
  },
];

export const LEAD_FIELD_KEYS = new Set(LEAD_IMPORT_FIELDS.map((f) => f.key));
const FIELDS_BY_KEY = new Map(LEAD_IMPORT_FIELDS.map((f) => [f.key, f]));
export const importField = (key: string) => FIELDS_BY_KEY.get(key);

/** One problem with one cell; `code` is a message code rendered in the reader's language. */
export interface CellError {
  /** The file's header of the column, or null for a row-level problem. */
  column: string | null;
  field: string;
  code: string;
  params?: Record<string, unknown>;
}

/** A column of the file and the field it feeds. */
export interface MappedColumn {
  index: number;
  header: string;
  field: string;
}

export type LeadImportInput = Record<string, unknown> & { name: string };

/**
 * Reads one row into a lead input with the API's rules. Any error rejects the whole row, and all
 * of the row's errors are reported at once so the person can fix them in one go.
 */
export function leadInputFromRow(cells: readonly string[], columns: readonly MappedColumn[]): { input: LeadImportInput | null; errors: CellError[] } {
  const input: Record<string, unknown> = {};
  const errors: CellError[] = [];
  const notes: string[] = [];
  for (const column of columns) {
    const field = FIELDS_BY_KEY.get(column.field);
    const raw = (cells[column.index] ?? '').trim();
    if (!field || raw === '') continue;
    if (field.multiple === 'join') {
      notes.push(columns.filter((c) => c.field === field.key).length > 1 ? `${column.header}: ${raw}` : raw);
      continue;
    }
    if (field.multiple === 'first' && input[field.key] !== undefined) continue;
    const read = readValue(field, raw);
    if ('error' in read) {
      // With a second column for the same field (mobile, then landline), a later valid value may still do.
      const fallback = field.multiple === 'first' && columns.some((c) => c.field === field.key && c.index > column.index && (cells[c.index] ?? '').trim());
      if (!fallback) errors.push({ column: column.header, field: field.key, code: read.error, params: read.params });
      continue;
    }
    input[field.key] = read.value;
  }
  if (notes.length > 0) {
    const description = notes.join('\n');
    if (description.length > 5000) errors.push({ column: null, field: 'description', code: 'FIELD_TOO_LONG', params: { limit: 5000 } });
    else input.description = description;
  }
  const first = input.firstName as string | undefined;
  const last = input.lastName as string | undefined;
  delete input.firstName;
  delete input.lastName;
  if (input.name === undefined && (first || last)) {
    const han = /\p{Script=Han}/u.test(`${last ?? ''}${first ?? ''}`);
    input.name = han ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ');
  }
  if (input.name === undefined && !errors.some((e) => e.field === 'name')) {
    errors.push({ column: columns.find((c) => c.field === 'name')?.header ?? null, field: 'name', code: 'FIELD_REQUIRED' });
  }
  return errors.length > 0 ? { input: null, errors } : { input: input as LeadImportInput, errors };
}

type Read = { value: unknown } | { error: string; params?: Record<string, unknown> };

function readValue(field: ImportField, raw: string): Read {
  if (raw.length > field.maxLength) return { error: 'FIELD_TOO_LONG', params: { limit: field.maxLength } };
  switch (field.kind) {
    case 'text':
      return { value: raw };
    case 'email': {
      const email = raw.normalize('NFKC').replace(/^mailto:/i, '').trim().toLowerCase();
      return matchesFormat('email', email) ? { value: email } : { error: 'FIELD_FORMAT_EMAIL' };
    }
    case 'phone': {
      const phone = normalizePhone(raw.normalize('NFKC'));
      return phone ? { value: phone } : { error: 'INVALID_PHONE', params: { phone: raw } };
    }
    case 'creditCode': {
      const code = normalizeCreditCode(raw.normalize('NFKC'));
      return isValidCreditCode(code) ? { value: code } : { error: 'INVALID_CREDIT_CODE' };
    }
    case 'integer': {
      const value = parseHeadcount(raw);
      return value === null ? { error: 'IMPORT_INVALID_NUMBER', params: { value: raw } } : { value };
    }
    case 'money': {
      const value = parseMoney(raw);
      return value === null ? { error: 'IMPORT_INVALID_MONEY', params: { value: raw } } : { value };
    }
    case 'url': {
      const url = /^[a-z][a-z0-9+.-]*:/i.test(raw) ? raw : `https://${raw}`;
      return url.length <= field.maxLength && matchesFormat('uri', url) ? { value: url } : { error: 'FIELD_FORMAT_URI' };
    }
    case 'province':
      return { value: provinceName(raw) };
    case 'city':
      return { value: cityName(raw) };
    case 'industry':
      return { value: industryName(raw) };
  }
}

/** The API validates with ajv-formats' full formats; the import uses the very same checks. */
function matchesFormat(name: 'email' | 'uri', value: string): boolean {
  const format = fullFormats[name];
  if (format instanceof RegExp) return format.test(value);
  if (typeof format === 'function') return (format as (s: string) => boolean)(value);
  return false;
}

const INT = String.raw`\d{1,3}(?:,\d{3})+|\d+`;
/** "1200", "1,200", "500人", "100-499人", "500~999", "1000人以上", "1000+" → the (lower) whole number. */
const HEADCOUNT = new RegExp(String.raw`^(${INT})\s*(?:人|名)?\s*(?:(?:-|~|～|—|至|到)\s*(?:${INT})\s*(?:人|名)?|以上|及以上|\+)?$`);

export function parseHeadcount(raw: string): number | null {
  const match = HEADCOUNT.exec(raw.normalize('NFKC').trim());
  if (!match) return null;
  const value = Number(match[1].replace(/,/g, ''));
  return Number.isSafeInteger(value) && value <= 2_147_483_647 ? value : null;
}

const CURRENCIES: [RegExp, string][] = [
  [/^(?:人民币|元|rmb|cny|￥|¥)$/i, 'CNY'],
  [/^(?:美元|美金|usd|\$|us\$)$/i, 'USD'],
  [/^(?:欧元|eur|€)$/i, 'EUR'],
  [/^(?:港元|港币|hkd|hk\$)$/i, 'HKD'],
  [/^(?:日元|jpy)$/i, 'JPY'],
  [/^(?:英镑|gbp|£)$/i, 'GBP'],
];

/** "1000万", "1000万元人民币", "5,000,000", "1.5亿", "100万美元", "USD 2,000,000.50" → Money (CNY unless named). */
export function parseMoney(raw: string): Money | null {
  let text = raw.normalize('NFKC').replace(/\s+/g, '');
  let currency = 'CNY';
  const take = (part: string) => {
    for (const [pattern, code] of CURRENCIES) {
      if (pattern.test(part)) {
        currency = code;
        return true;
      }
    }
    return false;
  };
  const prefix = /^([^\d.-]+)/.exec(text);
  if (prefix && take(prefix[1])) text = text.slice(prefix[1].length);
  const match = /^(-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(万|亿)?(.*)$/.exec(text);
  if (!match) return null;
  const rest = match[3].replace(/^元/, '');
  if (rest !== '' && !take(rest)) return null;
  const units = match[2] === '亿' ? 8 : match[2] === '万' ? 4 : 0;
  const amount = scaleDecimal(match[1].replace(/,/g, ''), units);
  return amount && /^-?\d{1,16}(\.\d{1,2})?$/.test(amount) ? { amount, currency } : null;
}

/** Multiplies a decimal string by 10^places without floating point; at most 2 decimals kept (rounded half up). */
function scaleDecimal(value: string, places: number): string | null {
  const negative = value.startsWith('-');
  const [int, frac = ''] = (negative ? value.slice(1) : value).split('.');
  const digits = `${int}${frac.padEnd(places, '0')}`;
  const point = int.length + places;
  const whole = digits.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  let decimals = digits.slice(point);
  if (decimals.length > 2) {
    const rounded = BigInt(`${whole}${decimals.slice(0, 2)}`) + (Number(decimals[2]) >= 5 ? 1n : 0n);
    const text = rounded.toString().padStart(3, '0');
    return `${negative ? '-' : ''}${text.slice(0, -2)}.${text.slice(-2)}`;
  }
  decimals = decimals.replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${decimals ? `.${decimals}` : ''}`;
}

/** Provincial-level divisions as the app stores them (short Chinese name), with English names. */
const PROVINCES: [string, string][] = [
  ['北京', 'beijing'], ['天津', 'tianjin'], ['河北', 'hebei'], ['山西', 'shanxi'], ['内蒙古', 'inner mongolia'],
  ['辽宁', 'liaoning'], ['吉林', 'jilin'], ['黑龙江', 'heilongjiang'], ['上海', 'shanghai'], ['江苏', 'jiangsu'],
  ['浙江', 'zhejiang'], ['安徽', 'anhui'], ['福建', 'fujian'], ['江西', 'jiangxi'], ['山东', 'shandong'],
  ['河南', 'henan'], ['湖北', 'hubei'], ['湖南', 'hunan'], ['广东', 'guangdong'], ['广西', 'guangxi'],
  ['海南', 'hainan'], ['重庆', 'chongqing'], ['四川', 'sichuan'], ['贵州', 'guizhou'], ['云南', 'yunnan'],
  ['西藏', 'tibet'], ['陕西', 'shaanxi'], ['甘肃', 'gansu'], ['青海', 'qinghai'], ['宁夏', 'ningxia'],
  ['新疆', 'xinjiang'], ['香港', 'hong kong'], ['澳门', 'macao'], ['台湾', 'taiwan'],
];
const PROVINCE_BY_NAME = new Map<string, string>(PROVINCES.flatMap(([zh, en]) => [[zh, zh], [en, zh]]));
PROVINCE_BY_NAME.set('macau', '澳门');
PROVINCE_BY_NAME.set('xizang', '西藏');

/** "广东省", "广西壮族自治区", "Guangdong Province", "北京市" → 广东, 广西, 广东, 北京; anything else as typed. */
export function provinceName(raw: string): string {
  const text = raw.normalize('NFKC').trim();
  const english = text.toLowerCase().replace(/\s+(province|municipality|sar|autonomous region)$/, '').trim();
  const known = PROVINCE_BY_NAME.get(english);
  if (known) return known;
  const short = text.replace(/(?:省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  return PROVINCE_BY_NAME.get(short) ?? text;
}

/** "深圳市" → 深圳 (the way the app and registry data store cities); English and other text as typed. */
export function cityName(raw: string): string {
  const text = raw.normalize('NFKC').trim();
  return /^\p{Script=Han}{2,}市$/u.test(text) ? text.slice(0, -1) : text;
}

/** The app's industry list is stored in Chinese; an English label from it is read as its Chinese name. */
const INDUSTRIES: Record<string, string> = {
  manufacturing: '制造业', software: '软件', internet: '互联网', finance: '金融', 'financial services': '金融',
  retail: '零售', pharmaceuticals: '医药', healthcare: '医药', 'pharmaceuticals & healthcare': '医药', education: '教育',
  energy: '能源', logistics: '物流', construction: '建筑', 'real estate': '房地产', telecommunications: '电信',
  telecom: '电信', automotive: '汽车', government: '政府', 'government & public sector': '政府',
  'business services': '商务服务', other: '其他',
};

export function industryName(raw: string): string {
  const text = raw.normalize('NFKC').trim();
  return INDUSTRIES[text.toLowerCase()] ?? text;
}
