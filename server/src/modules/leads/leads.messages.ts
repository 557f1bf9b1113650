import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  leads: { 'en-US': 'leads', 'zh-CN': '线索' },
});

export const LEAD_MESSAGES = defineMessages({
  LEAD_CONVERTED: {
    'en-US': 'This lead was converted and is read-only; edit the account, contact or opportunity it became.',
    'zh-CN': '该线索已转化，只读；请编辑其转化后的客户、联系人或商机。',
  },
  LEAD_NOT_QUALIFIED: {
    'en-US': 'Only a qualified lead (accepted or SQL) can be converted; this one is {status}.',
    'zh-CN': '只有已接受或销售认可（SQL）的线索可以转化；该线索当前状态为 {status}。',
  },
});
