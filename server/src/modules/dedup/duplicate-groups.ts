import type { MatchLevel, MatchReason } from './index.js';

export type PairLevel = Exclude<MatchLevel, 'none'>;

export interface ScoredPair {
  a: string;
  b: string;
  score: number;
  level: PairLevel;
  reasons: MatchReason[];
}

export interface DuplicateGroup {
  /** The smallest member id: stable while the members stay. */
  key: string;
  /** `exact` when exact pairs alone connect every member, else `strong`. */
  level: 'exact' | 'strong';
  memberIds: string[];
  /** The strong and exact pairs inside the group, strongest first. */
  pairs: ScoredPair[];
}

export interface GroupedPairs {
  groups: DuplicateGroup[];
  /** Possible pairs whose records are not already in one group, strongest first. */
  possible: ScoredPair[];
}

const LEVEL_RANK: Record<MatchLevel, number> = { none: 0, possible: 1, strong: 2, exact: 3 };

export const levelAtLeast = (level: MatchLevel, min: MatchLevel) => LEVEL_RANK[level] >= LEVEL_RANK[min];

const byStrength = (x: ScoredPair, y: ScoredPair) => y.score - x.score || (x.a + x.b).localeCompare(y.a + y.b);

/** Union–find over record ids. */
class Components {
  private parent = new Map<string, string>();

  find(id: string): string {
    let root = id;
    while (this.parent.has(root) && this.parent.get(root) !== root) root = this.parent.get(root)!;
    this.parent.set(id, root);
    return root;
  }

  union(a: string, b: string) {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * Duplicate groups: the connected components of the strong and exact pairs (A = B and B = C put
 * A, B and C in one group). Possible pairs are only suggestions and stay pairs.
 */
export function groupPairs(pairs: readonly ScoredPair[]): GroupedPairs {
  const strong = pairs.filter((p) => levelAtLeast(p.level, 'strong'));
  const all = new Components();
  const exact = new Components();
  for (const p of strong) {
    all.union(p.a, p.b);
    if (p.level === 'exact') exact.union(p.a, p.b);
  }
  const members = new Map<string, Set<string>>();
  for (const p of strong) {
    const root = all.find(p.a);
    const set = members.get(root) ?? new Set<string>();
    set.add(p.a).add(p.b);
    members.set(root, set);
  }
  const groups: DuplicateGroup[] = [...members.values()].map((set) => {
    const memberIds = [...set].sort();
    const exactRoots = new Set(memberIds.map((id) => exact.find(id)));
    const inGroup = strong.filter((p) => set.has(p.a)).sort(byStrength);
    return { key: memberIds[0], level: exactRoots.size === 1 ? 'exact' : 'strong', memberIds, pairs: inGroup };
  });
  groups.sort((x, y) => y.pairs[0].score - x.pairs[0].score || y.memberIds.length - x.memberIds.length || x.key.localeCompare(y.key));
  const possible = pairs
    .filter((p) => p.level === 'possible')
    .filter((p) => !(members.has(all.find(p.a)) && all.find(p.a) === all.find(p.b)))
    .sort(byStrength);
  return { groups, possible };
}
