const CODES: Readonly<Record<string, string>> = {
  b: '1', f: '1', p: '1', v: '1',
  c: '2', g: '2', j: '2', k: '2', q: '2', s: '2', x: '2', z: '2',
  d: '3', t: '3',
  l: '4',
  m: '5', n: '5',
  r: '6',
};

/**
 * American Soundex ("robert" and "rupert" → R163): a blocking key that survives most spelling
 * variants of a Latin name. Empty for text without Latin letters.
 */
export function soundex(word: string): string {
  const letters = word
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  if (!letters) return '';
  let code = letters[0].toUpperCase();
  let previous = CODES[letters[0]] ?? '';
  for (const ch of letters.slice(1)) {
    const digit = CODES[ch] ?? '';
    // h and w do not separate letters with the same code; vowels do.
    if (digit && digit !== previous) code += digit;
    if (ch !== 'h' && ch !== 'w') previous = digit;
    if (code.length === 4) break;
  }
  return code.padEnd(4, '0');
}
