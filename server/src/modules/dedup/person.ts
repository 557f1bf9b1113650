import { pinyin } from 'pinyin-pro';
import { jaroWinkler } from './similarity';

/** A person's name taken apart for matching. Parts are lower-case, without accents. */
export interface PersonName {
  display: string;
  script: 'han' | 'latin';
  given: string;
  family: string;
  /** Latin spelling of the name: as written, or the pinyin of a Chinese name (张伟 → zhang, wei). */
  latinFamily: string;
  latinGiven: string;
}

export interface PersonNameInput {
  name?: string | null;
  givenName?: string | null;
  familyName?: string | null;
}

export interface PersonNameComparison {
  /** Given-name similarity, null when either side lacks one. */
  given: number | null;
  family: number | null;
  /** The best alignment had given and family names the other way round. */
  swapped: boolean;
  /** Overall 0..1 over the parts both sides have. */
  similarity: number;
}

const HAN = /\p{Script=Han}/u;
const COMPOUND_SURNAMES = new Set(
  '欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 令狐 端木 西门 南宫 独孤 轩辕 澹台 万俟 闻人 呼延'.split(' '),
);
/** Forms of address CRM users type instead of a given name: 张总, 王经理, 李女士. */
const HAN_TITLES = /(先生|女士|小姐|总经理|董事长|经理|总监|主任|老师|博士|教授|总|工)$/u;
const LATIN_AFFIXES = new Set('mr mrs ms miss mx dr prof sir madam jr sr ii iii iv phd md esq'.split(' '));

const plainLatin = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const latinTokens = (s: string) =>
  plainLatin(s)
    .split(/[^a-z0-9]+/)
    .filter((t) => t && !LATIN_AFFIXES.has(t));

const toPinyin = (s: string) => (s ? pinyin(s, { toneType: 'none', type: 'array', surname: 'head' }).join('') : '');

function parseHan(text: string): PersonName {
  const name = text.replace(/[\s·•.]/g, '');
  const bare = name.length > 2 ? name.replace(HAN_TITLES, '') : name.replace(/(先生|女士|小姐|总|工)$/u, '');
  const familyLength = COMPOUND_SURNAMES.has(bare.slice(0, 2)) && bare.length > 2 ? 2 : 1;
  const family = bare.slice(0, familyLength);
  const given = bare.slice(familyLength);
  return { display: text, script: 'han', family, given, latinFamily: toPinyin(family), latinGiven: toPinyin(given) };
}

/** "Smith, John" is family-first; otherwise the last word is the family name ("John A. Smith"). */
function parseLatin(text: string): PersonName {
  const [before, after] = text.split(',', 2);
  const familyFirst = after !== undefined && latinTokens(after).length > 0;
  const tokens = familyFirst ? [...latinTokens(after), ...latinTokens(before)] : latinTokens(text);
  const family = tokens.length > 1 ? tokens[tokens.length - 1] : (tokens[0] ?? '');
  const given = tokens.length > 1 ? tokens[0] : '';
  return { display: text, script: 'latin', family, given, latinFamily: family, latinGiven: given };
}

/** Parses a full name, or given and family names kept apart; null when there is no name at all. */
export function parsePersonName(input: PersonNameInput): PersonName | null {
  const given = input.givenName?.normalize('NFKC').trim() ?? '';
  const family = input.familyName?.normalize('NFKC').trim() ?? '';
  if (given || family) {
    const display = [given, family].filter(Boolean).join(' ');
    if (HAN.test(display)) {
      const [g, f] = [given.replace(/\s/g, ''), family.replace(/\s/g, '')];
      return { display: f + g, script: 'han', given: g, family: f, latinFamily: toPinyin(f), latinGiven: toPinyin(g) };
    }
    const [g, f] = [latinTokens(given).join(''), latinTokens(family).join('')];
    return { display, script: 'latin', given: g, family: f, latinFamily: f, latinGiven: g };
  }
  const text = input.name?.normalize('NFKC').replace(/\s+/g, ' ').trim() ?? '';
  if (!text) return null;
  return HAN.test(text) ? parseHan(text) : parseLatin(text);
}

const LATIN_INITIAL = /^[a-z]$/;

/** A name part against another, or a Latin initial against a full spelling ("j" ~ "john"). */
function partSimilarity(a: string, b: string): number | null {
  if (!a || !b) return null;
  if (a === b) return 1;
  if ((LATIN_INITIAL.test(a) || LATIN_INITIAL.test(b)) && a[0] === b[0]) return 0.85;
  return jaroWinkler(a, b);
}

type Part = 'given' | 'family';
const LATIN: Record<Part, 'latinGiven' | 'latinFamily'> = { given: 'latinGiven', family: 'latinFamily' };
/** A homophone typed with the wrong character (张伟/张玮) is likely the same name, but not certainly. */
const HOMOPHONE = 0.9;
const SWAP_DOUBT = 0.97;

function align(a: PersonName, b: PersonName, swapped: boolean): PersonNameComparison {
  const compare = (partA: Part, partB: Part) => {
    const latin = partSimilarity(a[LATIN[partA]], b[LATIN[partB]]);
    if (a.script !== b.script) return latin;
    const exact = partSimilarity(a[partA], b[partB]);
    return a.script === 'han' && exact !== null && latin !== null ? Math.max(exact, HOMOPHONE * latin) : exact;
  };
  const given = compare('given', swapped ? 'family' : 'given');
  const family = compare('family', swapped ? 'given' : 'family');
  const parts = [given, family].filter((s): s is number => s !== null);
  const similarity = parts.length ? parts.reduce((x, y) => x + y, 0) / parts.length : 0;
  return { given, family, swapped, similarity };
}

/**
 * Compares two names part by part, trying both orders (family/given are often swapped in
 * imports, and a pinyin name may be written either way). Chinese against Latin goes by pinyin.
 */
export function comparePersonNames(a: PersonName, b: PersonName): PersonNameComparison {
  const straight = align(a, b, false);
  const swapped = align(a, b, true);
  // A swap must clearly win: otherwise it only lends a one-part match (smith/–) a second chance.
  if (swapped.similarity <= straight.similarity + 0.05 || swapped.given === null || swapped.family === null) return straight;
  // Pinyin is written in either order ("Zhang Wei", "Wei Zhang"); in one script a swap is a small doubt.
  return a.script === b.script ? { ...swapped, similarity: swapped.similarity * SWAP_DOUBT } : swapped;
}
