import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
// exceljs (~1 s to load) is imported when a workbook is read or written, not at start.
import type { RequestContext } from '../../platform/access/context.js';
import type { Locale } from '../../platform/i18n/locale.js';
import { REPORT_HEADERS } from './header-mapping.js';
import { importColumns, importStore, rejectedRows, type ImportRecord, type RejectedRow } from './imports.service.js';

const PAGE = 1000;

const SUMMARY_LABELS: Record<string, Record<Locale, string>> = {
  sheetRejected: { 'en-US': 'Rejected rows', 'zh-CN': '未导入的行' },
  sheetSummary: { 'en-US': 'Summary', 'zh-CN': '汇总' },
  fileName: { 'en-US': 'File', 'zh-CN': '文件' },
  status: { 'en-US': 'Status', 'zh-CN': '状态' },
  rows: { 'en-US': 'Rows processed', 'zh-CN': '已处理行数' },
  total: { 'en-US': 'Rows in file', 'zh-CN': '文件总行数' },
  created: { 'en-US': 'New leads', 'zh-CN': '新建' },
  merged: { 'en-US': 'Merged into existing leads', 'zh-CN': '合并到已有线索' },
  skipped: { 'en-US': 'Skipped duplicates', 'zh-CN': '跳过的重复行' },
  rejected: { 'en-US': 'Rejected rows', 'zh-CN': '未导入的行' },
  duplicatePolicy: { 'en-US': 'Duplicates', 'zh-CN': '重复处理方式' },
  startedAt: { 'en-US': 'Started', 'zh-CN': '开始时间' },
  finishedAt: { 'en-US': 'Finished', 'zh-CN': '结束时间' },
};

/** Every rejected row, in row order, a page at a time. */
async function* allRejected(ctx: RequestContext, id: string): AsyncGenerator<RejectedRow> {
  let after: number | undefined;
  for (;;) {
    const page = await rejectedRows(ctx, id, { after, limit: PAGE });
    yield* page.rows;
    if (page.next === null) return;
    after = page.next;
  }
}

const reasons = (row: RejectedRow) => row.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join('; ');

/**
 * The rejected rows as the person uploaded them — the file's own columns first, so the report can
 * be fixed and uploaded again (the remembered mapping applies; the two added columns are ignored) —
 * then the original row number and the reasons, in the reader's language.
 */
async function reportHeader(ctx: RequestContext, id: string) {
  const columns = await importColumns(ctx, id);
  return {
    columns,
    header: [...columns.map((c) => c.header || c.key), REPORT_HEADERS.__row[ctx.locale], REPORT_HEADERS.__errors[ctx.locale]],
  };
}

export async function reportCsv(ctx: RequestContext, id: string): Promise<{ record: ImportRecord; stream: Readable }> {
  const record = await importStore.get(ctx, id);
  const { columns, header } = await reportHeader(ctx, id);
  const csv = stringify({ bom: true });
  (async () => {
    try {
      csv.write(header);
      for await (const row of allRejected(ctx, id)) {
        csv.write([...columns.map((c) => row.cells[c.index] ?? ''), String(row.rowNumber), reasons(row)]);
      }
      csv.end();
    } catch (err) {
      csv.destroy(err as Error);
    }
  })();
  return { record, stream: csv };
}

export async function reportXlsx(ctx: RequestContext, id: string): Promise<{ record: ImportRecord; stream: Readable }> {
  const record = await importStore.get(ctx, id);
  const { columns, header } = await reportHeader(ctx, id);
  const out = new PassThrough();
  const label = (key: string) => SUMMARY_LABELS[key][ctx.locale];
  (async () => {
    try {
      const { default: ExcelJS } = await import('exceljs');
      const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
      const rejected = workbook.addWorksheet(label('sheetRejected'));
      const head = rejected.addRow(header);
      head.font = { bold: true };
      head.commit();
      for await (const row of allRejected(ctx, id)) {
        rejected.addRow([...columns.map((c) => row.cells[c.index] ?? ''), row.rowNumber, reasons(row)]).commit();
      }
      rejected.commit();
      const summary = workbook.addWorksheet(label('sheetSummary'));
      const lines: [string, string | number | null][] = [
        [label('fileName'), record.fileName],
        [label('status'), record.status],
        [label('total'), record.progress.total],
        [label('rows'), record.progress.processed],
        [label('created'), record.counts.created],
        [label('merged'), record.counts.merged],
        [label('skipped'), record.counts.skipped],
        [label('rejected'), record.counts.rejected],
        [label('duplicatePolicy'), record.duplicatePolicy],
        [label('startedAt'), record.startedAt],
        [label('finishedAt'), record.finishedAt],
      ];
      for (const line of lines) summary.addRow(line).commit();
      summary.commit();
      await workbook.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return { record, stream: out };
}
