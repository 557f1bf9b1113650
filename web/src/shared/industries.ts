import type { LabelledValue } from './labelled-options';

/**
 * Industries offered on accounts and leads. Stored as the Chinese name, the way registry (工商)
 * data and imported lists give it; English readers see the English label.
 */
export const INDUSTRIES: readonly LabelledValue[] = [
  ['制造业', 'Manufacturing'],
  ['软件', 'Software'],
  ['互联网', 'Internet'],
  ['金融', 'Finance'],
  ['零售', 'Retail'],
  ['医药', 'Pharmaceuticals & healthcare'],
  ['教育', 'Education'],
  ['能源', 'Energy'],
  ['物流', 'Logistics'],
  ['建筑', 'Construction'],
  ['房地产', 'Real estate'],
  ['电信', 'Telecommunications'],
  ['汽车', 'Automotive'],
  ['政府', 'Government & public sector'],
  ['商务服务', 'Business services'],
  ['其他', 'Other'],
].map(([zh, en]) => ({ value: zh, label: { 'zh-CN': zh, 'en-US': en } }));
