import { creditCodeCheckChar } from '../server/src/modules/customers/credit-code.js';
import type { Random } from './random.js';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀英', '建国', '志强', '海燕', '晓东'];
const FIRST_EN = ['James', 'Mary', 'John', 'Linda', 'David', 'Susan', 'Michael', 'Karen', 'Emily', 'Daniel', 'Sophie', 'Lucas'];
const LAST_EN = ['Smith', 'Johnson', 'Brown', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark', 'Walker', 'Young', 'King', 'Wright'];
export const CITIES = [
  ['北京', '北京', '华北大区'], ['天津', '天津', '华北大区'], ['河北', '石家庄', '华北大区'], ['上海', '上海', '华东大区'],
  ['江苏', '苏州', '华东大区'], ['江苏', '南京', '华东大区'], ['浙江', '杭州', '华东大区'], ['广东', '深圳', '华南大区'],
  ['广东', '广州', '华南大区'], ['福建', '厦门', '华南大区'], ['四川', '成都', '西南大区'], ['湖北', '武汉', '华中大区'],
] as const;
const CORE = ['星河', '云帆', '华辰', '博远', '金陵', '汇通', '鼎信', '瑞丰', '天元', '精工', '新锐', '远景', '恒达', '启明', '中科', '万邦', '蓝海', '盛世'];
const CORE2 = ['智造', '数联', '信息', '物流', '医药', '能源', '教育', '环保', '材料', '机械', '电子', '软件', '零售', '金融'];
export const INDUSTRIES = ['制造业', '互联网', '金融', '医药', '教育', '物流', '能源', '零售', '软件', '建筑'];
const FORMS = ['有限公司', '科技有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];
const EN_CORE = ['Lumen', 'Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Adventure', 'Blue Yonder', 'Litware'];
export const TITLES = ['首席信息官 CIO', '财务总监 CFO', 'IT 经理', '采购经理', '总经理', '运营总监', '工程师', 'VP Sales', 'Director of IT', 'Analyst'];
export const SOURCES = ['trade_show', 'webinar', 'website', 'sem', 'seo', 'referral', 'email', 'partner'];
export const PRODUCT_LINES = ['CRM 标准版', 'CRM 企业版', '营销云', '服务云', '数据平台'];

export const personName = (r: Random) =>
  r.chance(0.85) ? r.pick(SURNAMES) + r.pick(GIVEN) : `${r.pick(FIRST_EN)} ${r.pick(LAST_EN)}`;

export interface Company {
  name: string;
  province: string;
  city: string;
  region: string;
  industry: string;
  creditCode: string;
}

export function company(r: Random, serial: number): Company {
  const [province, city, region] = r.pick(CITIES);
  const english = r.chance(0.08);
  const name = english
    ? `${r.pick(EN_CORE)} ${r.pick(['Analytics', 'Systems', 'Trading', 'Logistics'])} (${city === '上海' ? 'Shanghai' : 'China'}) Co., Ltd. ${serial}`
    : `${city}${r.pick(CORE)}${r.pick(CORE2)}${serial}${r.pick(FORMS)}`;
  // "91" (enterprise) + a 6-digit area code + a 9-digit serial: unique per serial, valid check character.
  const first17 = `91${r.int(110000, 659999)}${String(serial).padStart(9, '0')}`;
  return { name, province, city, region, industry: r.pick(INDUSTRIES), creditCode: first17 + creditCodeCheckChar(first17)! };
}

export const mobile = (r: Random) => `+861${r.pick(['3', '5', '8'])}${String(r.int(100000000, 999999999))}`;

/** A variant of a company name as people type it: the location moved into brackets, the legal form dropped. */
export function nameVariant(r: Random, name: string, city: string): string {
  const core = name.startsWith(city) ? name.slice(city.length) : name;
  return r.chance(0.5) ? `${core.replace(/(有限公司|有限责任公司|股份有限公司)$/, '')}（${city}）有限公司` : core.replace(/(有限公司|有限责任公司)$/, '');
}
