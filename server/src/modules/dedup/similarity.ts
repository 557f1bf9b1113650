/**
 * String similarity for short values (names, streets, cities). Everything works on code points,
 * so CJK text, which has no spaces, is compared character by character.
 */

const SURROGATE = /[\uD800-\uDFFF]/;
/** Code points, indexable; the string itself when it has no surrogate pairs (the common, fast case). */
const chars = (s: string): ArrayLike<string> & Iterable<string> => (SURROGATE.test(s) ? Array.from(s) : s);

/** Jaro–Winkler in [0, 1]; the prefix bonus suits names, where typos are rarer at the start. */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1): number {
  if (a === b) return a ? 1 : 0;
  const x = chars(a);
  const y = chars(b);
  if (!x.length || !y.length) return 0;
  const window = Math.max(0, Math.floor(Math.max(x.length, y.length) / 2) - 1);
  const usedY = new Array<boolean>(y.length).fill(false);
  const matchedX: string[] = [];
  for (let i = 0; i < x.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(y.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (!usedY[j] && x[i] === y[j]) {
        usedY[j] = true;
        matchedX.push(x[i]);
        break;
      }
    }
  }
  const m = matchedX.length;
  if (!m) return 0;
  const matchedY = Array.from(y).filter((_, j) => usedY[j]);
  let halfTranspositions = 0;
  for (let k = 0; k < m; k++) if (matchedX[k] !== matchedY[k]) halfTranspositions++;
  const jaro = (m / x.length + m / y.length + (m - halfTranspositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < x.length && prefix < y.length && x[prefix] === y[prefix]) prefix++;
  return jaro + prefix * prefixScale * (1 - jaro);
}

/** Adjacent character pairs; a one-character string is its own single "bigram". */
export function bigrams(s: string): string[] {
  const c = chars(s);
  if (c.length < 2) return Array.from(c);
  const out: string[] = [];
  for (let i = 0; i < c.length - 1; i++) out.push(c[i] + c[i + 1]);
  return out;
}

/** Sørensen–Dice over bigram multisets: robust to spacing and word order, works for CJK. */
export function diceBigrams(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const counts = new Map<string, number>();
  for (const g of x) counts.set(g, (counts.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of y) {
    const n = counts.get(g);
    if (n) {
      common++;
      counts.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** Jaccard over bigram sets. */
export function jaccardBigrams(a: string, b: string): number {
  const x = new Set(bigrams(a));
  const y = new Set(bigrams(b));
  if (!x.size || !y.size) return 0;
  let common = 0;
  for (const g of x) if (y.has(g)) common++;
  return common / (x.size + y.size - common);
}

/** Length of the longest common subsequence: how much of an abbreviation appears, in order. */
export function longestCommonSubsequence(a: string, b: string): number {
  const x = chars(a);
  const y = chars(b);
  if (!x.length || !y.length) return 0;
  let prev = new Uint16Array(y.length + 1);
  let row = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      row[j] = x[i - 1] === y[j - 1] ? prev[j - 1] + 1 : Math.max(prev[j], row[j - 1]);
    }
    [prev, row] = [row, prev];
  }
  return prev[y.length];
}

/** Edit distance with adjacent transpositions (optimal string alignment): typo-level changes in codes. */
export function editDistance(a: string, b: string): number {
  const x = chars(a);
  const y = chars(b);
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= y.length; j++) d[0][j] = j;
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[x.length][y.length];
}

/** Token similarity that also accepts abbreviations by prefix ("deli" ~ "delicatessen", "j" ~ "john"). */
export function tokenSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return 0.9;
  return jaroWinkler(a, b);
}

/**
 * Soft token-set similarity (symmetric Monge–Elkan): each token is paired with its best
 * counterpart, so word order does not matter ("hotel bel air" ~ "bel air hotel").
 * `containment` scores from the smaller set only, for "arts deli" inside "arts deli restaurant".
 */
export function tokenSetSimilarity(a: readonly string[], b: readonly string[], containment = false): number {
  if (!a.length || !b.length) return 0;
  const best = (from: readonly string[], to: readonly string[]) =>
    from.reduce((sum, t) => sum + Math.max(...to.map((u) => tokenSimilarity(t, u))), 0) / from.length;
  if (containment) {
    if (a.length === b.length) return Math.max(best(a, b), best(b, a));
    return a.length < b.length ? best(a, b) : best(b, a);
  }
  return (best(a, b) * a.length + best(b, a) * b.length) / (a.length + b.length);
}

/** Digit runs in order of appearance ("747 9th ave" → ["747", "9"]). */
export const numbersIn = (s: string): string[] => s.match(/\d+/g) ?? [];

/**
 * How well the numbers of two addresses agree, in [0, 1]: 1 when the shorter list is contained
 * in the longer one, lower when only the first (house) number agrees, 0 when none do.
 * Null when either side has no numbers (nothing to compare).
 */
export function numberAgreement(a: readonly string[], b: readonly string[]): number | null {
  if (!a.length || !b.length) return null;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const pool = [...long];
  let shared = 0;
  for (const n of short) {
    const i = pool.indexOf(n);
    if (i >= 0) {
      shared++;
      pool.splice(i, 1);
    }
  }
  if (shared === short.length) return 1;
  if (a[0] === b[0]) return 0.7;
  return shared ? 0.4 : 0;
}
