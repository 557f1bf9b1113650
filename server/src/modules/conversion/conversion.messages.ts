import { defineMessages } from '../../platform/i18n/messages.js';

export const CONVERSION_MESSAGES = defineMessages({
  ACCOUNT_MATCH_AMBIGUOUS: {
    'en-US': 'The company may already be one of {count} accounts: choose one, or create a new account anyway.',
    'zh-CN': '该公司可能已是 {count} 个现有客户之一：请选择一个，或确认仍新建客户。',
  },
  ACCOUNT_NOT_VISIBLE: {
    'en-US': 'The company already exists as the account “{name}” (owner: {owner}), which you cannot see. Ask its owner or your manager to convert this lead or share the account.',
    'zh-CN': '该公司已存在客户“{name}”（负责人：{owner}），您无权查看。请联系该客户负责人或您的经理转化此线索或共享该客户。',
  },
  CONVERT_COMPANY_REQUIRED: {
    'en-US': 'The lead has no company: fill in its company, or choose an existing account to convert into.',
    'zh-CN': '该线索没有公司名称：请先填写公司，或选择一个已有客户进行转化。',
  },
  CONTACT_NOT_ON_ACCOUNT: {
    'en-US': 'This contact belongs to another account.',
    'zh-CN': '该联系人属于其他客户。',
  },
});
