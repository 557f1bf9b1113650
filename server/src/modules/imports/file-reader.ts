import { pipeline, Transform, type Readable } from 'node:stream';
import { parse } from 'csv-parse';
// exceljs (~1 s to load) is imported when a workbook is read or written, not at start.
import type { FileFormat, TextEncoding } from './file-format.js';

/** One row of the file as the person sees it in Excel: its row number and its cells as text. */
export interface SourceRow {
  rowNumber: number;
  cells: string[];
}

export interface FileShape {
  format: FileFormat;
  encoding: TextEncoding | null;
  delimiter: string | null;
}

/** A file the reader could not parse; `code` is a message code for the import's failure. */
export class FileReadError extends Error {
  constructor(readonly code: string, readonly params: Record<string, unknown> = {}) {
    super(code);
  }
}

/**
 * Streams the rows of a CSV or XLSX file (the first worksheet) without holding the file in
 * memory. `open` gives the file's bytes from the start; it is called once per read.
 */
export async function* readRows(open: () => Readable, shape: FileShape): AsyncGenerator<SourceRow> {
  if (shape.format === 'xlsx') yield* xlsxRows(open());
  else yield* csvRows(open(), shape.encoding ?? 'utf-8', shape.delimiter ?? ',');
}

/** The rows after the header that have any content, numbered 1, 2, … (the import's progress and checkpoint). */
export async function* dataRows(rows: AsyncIterable<SourceRow>, headerRow: number): AsyncGenerator<SourceRow & { ordinal: number }> {
  let ordinal = 0;
  for await (const row of rows) {
    if (row.rowNumber <= headerRow || isBlank(row.cells)) continue;
    ordinal++;
    yield { ...row, ordinal };
  }
}

export const isBlank = (cells: readonly string[]) => cells.every((c) => c.trim() === '');

async function* csvRows(source: Readable, encoding: TextEncoding, delimiter: string): AsyncGenerator<SourceRow> {
  // TextDecoder drops a byte-order mark and keeps a character split across chunks whole.
  const decoder = new TextDecoder(encoding);
  const decode = new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, decoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, decoder.decode());
    },
  });
  const parser = parse({
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: false,
    bom: false,
  });
  pipeline(source, decode, parser, () => {});
  let rowNumber = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      rowNumber++;
      yield { rowNumber, cells: record };
    }
  } catch (err) {
    throw new FileReadError('IMPORT_CSV_INVALID', { row: rowNumber + 1, reason: (err as Error).message });
  } finally {
    source.destroy();
  }
}

async function* xlsxRows(source: Readable): AsyncGenerator<SourceRow> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let last = 0;
  try {
    for await (const sheet of workbook) {
      for await (const row of sheet) {
        last = row.number;
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let c = 1; c < values.length; c++) cells.push(cellText(values[c]));
        yield { rowNumber: row.number, cells };
      }
      // The first worksheet only: a workbook's other sheets are usually notes or lookups.
      return;
    }
  } catch (err) {
    if (err instanceof FileReadError) throw err;
    throw new FileReadError('IMPORT_XLSX_INVALID', { row: last + 1, reason: (err as Error).message });
  } finally {
    source.destroy();
  }
}

/** A cell's value as the text a person sees: rich text joined, formulas by their result, links by their text. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return (v.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('result' in v) return cellText(v.result);
    if ('text' in v) return cellText(v.text);
    if ('error' in v) return '';
  }
  return String(value);
}
