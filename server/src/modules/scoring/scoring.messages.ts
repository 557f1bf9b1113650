import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  scoring_rules: { 'en-US': 'scoring rules', 'zh-CN': '评分规则' },
});

export const SCORING_MESSAGES = defineMessages({
  SCORING_FIELD_UNKNOWN: {
    'en-US': 'Leads have no field {field} that rules can score.',
    'zh-CN': '线索没有可用于评分的字段 {field}。',
  },
  SCORING_OPERATOR_MISMATCH: {
    'en-US': 'The condition {operator} does not apply to {field}.',
    'zh-CN': '条件 {operator} 不适用于字段 {field}。',
  },
  SCORING_VALUE_NUMBER: { 'en-US': 'Enter a number.', 'zh-CN': '请输入数字。' },
  SCORING_VALUE_RANGE: {
    'en-US': 'Enter a range: two numbers, the smaller first.',
    'zh-CN': '请输入区间：两个数字，较小的在前。',
  },
  SCORING_VALUE_LIST: {
    'en-US': 'Enter between 1 and 200 values, none of them blank.',
    'zh-CN': '请输入 1 至 200 个值，且不能为空。',
  },
  SCORING_VALUE_TEXT: { 'en-US': 'Enter a value.', 'zh-CN': '请输入一个值。' },
  SCORING_VALUE_NONE: { 'en-US': 'This condition takes no value.', 'zh-CN': '该条件不需要填写值。' },
  SCORING_ENGAGEMENT_ONLY: {
    'en-US': 'Only engagement rules have a cap and a half-life.',
    'zh-CN': '只有互动规则才有上限和半衰期。',
  },
  SCORING_THRESHOLDS_ORDER: {
    'en-US': 'Grade thresholds must go down from A to C (A > B > C).',
    'zh-CN': '等级阈值须从 A 到 C 递减（A > B > C）。',
  },
  ENGAGEMENT_IN_FUTURE: {
    'en-US': 'An engagement cannot be dated in the future.',
    'zh-CN': '互动时间不能晚于当前时间。',
  },
});
