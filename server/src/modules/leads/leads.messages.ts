import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  leads: { 'en-US': 'leads', 'zh-CN': '线索' },
});

export const LEAD_MESSAGES = defineMessages({
  LEAD_CONVERTED: {
    'en-US': 'This lead was converted and is read-only; edit the account, contact or opportunity it became.',
    'zh-CN': '该线索已转化，只读；请编辑其转化后的客户、联系人或商机。',
  },
});
