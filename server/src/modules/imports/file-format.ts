/** What an uploaded file is, told from its first bytes (and its name as a hint). */
export type FileFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type Sniffed = { format: FileFormat } | { error: 'IMPORT_UNSUPPORTED_FILE' | 'IMPORT_EMPTY_FILE' };

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The old binary Excel format (.xls) and other OLE2 compound files. */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

export function sniffFormat(head: Uint8Array, fileName: string): Sniffed {
  if (head.length === 0) return { error: 'IMPORT_EMPTY_FILE' };
  if (startsWith(head, ZIP)) return /\.(xlsx|xlsm)$/i.test(fileName) || !/\.(csv|txt|tsv)$/i.test(fileName) ? { format: 'xlsx' } : { error: 'IMPORT_UNSUPPORTED_FILE' };
  if (startsWith(head, OLE2)) return { error: 'IMPORT_UNSUPPORTED_FILE' };
  // Text: anything without NUL bytes (UTF-16 has them, but then it starts with a BOM).
  const utf16 = (head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff);
  if (!utf16 && head.subarray(0, 4096).includes(0)) return { error: 'IMPORT_UNSUPPORTED_FILE' };
  return { format: 'csv' };
}

/**
 * The encoding of a text file: a byte-order mark decides; otherwise UTF-8 if the sample decodes
 * as UTF-8, else GB18030 (a superset of GBK/GB2312, what Excel on a Chinese Windows saves).
 */
export function detectEncoding(sample: Uint8Array): TextEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return 'utf-8';
  if (sample[0] === 0xff && sample[1] === 0xfe) return 'utf-16le';
  if (sample[0] === 0xfe && sample[1] === 0xff) return 'utf-16be';
  try {
    // `stream: true` tolerates a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

const DELIMITERS = [',', '\t', ';', '|'] as const;

/**
 * The field delimiter of a CSV sample: the candidate that splits the first lines into the same
 * (largest) number of fields most consistently. Quoted text is ignored. Defaults to a comma.
 */
export function detectDelimiter(text: string): string {
  const lines = splitLines(text).slice(0, 30).filter((l) => l.trim() !== '');
  if (lines.length === 0) return ',';
  let best: { delimiter: string; score: number } = { delimiter: ',', score: 0 };
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
    const frequency = new Map<number, number>();
    for (const c of counts) if (c > 0) frequency.set(c, (frequency.get(c) ?? 0) + 1);
    let score = 0;
    for (const [fields, lineCount] of frequency) score = Math.max(score, lineCount * 1000 + fields);
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

/** Lines of a sample, keeping quoted line breaks inside their field; the last (maybe cut) line is dropped when there are others. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if ((ch === '\n' || ch === '\r') && !quoted) {
      lines.push(text.slice(start, i));
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
    }
  }
  if (start < text.length && lines.length === 0) lines.push(text.slice(start));
  return lines;
}

function countOutsideQuotes(line: string, delimiter: string): number {
  let quoted = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === delimiter && !quoted) count++;
  }
  return count;
}
