import type { LabelledValue } from '../shared/labelled-options';

/** The sales motion that serves an account (M2L-6); key accounts are what coverage analytics watch (OPP-7). */
export const ACCOUNT_SEGMENTS: readonly LabelledValue[] = [
  { value: 'key', label: { 'zh-CN': '重点客户', 'en-US': 'Key account' } },
  { value: 'mid_market', label: { 'zh-CN': '中型客户', 'en-US': 'Mid-market' } },
  { value: 'smb', label: { 'zh-CN': '中小客户 / 渠道', 'en-US': 'SMB / channel' } },
];
