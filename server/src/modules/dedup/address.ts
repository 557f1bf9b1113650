import { diceBigrams, numberAgreement, numbersIn, tokenSetSimilarity } from './similarity';

/** A street address taken apart for matching; works for English and Chinese text. */
export interface Address {
  /** Words with street types, directions and ordinals in one spelling ("boulevard" → "blvd", "ninth" → "9th"). */
  tokens: string[];
  /** Numbers in order (house number first, usually). */
  numbers: string[];
  /** Tokens joined without spaces: catches split or joined words ("stanleystreet"). */
  compact: string;
}

const CANONICAL: ReadonlyMap<string, string> = new Map(
  Object.entries({
    street: 'st', str: 'st', road: 'rd', avenue: 'ave', av: 'ave', boulevard: 'blvd', blv: 'blvd', drive: 'dr',
    lane: 'ln', place: 'pl', court: 'ct', crescent: 'cres', circuit: 'cct', highway: 'hwy', parkway: 'pkwy',
    square: 'sq', terrace: 'tce', suite: 'ste', floor: 'fl', building: 'bldg', apartment: 'apt', unit: 'apt',
    north: 'n', south: 's', east: 'e', west: 'w', northeast: 'ne', northwest: 'nw', southeast: 'se',
    southwest: 'sw', mount: 'mt', first: '1st', second: '2nd', third: '3rd', fourth: '4th', fifth: '5th',
    sixth: '6th', seventh: '7th', eighth: '8th', ninth: '9th', tenth: '10th',
  }),
);

/** Parses an address; Chinese text is kept as one run per segment and compared by bigrams. */
export function parseAddress(input: string): Address {
  const tokens = input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((t) => CANONICAL.get(t) ?? t);
  return { tokens, numbers: tokens.flatMap(numbersIn), compact: tokens.join('') };
}

/** Number agreement scales the text similarity: 12 Main St and 14 Main St are different buildings. */
const NUMBER_FACTOR = (agreement: number | null) => (agreement === null ? 1 : 0.4 + 0.6 * agreement);

/** 0..1: word-order-free text similarity, scaled down when the house or unit numbers disagree. */
export function compareAddresses(a: Address, b: Address): number {
  if (!a.tokens.length || !b.tokens.length) return 0;
  const words = (x: Address) => x.tokens.filter((t) => !/^\d+$/.test(t));
  const wa = words(a);
  const wb = words(b);
  const text = Math.max(
    wa.length && wb.length ? tokenSetSimilarity(wa, wb) : 0,
    diceBigrams(wa.join(''), wb.join('')),
  );
  return text * NUMBER_FACTOR(numberAgreement(a.numbers, b.numbers));
}
