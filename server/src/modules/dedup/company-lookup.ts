import { matchRecords, parseCompanyName, type PartyRecord } from './index.js';
import { placeAbbreviations, placeOf, placesCompatible } from './places-cn.js';

/** A company to look up in a registry: its name as typed, and where it is when known. */
export interface CompanyQuery {
  name: string;
  province?: string | null;
  city?: string | null;
  address?: string | null;
}

/** A registry entry found for the name (by its core name, exactly or by trigram). */
export interface CompanyCandidate {
  id: string;
  name: string;
  province?: string | null;
  city?: string | null;
  district?: string | null;
  address?: string | null;
}

export interface CompanyMatch {
  id: string;
  /** `name_location`: the same core name in the same place; `name`: a strong name match. */
  by: 'name_location' | 'name';
  score: number;
}

/** Stronger evidence than this is needed over the runner-up to pick one of two strong candidates. */
const AMBIGUITY_MARGIN = 0.02;

const canonical = (place: string | null | undefined) => {
  const text = place?.normalize('NFKC').trim();
  return text ? (placeOf(text) ?? text) : null;
};
const known = (place: string) => place !== '中国' && placeAbbreviations(place) !== '';

/** Places that name the same location: equal, or a city and its own province. */
const agree = (a: string, b: string) => a === b || (known(a) && known(b) && placesCompatible(a, b));
/** Two known places that cannot be the same location (Beijing vs Shanghai). */
const contradict = (a: string, b: string) => known(a) && known(b) && !placesCompatible(a, b);

const account = (name: string, where: { province?: string | null; city?: string | null; address?: string | null }): PartyRecord => ({
  kind: 'account', name, region: where.province ?? null, city: where.city ?? null, address: where.address ?? null,
});

/**
 * The registry entry a company name stands for, or null when none is sure: the same core name
 * (北京星河智造科技有限公司 = 星河智造（北京）科技有限公司) in an agreeing place, else a strong or
 * exact name match (`matchRecords`) that no other candidate equals and no place contradicts.
 * A branch never matches its parent.
 */
export function pickCompanyMatch(query: CompanyQuery, candidates: readonly CompanyCandidate[]): CompanyMatch | null {
  const q = parseCompanyName(query.name);
  if (!q.core) return null;
  const queryPlaces = [q.location, canonical(query.city), canonical(query.province)].filter((p): p is string => !!p);
  const scored = candidates.map((c) => {
    const p = parseCompanyName(c.name);
    const places = [p.location, canonical(c.city), canonical(c.district), canonical(c.province)].filter((x): x is string => !!x);
    const located = queryPlaces.some((a) => places.some((b) => agree(a, b)));
    const contradicted = !located && queryPlaces.some((a) => places.some((b) => contradict(a, b)));
    const result = matchRecords(account(query.name, query), account(c.name, { province: c.province, city: c.city ?? c.district, address: c.address }));
    return { c, sameCore: p.core === q.core && p.branch === q.branch, located, contradicted, result };
  });
  const byScore = (x: (typeof scored)[number], y: (typeof scored)[number]) => y.result.score - x.result.score || x.c.id.localeCompare(y.c.id);

  const inPlace = scored.filter((s) => s.sameCore && s.located).sort(byScore);
  if (inPlace.length > 0) return { id: inPlace[0].c.id, by: 'name_location', score: inPlace[0].result.score };

  const strong = scored
    .filter((s) => !s.contradicted && (s.result.level === 'strong' || s.result.level === 'exact') && s.c.name && (s.sameCore || !q.branch))
    .sort(byScore);
  if (strong.length === 0) return null;
  if (strong.length > 1 && strong[0].result.score - strong[1].result.score < AMBIGUITY_MARGIN) return null;
  return { id: strong[0].c.id, by: 'name', score: strong[0].result.score };
}
