import { createHash } from 'node:crypto';
import type { CellError, ImportField, MappedColumn } from './lead-fields.js';

/** A column of an uploaded file: its header, the key a mapping uses for it, and the field suggested. */
export interface ImportColumn {
  index: number;
  /** The header as written in the file ("" when blank). */
  header: string;
  /** Unique within the file: the header, or "<header> (2)" for a repeat, or "Column 3" when blank. */
  key: string;
}

/** column key → field key, or null for "do not import". */
export type ColumnMapping = Record<string, string | null>;

/** Columns the rejected-rows report adds; they never map to anything and do not change the signature. */
export const REPORT_COLUMNS = ['__row', '__errors'] as const;
export const REPORT_HEADERS: Record<(typeof REPORT_COLUMNS)[number], { 'en-US': string; 'zh-CN': string }> = {
  __row: { 'en-US': 'Original row', 'zh-CN': '原行号' },
  __errors: { 'en-US': 'Errors', 'zh-CN': '错误原因' },
};
const REPORT_HEADER_SET = new Set(Object.values(REPORT_HEADERS).flatMap((h) => [h['en-US'], h['zh-CN']].map(normalizeHeader)));

/**
 * A header reduced to what identifies it: full-width forms folded (NFKC), lower case, without
 * spaces, punctuation, required-markers (*) and bracketed remarks ("手机号码（必填）" → 手机号码).
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[([{【<《][^)\]}】>》]*[)\]}】>》]/g, '')
    .replace(/[\s*:：_.\-·、,，/\\|'"`]+/g, '')
    .trim();
}

export function columnsFromHeaders(headers: readonly string[]): ImportColumn[] {
  const seen = new Map<string, number>();
  return headers.map((raw, index) => {
    const header = raw.trim();
    const base = header || `Column ${index + 1}`;
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    return { index, header, key: count === 1 ? base : `${base} (${count})` };
  });
}

/** Identifies a header set whatever the column order: the mapping remembered for it applies again. */
export function headerSignature(columns: readonly ImportColumn[]): string {
  const names = [...new Set(columns.map((c) => normalizeHeader(c.header)).filter((h) => h && !REPORT_HEADER_SET.has(h)))].sort();
  return createHash('sha256').update(JSON.stringify(names)).digest('hex').slice(0, 32);
}

export const isReportHeader = (header: string) => REPORT_HEADER_SET.has(normalizeHeader(header));

/** How well a header names a field: 1 exact, 0.6–0.9 when it contains a synonym (longer is better), 0 none. */
function headerScore(header: string, field: ImportField): number {
  const h = normalizeHeader(header);
  if (!h) return 0;
  let best = 0;
  for (const synonym of field.synonyms) {
    const s = normalizeHeader(synonym);
    if (!s) continue;
    if (h === s) return 1;
    // One-character synonyms (姓, 名, 市, 省) only count as exact matches.
    if (Array.from(s).length >= 2 && h.includes(s)) best = Math.max(best, 0.6 + 0.3 * (s.length / h.length));
  }
  return best;
}

/**
 * Suggests a field for each column from its header. Each field goes to the column that names it
 * best; fields that take several columns (phone: mobile then landline) get every matching column.
 */
export function suggestMapping(columns: readonly ImportColumn[], fields: readonly ImportField[]): ColumnMapping {
  const mapping: ColumnMapping = Object.fromEntries(columns.map((c) => [c.key, null]));
  const candidates: { column: ImportColumn; field: ImportField; score: number }[] = [];
  for (const column of columns) {
    if (isReportHeader(column.header)) continue;
    for (const field of fields) {
      const score = headerScore(column.header, field);
      if (score > 0) candidates.push({ column, field, score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.column.index - b.column.index);
  const taken = new Set<string>();
  for (const { column, field } of candidates) {
    if (mapping[column.key] !== null) continue;
    if (taken.has(field.key) && !field.multiple) continue;
    mapping[column.key] = field.key;
    taken.add(field.key);
  }
  return mapping;
}

/** A remembered mapping (normalised header → field) applied to this file's columns. */
export function applyRemembered(columns: readonly ImportColumn[], remembered: Record<string, string | null>): ColumnMapping {
  const used = new Set<string>();
  return Object.fromEntries(columns.map((c) => {
    const field = remembered[normalizeHeader(c.header)] ?? null;
    const repeat = field !== null && used.has(`${normalizeHeader(c.header)}`);
    used.add(normalizeHeader(c.header));
    return [c.key, repeat ? null : field];
  }));
}

/** The mapping in the form kept for the tenant: normalised header → field. */
export function rememberable(columns: readonly ImportColumn[], mapping: ColumnMapping): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const column of columns) {
    const h = normalizeHeader(column.header);
    if (!h || isReportHeader(column.header) || h in out) continue;
    out[h] = mapping[column.key] ?? null;
  }
  return out;
}

/**
 * Checks a mapping against the file's columns and the object's fields; returns the mapped columns
 * or the problems (unknown column or field, a field mapped twice, the required name missing).
 */
export function resolveMapping(
  columns: readonly ImportColumn[],
  mapping: ColumnMapping,
  fields: readonly ImportField[],
): { columns: MappedColumn[]; errors: CellError[] } {
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const fieldByKey = new Map(fields.map((f) => [f.key, f]));
  const errors: CellError[] = [];
  const mapped: MappedColumn[] = [];
  const count = new Map<string, number>();
  for (const [key, field] of Object.entries(mapping)) {
    if (field === null || field === '') continue;
    const column = byKey.get(key);
    if (!column) {
      errors.push({ column: key, field: `mapping.${key}`, code: 'IMPORT_UNKNOWN_COLUMN', params: { column: key } });
      continue;
    }
    const def = fieldByKey.get(field);
    if (!def) {
      errors.push({ column: key, field: `mapping.${key}`, code: 'IMPORT_UNKNOWN_FIELD', params: { field } });
      continue;
    }
    count.set(field, (count.get(field) ?? 0) + 1);
    if (count.get(field)! > 1 && !def.multiple) {
      errors.push({ column: key, field: `mapping.${key}`, code: 'IMPORT_FIELD_MAPPED_TWICE', params: { field } });
      continue;
    }
    mapped.push({ index: column.index, header: column.key, field });
  }
  const has = (f: string) => mapped.some((m) => m.field === f);
  const required = fields.filter((f) => f.required && !has(f.key));
  for (const field of required) {
    // A name may also come from first and last name columns.
    if (field.key === 'name' && (has('firstName') || has('lastName'))) continue;
    errors.push({ column: null, field: 'mapping', code: 'IMPORT_REQUIRED_FIELD_UNMAPPED', params: { field: field.key } });
  }
  mapped.sort((a, b) => a.index - b.index);
  return { columns: mapped, errors };
}

/**
 * The header row among the first rows of a file (a title line often sits above it): the row that
 * names the most known fields, when one names at least two; otherwise the first row with two or
 * more filled cells; otherwise the first row.
 */
export function detectHeaderRow<R extends { rowNumber: number; cells: string[] }>(rows: readonly R[], fields: readonly ImportField[]): R | null {
  const filled = rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
  let best: { row: R; known: number } | null = null;
  for (const row of filled.slice(0, 10)) {
    const known = row.cells.filter((cell) => fields.some((f) => headerScore(cell, f) > 0)).length;
    if (known >= 2 && (!best || known > best.known)) best = { row, known };
  }
  if (best) return best.row;
  return filled.find((r) => r.cells.filter((c) => c.trim() !== '').length >= 2) ?? filled[0] ?? null;
}
