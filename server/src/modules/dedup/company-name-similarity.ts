import { type CompanyName } from './company-name';
import { placesCompatible } from './places-cn';
import { bigrams, diceBigrams, jaroWinkler, longestCommonSubsequence, tokenSetSimilarity } from './similarity';

export interface CompanyNameComparison {
  /** 0..1; 1 only for the same core name with nothing that tells them apart. */
  similarity: number;
  /** Same core name (星河智造 = 星河智造), whatever the legal form, place or industry words. */
  sameCore: boolean;
  /** Same core and nothing that says otherwise: no other place, branch, industry or legal-form family. */
  sameEntity: boolean;
  /** Short English explanation, e.g. `core "星河智造" = "星河智造"`. */
  detail: string;
}

const length = (s: string) => Array.from(s).length;

/** Small discounts that keep "nothing known" below "known and equal", so lookups rank the fuller match first. */
const ONE_SIDED = 0.97;
const PLACE_CONFLICT = 0.6;
const BRANCH_VS_PARENT = 0.9;
const OTHER_BRANCH = 0.85;
const OTHER_LEGAL_FAMILY = 0.9;
/** An abbreviation never counts as much as the name itself. */
const ABBREVIATION_CAP = 0.95;

/** Whether the shorter list of industry words is contained (in order, as characters) in the longer. */
function industryAgreement(a: readonly string[], b: readonly string[], script: CompanyName['script']): number {
  if (!a.length && !b.length) return 1;
  if (!a.length || !b.length) return ONE_SIDED;
  if (script === 'latin') return 0.75 + 0.25 * tokenSetSimilarity(a, b, true);
  const [x, y] = [a.join(''), b.join('')];
  return 0.75 + (0.25 * longestCommonSubsequence(x, y)) / Math.min(length(x), length(y));
}

/** Equal places agree; a city and its province, the country or a district only may. */
function placeAgreement(a: string | null, b: string | null): number {
  if (a === b) return 1;
  if (!a || !b) return ONE_SIDED;
  return placesCompatible(a, b) ? ONE_SIDED : PLACE_CONFLICT;
}

function branchAgreement(a: string | null, b: string | null): number {
  if (a === b) return 1;
  return !a || !b ? BRANCH_VS_PARENT : OTHER_BRANCH;
}

/** Core-name similarity within one script. CJK cores are 2–4 characters, where Jaro–Winkler is unreliable. */
function coreSimilarity(a: CompanyName, b: CompanyName): number {
  if (a.core === b.core) return 1;
  if (a.script === 'han') {
    const common = longestCommonSubsequence(a.core, b.core);
    return Math.max(diceBigrams(a.core, b.core), common / Math.max(length(a.core), length(b.core)));
  }
  const x = a.core.split(' ');
  const y = b.core.split(' ');
  return Math.max(
    tokenSetSimilarity(x, y),
    0.9 * tokenSetSimilarity(x, y, true),
    diceBigrams(a.pinyin, b.pinyin),
    // "grill on the alley" vs "grill": all words of one name, generic ones included, in the other.
    0.85 * tokenSetSimilarity([...x, ...a.industry], [...y, ...b.industry], true),
  );
}

/**
 * How well a Chinese short form (皖新传媒, 深振业, 蓝丰生化) abbreviates a longer name: the share of
 * the short form found in order in the longer one, raised when it covers more of the longer core
 * and when it keeps characters together (深中华 keeps 中华 of 中华自行车, not 中…华 of 中恒华发).
 * Latin names abbreviate by words, which `coreSimilarity` handles; letters in order mean little.
 */
function abbreviationSimilarity(a: CompanyName, b: CompanyName): number {
  const [short, long] = length(a.compact) <= length(b.compact) ? [a, b] : [b, a];
  if (!short.compact) return 0;
  const explained = longestCommonSubsequence(short.compact, long.compact) / length(short.compact);
  const covered = longestCommonSubsequence(short.compact, long.core) / length(long.core);
  const pairs = bigrams(short.compact);
  const longPairs = new Set(bigrams(long.compact));
  const contiguous = pairs.filter((p) => longPairs.has(p)).length / pairs.length;
  return ABBREVIATION_CAP * explained * (0.6 + 0.2 * covered + 0.2 * contiguous);
}

/** Chinese against Latin: the pinyin of the Chinese core against the Latin name (星河 ~ "Xinghe Tech"). */
function crossScriptSimilarity(a: CompanyName, b: CompanyName): number {
  const [han, latin] = a.script === 'han' ? [a, b] : [b, a];
  const latinCore = latin.core.replace(/ /g, '');
  if (!han.pinyin || !latinCore) return 0;
  if (han.pinyin === latinCore) return ABBREVIATION_CAP;
  return ABBREVIATION_CAP * jaroWinkler(han.pinyin, latinCore);
}

/** Compares two parsed company names; symmetric. */
export function compareCompanyNames(a: CompanyName, b: CompanyName): CompanyNameComparison {
  if (!a.core || !b.core) return { similarity: 0, sameCore: false, sameEntity: false, detail: 'no name' };
  if (a.script !== b.script) {
    const similarity = crossScriptSimilarity(a, b);
    return { similarity, sameCore: false, sameEntity: false, detail: `pinyin "${a.pinyin}" ~ "${b.pinyin}"` };
  }
  const sameCore = a.core === b.core;
  const legal = a.jurisdiction && b.jurisdiction && a.jurisdiction !== b.jurisdiction ? OTHER_LEGAL_FAMILY : 1;
  const factors = [
    industryAgreement(a.industry, b.industry, a.script),
    placeAgreement(a.location, b.location),
    branchAgreement(a.branch, b.branch),
    legal,
  ];
  const structured = factors.reduce((product, f) => product * f, coreSimilarity(a, b));
  // Places and industry words are inside the compact form an abbreviation is read from; the rest is not.
  const abbreviation = a.script === 'han' ? factors.slice(2).reduce((p, f) => p * f, abbreviationSimilarity(a, b)) : 0;
  const similarity = Math.max(structured, abbreviation);
  const sameEntity = sameCore && factors.every((f) => f >= ONE_SIDED);
  const relation = sameCore ? '=' : '~';
  return { similarity, sameCore, sameEntity, detail: `core "${a.core}" ${relation} "${b.core}"` };
}
