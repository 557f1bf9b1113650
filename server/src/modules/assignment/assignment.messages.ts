import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  assignment_rules: { 'en-US': 'assignment rules', 'zh-CN': '分配规则' },
});

export const ASSIGNMENT_MESSAGES = defineMessages({
  RULE_ORDER_MISMATCH: {
    'en-US': 'Send every rule exactly once to reorder them ({count} rules exist).',
    'zh-CN': '调整顺序时须完整列出每条规则且不重复（现有 {count} 条规则）。',
  },
  RANGE_INVALID: {
    'en-US': 'The lower bound must not exceed the upper bound.',
    'zh-CN': '下限不能大于上限。',
  },
  ABSENCE_INVALID: {
    'en-US': 'The absence must end after it starts.',
    'zh-CN': '缺勤结束时间必须晚于开始时间。',
  },
  LEAD_NOT_ROUTABLE: {
    'en-US': 'Only open leads can be routed (this lead is "{status}").',
    'zh-CN': '只能分配未关闭的线索（该线索当前状态为“{status}”）。',
  },
  // Texts the system writes into records (tasks, reasons), in the reader's language.
  SLA_REMINDER_SUBJECT: {
    'en-US': 'Respond to lead {lead} by {due}: accept or reject it',
    'zh-CN': '请在 {due} 前响应线索 {lead}：接受或退回',
  },
  SLA_ESCALATION_SUBJECT: {
    'en-US': 'First response overdue: lead {lead}, assigned to {rep} at {assigned}',
    'zh-CN': '首次响应超时：线索 {lead}，已于 {assigned} 分配给 {rep}',
  },
});
