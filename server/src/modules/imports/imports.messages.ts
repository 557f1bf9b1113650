import { defineMessages, defineObjectNames } from '../../platform/i18n/messages.js';

defineObjectNames({
  imports: { 'en-US': 'imports', 'zh-CN': '导入' },
});

export const IMPORT_MESSAGES = defineMessages({
  IMPORT_FILE_REQUIRED: { 'en-US': 'Attach a CSV or XLSX file (field "file").', 'zh-CN': '请上传 CSV 或 XLSX 文件（字段 file）。' },
  IMPORT_FILE_TOO_LARGE: {
    'en-US': 'The file is larger than {limit} MB. Split it into smaller files.',
    'zh-CN': '文件超过 {limit} MB，请拆分为多个较小的文件。',
  },
  IMPORT_UPLOAD_FAILED: { 'en-US': 'The upload was interrupted. Upload the file again.', 'zh-CN': '上传中断，请重新上传文件。' },
  IMPORT_EMPTY_FILE: { 'en-US': 'The file is empty.', 'zh-CN': '文件为空。' },
  IMPORT_NO_HEADER: { 'en-US': 'No header row was found in the file.', 'zh-CN': '文件中没有找到表头行。' },
  IMPORT_UNSUPPORTED_FILE: {
    'en-US': 'Only CSV and XLSX files can be imported. Save an .xls file as .xlsx or CSV first.',
    'zh-CN': '仅支持导入 CSV 和 XLSX 文件。旧版 .xls 文件请先另存为 .xlsx 或 CSV。',
  },
  IMPORT_UNSUPPORTED_OBJECT: { 'en-US': 'Files cannot be imported into {object} yet.', 'zh-CN': '暂不支持向{object}导入文件。' },
  IMPORT_CSV_INVALID: {
    'en-US': 'The CSV file could not be read at row {row}: {reason}',
    'zh-CN': 'CSV 文件第 {row} 行无法读取：{reason}',
  },
  IMPORT_XLSX_INVALID: {
    'en-US': 'The Excel file could not be read (near row {row}): {reason}',
    'zh-CN': 'Excel 文件无法读取（约第 {row} 行）：{reason}',
  },
  IMPORT_INVALID_MAPPING_JSON: { 'en-US': 'The mapping is not valid JSON.', 'zh-CN': '字段映射不是有效的 JSON。' },
  IMPORT_UNKNOWN_COLUMN: { 'en-US': 'The file has no column "{column}".', 'zh-CN': '文件中没有“{column}”这一列。' },
  IMPORT_UNKNOWN_FIELD: { 'en-US': '"{field}" is not a field that can be imported.', 'zh-CN': '“{field}”不是可导入的字段。' },
  IMPORT_FIELD_MAPPED_TWICE: {
    'en-US': 'Only one column can be imported into "{field}".',
    'zh-CN': '只能有一列导入到“{field}”。',
  },
  IMPORT_REQUIRED_FIELD_UNMAPPED: {
    'en-US': 'Choose the column that holds "{field}": it is required.',
    'zh-CN': '请选择对应“{field}”的列：该字段为必填。',
  },
  IMPORT_NOT_STARTABLE: {
    'en-US': 'This import is "{status}" and cannot be started again.',
    'zh-CN': '该导入当前状态为“{status}”，不能再次开始。',
  },
  IMPORT_NOT_CANCELLABLE: {
    'en-US': 'This import is already "{status}".',
    'zh-CN': '该导入已经是“{status}”状态。',
  },
  IMPORT_USER_INACTIVE: {
    'en-US': 'The user who started the import was deactivated; the import stopped.',
    'zh-CN': '发起导入的用户已被停用，导入已停止。',
  },
  IMPORT_ABORTED: { 'en-US': 'The import stopped after repeated errors: {reason}', 'zh-CN': '导入多次出错后已停止：{reason}' },
  IMPORT_INVALID_NUMBER: { 'en-US': '"{value}" is not a whole number.', 'zh-CN': '“{value}”不是整数。' },
  IMPORT_INVALID_MONEY: {
    'en-US': '"{value}" is not an amount (e.g. 1000万, 5000000, 100万美元).',
    'zh-CN': '“{value}”不是有效金额（例如 1000万、5000000、100万美元）。',
  },
  IMPORT_DUPLICATE_NOT_EDITABLE: {
    'en-US': 'This row matches an existing lead you may not edit, so it cannot be merged.',
    'zh-CN': '该行与一条您无权编辑的已有线索重复，无法合并。',
  },
  IMPORT_REPORT_SUMMARY: {
    'en-US': 'Summary',
    'zh-CN': '汇总',
  },
  IMPORT_REPORT_REJECTED: { 'en-US': 'Rejected rows', 'zh-CN': '未导入的行' },
});
