/**
 * Candidate pairs by shared blocking key, as the database would find them with an index.
 * With one list, pairs within it; with two, pairs across them. Returns [i, j] index pairs.
 */
export function candidatePairs(keysA: readonly string[][], keysB?: readonly string[][]): Array<[number, number]> {
  const index = new Map<string, number[]>();
  (keysB ?? keysA).forEach((keys, j) => {
    for (const k of keys) {
      const list = index.get(k);
      if (list) list.push(j);
      else index.set(k, [j]);
    }
  });
  const pairs: Array<[number, number]> = [];
  keysA.forEach((keys, i) => {
    const seen = new Set<number>();
    for (const k of keys) {
      for (const j of index.get(k) ?? []) {
        if ((keysB || j > i) && !seen.has(j)) {
          seen.add(j);
          pairs.push([i, j]);
        }
      }
    }
  });
  return pairs;
}
