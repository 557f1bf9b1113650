import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  predictive_models: { 'en-US': 'predictive scoring models', 'zh-CN': '预测评分模型' },
});

export const PREDICTIVE_MESSAGES = defineMessages({
  PREDICTIVE_INSUFFICIENT_DATA: {
    'en-US':
      'Not enough history to learn from: {positives} converted and {negatives} not converted leads, '
      + 'at least {minPositives} of each are needed. Leads count once they convert (SQL or converted), '
      + 'are disqualified, or stay new or recycled for more than {staleDays} days.',
    'zh-CN':
      '可学习的历史数据不足：已转化线索 {positives} 条、未转化线索 {negatives} 条，两类各需至少 {minPositives} 条。'
      + '线索在转化（SQL 或已转化）、被判为无效，或处于新建/回收状态超过 {staleDays} 天后才计入。',
  },
  PREDICTIVE_TRAINING_FAILED: {
    'en-US': 'Training failed: {reason}',
    'zh-CN': '训练失败：{reason}',
  },
  PREDICTIVE_NO_MODEL: {
    'en-US': 'No predictive model is active yet. Train one from the tenant’s history first.',
    'zh-CN': '尚无生效的预测模型，请先用本租户的历史数据训练。',
  },
  PREDICTIVE_TRAINING: {
    'en-US': 'Training is under way.',
    'zh-CN': '正在训练中。',
  },
  PREDICTIVE_READY: {
    'en-US': 'Trained on {rows} leads ({positives} converted).',
    'zh-CN': '已用 {rows} 条线索训练（其中 {positives} 条转化）。',
  },
});
