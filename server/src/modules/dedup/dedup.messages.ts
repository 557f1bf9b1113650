import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  merges: { 'en-US': 'merges', 'zh-CN': '合并' },
});

export const DEDUP_MESSAGES = defineMessages({
  MERGE_SURVIVOR_IN_MERGED: {
    'en-US': 'The record that survives cannot also be merged away.',
    'zh-CN': '保留的记录不能同时作为被合并的记录。',
  },
  MERGE_DUPLICATE_ID: {
    'en-US': 'List each record to merge only once.',
    'zh-CN': '每条被合并的记录只能列出一次。',
  },
  MERGE_FIELD_UNKNOWN: {
    'en-US': 'The field {field} cannot be chosen in a merge.',
    'zh-CN': '合并时不能选择字段 {field}。',
  },
  MERGE_SOURCE_UNKNOWN: {
    'en-US': 'Take the value of {field} from the surviving record or from one of the merged records.',
    'zh-CN': '字段 {field} 的取值只能来自保留的记录或被合并的记录。',
  },
  MERGE_ACROSS_OBJECTS: {
    'en-US': 'Only records of one kind can be merged: {id} is not one of the {object}.',
    'zh-CN': '只能合并同一类记录：{id} 不属于{object}。',
  },
  MERGE_CONVERTED_LEAD: {
    'en-US': 'A converted lead cannot be merged into an open one: keep the converted lead as the surviving record.',
    'zh-CN': '已转化的线索不能合并到未转化的线索中：请将已转化的线索作为保留记录。',
  },
  MERGE_TWO_CONVERTED: {
    'en-US': 'Two converted leads cannot be merged: each already became its own customer records.',
    'zh-CN': '两条已转化的线索不能合并：它们已各自转化为客户记录。',
  },
  MERGE_CONVERTED_READ_ONLY: {
    'en-US': 'The surviving lead was converted and is read-only: it can take in duplicates, but not their values ({fields}).',
    'zh-CN': '保留的线索已转化，只读：可以并入重复线索，但不能采用它们的字段值（{fields}）。',
  },
  MERGE_STAKEHOLDER_CONFLICT: {
    'en-US': 'Both contacts are on the battle map of the same opportunity ({count}); combine them there before merging.',
    'zh-CN': '两位联系人同时出现在同一商机的作战地图中（{count} 个）；请先在作战地图中合并后再合并联系人。',
  },
});
