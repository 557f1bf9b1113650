import { createHash } from 'node:crypto';

/**
 * Bucket 0–99 of an id: the MD5 digest of its UTF-8 bytes read as one unsigned 128-bit
 * big-endian integer, modulo 100. Depends on the id alone, so a lead stays on its side of the
 * split whatever else is added, removed or reordered.
 */
export function idBucket(id: string): number {
  const hex = createHash('md5').update(id, 'utf8').digest('hex');
  return Number(BigInt(`0x${hex}`) % 100n);
}

/** Row indexes of the held-out part (bucket < percent) and the rest, in input order. */
export function holdoutSplit(ids: readonly string[], percent: number): { train: number[]; test: number[] } {
  const train: number[] = [];
  const test: number[] = [];
  ids.forEach((id, i) => (idBucket(id) < percent ? test : train).push(i));
  return { train, test };
}
