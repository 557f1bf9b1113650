import {
  compareCompanyNames,
  type CompanyName,
  parseCompanyName,
  preparedBlockingKeys,
  prepareParty,
} from '../server/src/modules/dedup';
import { readCsv } from './datasets';

export interface CnNameVariantsResult {
  companies: number;
  top1Accuracy: number;
  /** Share of short names that share at least one blocking key with their full name. */
  blockingRecall: number;
  /** A few misses, for reading. */
  examples: string[];
}

const chars = (s: string) => new Set(Array.from(s));

/**
 * Full names sharing enough characters with the query to be worth scoring: at least half of the
 * query's characters (one for a one- or two-character query). An inverted index over characters,
 * as a trigram index would do in the database.
 */
function candidatesOf(query: CompanyName, index: ReadonlyMap<string, number[]>): number[] {
  const shared = new Map<number, number>();
  const queryChars = chars(query.compact);
  for (const c of queryChars) for (const i of index.get(c) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  const needed = Math.max(1, Math.floor(queryChars.size / 2));
  return [...shared].filter(([, n]) => n >= needed).map(([i]) => i);
}

/** Each stock short name (万科Ａ, *ST国华, 皖新传媒) looked up among all full legal names; top-1 accuracy. */
export function evaluateCnNameVariants(): CnNameVariantsResult {
  const rows = readCsv('cn_listed_companies', 'stock_basic.csv');
  const full = rows.map((r) => parseCompanyName(r['公司全称']));
  const index = new Map<string, number[]>();
  full.forEach((name, i) => {
    for (const c of chars(name.compact)) index.set(c, [...(index.get(c) ?? []), i]);
  });

  let correct = 0;
  let blocked = 0;
  const examples: string[] = [];
  rows.forEach((row, i) => {
    const query = parseCompanyName(row['股票名称']);
    let best = -1;
    let bestScore = -1;
    for (const j of candidatesOf(query, index)) {
      const score = compareCompanyNames(query, full[j]).similarity;
      if (score > bestScore) [best, bestScore] = [j, score];
    }
    if (best === i) correct++;
    else if (examples.length < 10) examples.push(`${row['股票名称']} → ${rows[best]?.['公司全称'] ?? '—'} (want ${row['公司全称']})`);

    const shortKeys = preparedBlockingKeys(prepareParty({ kind: 'account', name: row['股票名称'] }));
    const fullKeys = new Set(preparedBlockingKeys(prepareParty({ kind: 'account', name: row['公司全称'] })));
    if (shortKeys.some((k) => fullKeys.has(k))) blocked++;
  });
  return { companies: rows.length, top1Accuracy: correct / rows.length, blockingRecall: blocked / rows.length, examples };
}
