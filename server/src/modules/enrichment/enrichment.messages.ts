import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  registry_companies: { 'en-US': 'the company registry', 'zh-CN': '工商登记库' },
});

export const ENRICHMENT_MESSAGES = defineMessages({
  REGISTRY_NAME_REQUIRED: {
    'en-US': 'The company name (企业名称) is missing.',
    'zh-CN': '缺少企业名称。',
  },
  REGISTRY_NO_NAME_COLUMN: {
    'en-US': 'The file has no company name column (企业名称). Columns found: {columns}.',
    'zh-CN': '文件中没有企业名称列。已找到的列：{columns}。',
  },
  REGISTRY_FILE_REQUIRED: {
    'en-US': 'Attach the registry file (CSV) as "file", or send JSON rows.',
    'zh-CN': '请以 file 字段上传工商数据文件（CSV），或以 JSON 提交数据行。',
  },
  REGISTRY_FILE_TOO_LARGE: {
    'en-US': 'The file is larger than {limit} MB. Split it and load the parts one after another.',
    'zh-CN': '文件超过 {limit} MB，请拆分后依次上传。',
  },
  REGISTRY_TOO_MANY_ROWS: {
    'en-US': 'At most {limit} rows per load. Split the file and load the parts one after another.',
    'zh-CN': '每次最多导入 {limit} 行，请拆分文件后依次上传。',
  },
  REGISTRY_FILE_UNREADABLE: {
    'en-US': 'The file could not be read as CSV: {reason}',
    'zh-CN': '无法按 CSV 读取该文件：{reason}',
  },
  ENRICHMENT_NO_COMPANY: {
    'en-US': 'This record has neither a credit code nor a company name to look up.',
    'zh-CN': '该记录既没有统一社会信用代码，也没有可查询的公司名称。',
  },
});
