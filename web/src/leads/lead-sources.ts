import type { LabelledValue } from '../shared/labelled-options';

/** Lead sources offered in forms and rules; stored by code, any other value is shown as stored. */
export const LEAD_SOURCES: readonly LabelledValue[] = [
  ['trade_show', '展会', 'Trade show'],
  ['web_form', '官网表单', 'Website form'],
  ['webinar', '网络研讨会', 'Webinar'],
  ['seminar', '研讨会', 'Seminar'],
  ['content', '内容营销', 'Content'],
  ['sem', '搜索广告', 'Search ads'],
  ['email', '邮件营销', 'E-mail campaign'],
  ['referral', '客户转介绍', 'Referral'],
  ['partner', '合作伙伴', 'Partner'],
  ['cold_call', '电话开发', 'Cold call'],
  ['import', '名单导入', 'List import'],
  ['other', '其他', 'Other'],
].map(([value, zh, en]) => ({ value, label: { 'zh-CN': zh, 'en-US': en } }));

export const LEAD_GRADES = ['A', 'B', 'C', 'D'] as const;

/** Product lines a lead may be interested in (free text is allowed too). */
export const PRODUCT_LINES: readonly LabelledValue[] = [
  ['CRM', 'CRM', 'CRM'],
  ['ERP', 'ERP', 'ERP'],
  ['BI', 'BI 商业智能', 'BI'],
  ['HR', 'HR 人力资源', 'HR'],
  ['Cloud', '云服务', 'Cloud'],
].map(([value, zh, en]) => ({ value, label: { 'zh-CN': zh, 'en-US': en } }));
