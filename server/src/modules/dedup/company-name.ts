import { pinyin } from 'pinyin-pro';
import {
  CN_BRANCH_WORDS,
  CN_GROUP_WORDS,
  CN_INDUSTRY_WORDS,
  CN_LEGAL_FORMS,
  LATIN_ABBREVIATIONS,
  LATIN_GROUP_WORDS,
  LATIN_INDUSTRY_WORDS,
  LATIN_LEGAL_FORMS,
  LATIN_STOPWORDS,
} from './company-name-lexicon';
import { placeAbbreviations, placeOf, splitLeadingPlace, splitTrailingPlace } from './places-cn';

/** A company name taken apart for matching. */
export interface CompanyName {
  /** Cleaned for display: NFKC, single spaces; Chinese names use full-width brackets as registered. */
  display: string;
  script: 'han' | 'latin';
  /** The distinctive name that matching keys on (星河智造, "acme"); Latin tokens joined by spaces. */
  core: string;
  /** Industry and business-type words taken off the core (科技, 信息技术, "software"). */
  industry: string[];
  /** Most specific place named (北京, 深圳); Chinese names only. */
  location: string | null;
  /** Branch part of a branch name (合肥分公司), null for the parent itself. */
  branch: string | null;
  /** Legal-form family of a Latin name (Inc → us, Ltd → ltd, GmbH → de); null when none or neutral ("Co."). */
  jurisdiction: string | null;
  /** Pinyin of a Chinese core without tones or spaces (星河智造 → xinghezhizao); a Latin core without spaces. */
  pinyin: string;
  /** Everything that identifies the name, in order, with place abbreviations: for short-name matching. */
  compact: string;
}

const HAN = /\p{Script=Han}/u;
const MIN_HAN_CORE = 2;

const longestFirst = (list: readonly string[]) => [...list].sort((a, b) => b.length - a.length);
const LEGAL_OR_GROUP = longestFirst([...CN_LEGAL_FORMS, ...CN_GROUP_WORDS]);
const INDUSTRY = longestFirst(CN_INDUSTRY_WORDS);
const BRANCH_WORDS = longestFirst(CN_BRANCH_WORDS).join('|');
/** 招商银行股份有限公司深圳分行 → parent + branch; the parent must end like an organisation. */
const BRANCH_AFTER_PARENT = new RegExp(`^(.+(?:公司|集团|银行|厂|社|中心|所))(.{0,8}?(?:${BRANCH_WORDS}))$`);
const BRANCH_AT_END = new RegExp(`(?:${BRANCH_WORDS})$`);
/** Stock-quote decorations people paste with a short name: *ST国华, 万科A, 前沿生物-U. */
const STOCK_PREFIX = /^(?:s?\*?st|s(?=\p{Script=Han}))/u;
const STOCK_SUFFIX = /(?<=\p{Script=Han})(?:-[a-z]{1,2}|[ab])$/u;

const hanLength = (s: string) => Array.from(s).length;

/** Parses a Chinese or English company name; never throws, empty input gives an empty core. */
export function parseCompanyName(input: string): CompanyName {
  const text = input.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return HAN.test(text) ? parseHan(text) : parseLatin(text);
}

function takeSuffix(text: string, list: readonly string[]): { word: string; rest: string } | null {
  const word = list.find((w) => text.endsWith(w) && text.length > w.length);
  return word ? { word, rest: text.slice(0, -word.length) } : null;
}

/** Takes industry words off the end while at least two characters of the name remain. */
function stripIndustry(text: string): { core: string; industry: string[] } {
  const industry: string[] = [];
  let core = text;
  for (;;) {
    const cut = takeSuffix(core, INDUSTRY);
    if (!cut || hanLength(cut.rest) < MIN_HAN_CORE) break;
    industry.unshift(cut.word);
    core = cut.rest;
  }
  return { core, industry };
}

