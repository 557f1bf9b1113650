import { stringify } from 'csv-stringify/sync';
// exceljs (~1 s to load) is imported when a workbook is read or written, not at start.
import type { FastifyReply } from 'fastify';

export const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table to download: a sheet name and columns with headers already in the reader's language. */
export interface ExportTable {
  name: string;
  columns: { key: string; header: string }[];
  rows: Record<string, unknown>[];
}

/** Decimal strings (money, "12.50") become numbers in a spreadsheet so they can be summed; the text stays exact in CSV. */
const DECIMAL = /^-?\d{1,15}(\.\d+)?$/;

const cell = (value: unknown): string | number | boolean | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'string') return value;
  return JSON.stringify(value);
};

/** Sheet names: at most 31 characters, none of : \ / ? * [ ], unique in the workbook. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** CSV of one table (UTF-8 with BOM, so spreadsheet programs read Chinese headers right). */
export function tableCsv(table: ExportTable): Buffer {
  const rows = table.rows.map((r) => table.columns.map((c) => cell(r[c.key])));
  return Buffer.from(stringify([table.columns.map((c) => c.header), ...rows], { bom: true }), 'utf8');
}

/** A workbook with one sheet per table: bold header row, decimal strings as numbers. */
export async function tablesXlsx(tables: ExportTable[]): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const taken = new Set<string>();
  for (const table of tables) {
    const sheet = workbook.addWorksheet(sheetName(table.name, taken));
    sheet.columns = table.columns.map((c) => ({ header: c.header, key: c.key, width: Math.min(Math.max(c.header.length + 4, 12), 40) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      sheet.addRow(Object.fromEntries(table.columns.map((c) => {
        const v = cell(row[c.key]);
        return [c.key, typeof v === 'string' && DECIMAL.test(v) ? Number(v) : v];
      })));
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Sends tables as a download: CSV holds the first table, XLSX all of them. */
export async function sendTables(reply: FastifyReply, tables: ExportTable[], format: TableFormat, fileName: string) {
  const body = format === 'xlsx' ? await tablesXlsx(tables) : tableCsv(tables[0] ?? { name: '', columns: [], rows: [] });
  const safe = fileName.replace(/[^\w.-]+/g, '-');
  return reply
    .type(format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${safe}.${format}"; filename*=UTF-8''${encodeURIComponent(`${fileName}.${format}`)}`)
    .send(body);
}
