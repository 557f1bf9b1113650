import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  nurture_programs: { 'en-US': 'nurture programs', 'zh-CN': '培育计划' },
  email_templates: { 'en-US': 'e-mail templates', 'zh-CN': '邮件模板' },
});

export const NURTURE_MESSAGES = defineMessages({
  NURTURE_TOO_MANY_STEPS: { 'en-US': 'A program has at most {limit} steps.', 'zh-CN': '一个培育计划最多 {limit} 个步骤。' },
  NURTURE_WAIT_RANGE: {
    'en-US': 'Give a duration of more than 0 hours and at most {limit} days.',
    'zh-CN': '时长须大于 0 小时且不超过 {limit} 天。',
  },
  NURTURE_BRANCH_TARGET: {
    'en-US': 'A branch jumps forward only: to a step from {from} to {to}.',
    'zh-CN': '分支只能向后跳转：目标须为第 {from} 至第 {to} 步。',
  },
  NURTURE_TEMPLATE_NOT_FOUND: { 'en-US': 'This e-mail template does not exist.', 'zh-CN': '该邮件模板不存在。' },
  NURTURE_UNKNOWN_VARIABLE: {
    'en-US': 'Unknown variable {{{name}}}. Available: {available}.',
    'zh-CN': '未知变量 {{{name}}}。可用变量：{available}。',
  },
  NURTURE_RULE_STATUS: {
    'en-US': 'Rules enrol only leads marketing still owns: new, mql or recycled.',
    'zh-CN': '规则只能纳入仍归市场部的线索：新建、MQL 或回收。',
  },
  NURTURE_PROGRAM_NOT_RUNNING: {
    'en-US': 'Leads can join only an active or paused program (this one is "{status}").',
    'zh-CN': '只能向进行中或已暂停的培育计划加入线索（当前状态：“{status}”）。',
  },
  NURTURE_ACTIVE_NEEDS_STEPS: {
    'en-US': 'Add at least one step before activating the program.',
    'zh-CN': '启用培育计划前请至少添加一个步骤。',
  },
  NURTURE_SMTP_NOT_CONFIGURED: {
    'en-US': 'Set up the SMTP server and sender address in the nurture settings first.',
    'zh-CN': '请先在培育设置中配置 SMTP 服务器和发件地址。',
  },
  NURTURE_PASSWORD_UNREADABLE: {
    'en-US': 'The stored SMTP password cannot be decrypted (the server key changed). Enter it again.',
    'zh-CN': '无法解密已保存的 SMTP 密码（服务器密钥已更换），请重新输入。',
  },
  NURTURE_ENROLLMENT_ENDED: { 'en-US': 'This enrolment has already ended.', 'zh-CN': '该培育记录已结束。' },

  // Texts of the e-mails and the public pages a recipient sees.
  NURTURE_FOOTER_UNSUBSCRIBE: {
    'en-US': 'Don’t want these e-mails? Unsubscribe',
    'zh-CN': '不想再收到此类邮件？退订',
  },
  NURTURE_PAGE_UNSUBSCRIBE_TITLE: { 'en-US': 'Unsubscribe', 'zh-CN': '退订邮件' },
  NURTURE_PAGE_UNSUBSCRIBE_QUESTION: {
    'en-US': 'Stop sending e-mails from {sender} to {email}?',
    'zh-CN': '确定不再向 {email} 发送来自 {sender} 的邮件吗？',
  },
  NURTURE_PAGE_UNSUBSCRIBE_BUTTON: { 'en-US': 'Unsubscribe', 'zh-CN': '确认退订' },
  NURTURE_PAGE_UNSUBSCRIBED: {
    'en-US': 'Done: {email} will not get these e-mails any more.',
    'zh-CN': '已退订：{email} 将不再收到此类邮件。',
  },
  NURTURE_PAGE_INVALID_LINK: {
    'en-US': 'This link is not valid any more.',
    'zh-CN': '该链接已失效。',
  },
  NURTURE_TEST_SUBJECT: { 'en-US': 'Lead2Cash test e-mail', 'zh-CN': 'Lead2Cash 测试邮件' },
  NURTURE_TEST_BODY: {
    'en-US': 'Your SMTP settings work: this e-mail went out through {host}.',
    'zh-CN': 'SMTP 设置可用：本邮件经由 {host} 发出。',
  },
});
