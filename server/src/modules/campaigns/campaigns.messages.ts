import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  campaigns: { 'en-US': 'campaigns', 'zh-CN': '市场活动' },
  campaign_costs: { 'en-US': 'campaign costs', 'zh-CN': '活动费用' },
  campaign_members: { 'en-US': 'campaign members', 'zh-CN': '活动成员' },
});

export const CAMPAIGN_MESSAGES = defineMessages({
  CAMPAIGN_END_BEFORE_START: {
    'en-US': 'The end date cannot be before the start date.',
    'zh-CN': '结束日期不能早于开始日期。',
  },
  CAMPAIGN_INITIAL_STATUS: {
    'en-US': 'A new campaign starts as planned or active.',
    'zh-CN': '新建的市场活动只能是“计划中”或“进行中”。',
  },
  CAMPAIGN_CURRENCY_MISMATCH: {
    'en-US': 'All amounts of a campaign use one currency ({currency}).',
    'zh-CN': '同一市场活动的所有金额须使用同一币种（{currency}）。',
  },
  AMOUNT_NOT_POSITIVE: { 'en-US': 'The amount must be greater than zero.', 'zh-CN': '金额必须大于零。' },
  MEMBER_PERSON_REQUIRED: {
    'en-US': 'Give either a lead or a contact, not both.',
    'zh-CN': '请指定一条线索或一位联系人（二者只能选一）。',
  },
  MEMBER_ILLEGAL_STATUS: {
    'en-US': 'A member moves forward only: from "{from}" it can go to {allowed}.',
    'zh-CN': '成员状态只能向前推进：当前为“{from}”，可变更为 {allowed}。',
  },
  FORM_NOT_FOUND: {
    'en-US': 'This form does not exist. Check the link you were given.',
    'zh-CN': '该表单不存在，请检查链接是否正确。',
  },
  FORM_CLOSED: {
    'en-US': 'This form is closed and no longer takes registrations.',
    'zh-CN': '该表单已关闭，不再接受报名。',
  },
  FORM_EMAIL_OR_PHONE: {
    'en-US': 'Enter an e-mail address or a phone number so we can reach you.',
    'zh-CN': '请填写邮箱或手机号，以便与您联系。',
  },
  FORM_NEEDS_EMAIL_OR_PHONE: {
    'en-US': 'The form must ask for an e-mail address or a phone number.',
    'zh-CN': '表单至少需要包含邮箱或电话字段。',
  },
  CONSENT_REQUIRED: {
    'en-US': 'Please agree to the terms to continue.',
    'zh-CN': '请先同意相关条款。',
  },
  FORM_THANK_YOU: {
    'en-US': 'Thank you! We have received your registration.',
    'zh-CN': '感谢您的报名，我们已收到您的信息！',
  },
});