function parseHan(text: string): CompanyName {
  let s = text.toLowerCase().replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
  s = s.replace(STOCK_PREFIX, '').replace(STOCK_SUFFIX, '');

  let branch: string | null = null;
  const parentAndBranch = BRANCH_AFTER_PARENT.exec(s);
  if (parentAndBranch) [, s, branch] = parentAndBranch;

  const places: string[] = [];
  // NFKC has made （） half-width; 【】 and [] are used the same way.
  s = s.replace(/[(【[]([^)】\]]*)[)】\]]/g, (_, inner: string) => {
    const place = placeOf(inner);
    if (place) places.push(place);
    return '';
  });
  s = s.replace(/[^\p{L}\p{N}]/gu, '');

  if (!branch) {
    const word = BRANCH_AT_END.exec(s);
    if (word) {
      s = s.slice(0, word.index);
      const place = splitTrailingPlace(s);
      if (place) s = place.rest;
      branch = (place?.place ?? '') + word[0];
    }
  }
  for (let cut = takeSuffix(s, LEGAL_OR_GROUP); cut; cut = takeSuffix(s, LEGAL_OR_GROUP)) s = cut.rest;
  const trailing = splitTrailingPlace(s);
  if (trailing && hanLength(trailing.rest) >= MIN_HAN_CORE) {
    places.unshift(trailing.place);
    s = trailing.rest;
  }

  // Leading places come off only if a real name is left (朝阳科技 keeps 朝阳 as its name).
  const leading: string[] = [];
  let rest = s;
  for (let cut = splitLeadingPlace(rest); cut && hanLength(cut.rest) >= MIN_HAN_CORE; cut = splitLeadingPlace(rest)) {
    leading.push(cut.place);
    rest = cut.rest;
  }
  let { core, industry } = stripIndustry(rest);
  if (leading.length && INDUSTRY.includes(core)) {
    // Place + industry is the whole name (北京银行, 中国石化, 朝阳科技): the place is the name.
    ({ core, industry } = stripIndustry(s));
    leading.length = 0;
  }
  places.unshift(...leading);

  const location = places.at(-1) ?? null;
  const abbreviations = places.map(placeAbbreviations).join('');
  return {
    display: hanDisplay(text),
    script: 'han',
    core,
    industry,
    location,
    branch,
    jurisdiction: null,
    pinyin: pinyin(core, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('').replace(/\s+/g, ''),
    compact: abbreviations + places.join('') + core + industry.join(''),
  };
}

/** Registered Chinese names use full-width brackets and no spaces between Chinese characters. */
const hanDisplay = (text: string) =>
  text
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/(?<=[\p{Script=Han}（）]) | (?=[\p{Script=Han}（）])/gu, '');

function parseLatin(text: string): CompanyName {
  const plain = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['’`]/g, '')
    .replace(/\b(?:[a-z]\.){2,}/g, (initials) => initials.replace(/\./g, ''));
  // A bracketed part qualifies the name ("Le Chardonnay (Los Angeles)", "Zhenye (Group)") rather than naming it.
  const tokens = plain
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

  let jurisdiction: string | null = null;
  while (tokens.length > 1) {
    const last = tokens[tokens.length - 1];
    if (LATIN_LEGAL_FORMS.has(last)) jurisdiction ??= LATIN_LEGAL_FORMS.get(last) ?? null;
    else if (!LATIN_GROUP_WORDS.has(last) && !LATIN_STOPWORDS.has(last)) break;
    tokens.pop();
  }
  const words = tokens.map((t) => LATIN_ABBREVIATIONS.get(t) ?? t).filter((t) => !LATIN_STOPWORDS.has(t));
  const distinctive = words.filter((t) => !LATIN_INDUSTRY_WORDS.has(t));
  const coreTokens = distinctive.length ? distinctive : words;
  const industry = distinctive.length ? words.filter((t) => LATIN_INDUSTRY_WORDS.has(t)) : [];
  const core = coreTokens.join(' ');
  return {
    display: text,
    script: 'latin',
    core,
    industry,
    location: null,
    branch: null,
    jurisdiction,
    pinyin: core.replace(/ /g, ''),
    compact: words.join(''),
  };
}
