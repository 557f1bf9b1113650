import { randomBytes } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { runImportSlice } from '../../src/modules/imports/import-job.js';
import { imports } from '../../src/modules/imports/imports.schema.js';
import type { AppDb } from '../../src/platform/db/client.js';
import type { ApiClient } from '../test-app.js';

/** A multipart/form-data body with text fields and one file. */
export function multipart(fields: Record<string, string>, file?: { name: string; content: Buffer; type?: string }) {
  const boundary = `----l2c${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
    ));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export function upload(client: ApiClient, file: { name: string; content: Buffer }, fields: Record<string, string> = {}) {
  const { body, headers } = multipart({ object: 'leads', ...fields }, file);
  return client.post('/imports', body, headers);
}

export const csv = (rows: (string | number)[][], opts: { bom?: boolean; delimiter?: string } = {}) => {
  const d = opts.delimiter ?? ',';
  const quote = (v: string | number) => {
    const s = String(v);
    return s.includes(d) || s.includes('"') || s.includes('\n') ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const text = rows.map((r) => r.map(quote).join(d)).join('\r\n') + '\r\n';
  return Buffer.from((opts.bom ? '\ufeff' : '') + text, 'utf8');
};

let gbkTable: Map<string, number[]> | null = null;
/** Encodes text as GBK (what Excel on a Chinese Windows saves), from the decoder's own table. */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

export async function xlsx(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('展会名单');
  build(sheet, workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Runs every queued or running import to the end, as the job would (without dispatching events). */
export async function runImports(db: AppDb, opts: { batchRows?: number } = {}) {
  for (let round = 0; round < 1000; round++) {
    const due = await db.select({ tenantId: imports.tenantId, id: imports.id }).from(imports).where(inArray(imports.status, ['queued', 'running']));
    if (due.length === 0) return;
    for (const row of due) await runImportSlice(db, { tenantId: row.tenantId, importId: row.id }, opts);
  }
  throw new Error('imports did not finish');
}

export async function importRow(db: AppDb, id: string) {
  const [row] = await db.select().from(imports).where(and(eq(imports.id, id)));
  return row;
}

/** A valid unified social credit code from 17 characters. */
export { creditCodeCheckChar } from '../../src/modules/customers/credit-code.js';
