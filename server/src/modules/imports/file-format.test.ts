import { describe, expect, it } from 'vitest';
import { detectDelimiter, detectEncoding, sniffFormat } from './file-format.js';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('sniffFormat', () => {
  it.each([
    [bytes(0x50, 0x4b, 0x03, 0x04), 'leads.xlsx', { format: 'xlsx' }],
    [bytes(0x50, 0x4b, 0x03, 0x04), 'leads.csv', { error: 'IMPORT_UNSUPPORTED_FILE' }],
    [bytes(0xd0, 0xcf, 0x11, 0xe0), 'old.xls', { error: 'IMPORT_UNSUPPORTED_FILE' }],
    [new TextEncoder().encode('a,b\n1,2'), 'x.csv', { format: 'csv' }],
    [bytes(0xff, 0xfe, 0x61, 0x00), 'unicode.txt', { format: 'csv' }],
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x00, 0x00), 'image.png', { error: 'IMPORT_UNSUPPORTED_FILE' }],
    [bytes(), 'empty.csv', { error: 'IMPORT_EMPTY_FILE' }],
  ])('%#: %s', (head, name, expected) => expect(sniffFormat(head, name)).toEqual(expected));
});

describe('detectEncoding', () => {
  it.each([
    [bytes(0xef, 0xbb, 0xbf, 0x61), 'utf-8'],
    [new TextEncoder().encode('姓名,公司'), 'utf-8'],
    [bytes(0xd0, 0xd5, 0xc3, 0xfb), 'gb18030'],
    [bytes(0xff, 0xfe, 0x61, 0x00), 'utf-16le'],
    // A UTF-8 character cut at the end of the sample is still UTF-8.
    [new TextEncoder().encode('姓名').slice(0, 4), 'utf-8'],
  ])('%#', (sample, expected) => expect(detectEncoding(sample)).toBe(expected));
});

describe('detectDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n', ','],
    ['a;b;c\n1;2,5;3\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['name,"note; with; semicolons"\nx,"y; z"\n', ','],
    ['a|b\n1|2\n', '|'],
    ['single\nvalue\n', ','],
  ])('%j → %j', (text, expected) => expect(detectDelimiter(text)).toBe(expected));
});
