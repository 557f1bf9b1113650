/**
 * The buying committee as an org chart, built from each stakeholder's reports-to line. The data
 * may be imperfect (a manager taken off the map, a loop written by an older client): such people
 * are still drawn, at the top, marked with why.
 */
export interface OrgMember {
  id: string;
  reportsToId: string | null;
}

export interface OrgNode<T extends OrgMember> {
  item: T;
  children: OrgNode<T>[];
  /** Why a person with a manager is drawn at the top: the manager is not on the map, or the line loops. */
  detached?: 'orphan' | 'cycle';
}

/** Roots in the order given (people in a loop last), children in the order given. */
export function buildOrgTree<T extends OrgMember>(items: readonly T[]): OrgNode<T>[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  const childrenOf = new Map<string, T[]>();
  const tops: { item: T; detached?: 'orphan' }[] = [];
  for (const item of items) {
    const manager = item.reportsToId;
    if (manager && manager !== item.id && byId.has(manager)) {
      childrenOf.set(manager, [...(childrenOf.get(manager) ?? []), item]);
    } else if (manager && manager !== item.id) {
      tops.push({ item, detached: 'orphan' });
    } else if (!manager) {
      tops.push({ item });
    }
    // Reporting to oneself is a loop of one: handled with the other loops below.
  }

  const placed = new Set<string>();
  const build = (item: T, detached?: OrgNode<T>['detached']): OrgNode<T> => {
    placed.add(item.id);
    const children: OrgNode<T>[] = [];
    for (const child of childrenOf.get(item.id) ?? []) {
      if (!placed.has(child.id)) children.push(build(child));
    }
    return detached ? { item, children, detached } : { item, children };
  };

  const roots = tops.map((top) => build(top.item, top.detached));
  // Whoever is left is in a loop or hangs off one: walk up from them and break the loop where the walk enters it.
  for (const item of items) {
    if (placed.has(item.id)) continue;
    const seen = new Set<string>();
    let at: T = item;
    while (!seen.has(at.id)) {
      seen.add(at.id);
      const manager = at.reportsToId ? byId.get(at.reportsToId) : undefined;
      if (!manager || placed.has(manager.id)) break;
      at = manager;
    }
    roots.push(build(at, 'cycle'));
  }
  return roots;
}

/** Whether making `managerId` the manager of `id` would close a loop (or make someone their own manager). */
export function wouldCycle(id: string, managerId: string | null, items: readonly OrgMember[]): boolean {
  const managerOf = new Map(items.map((item) => [item.id, item.reportsToId]));
  const seen = new Set<string>();
  for (let at = managerId; at; at = managerOf.get(at) ?? null) {
    if (at === id || seen.has(at)) return true;
    seen.add(at);
  }
  return false;
}

/** Everyone in the chart, top-down, for lists that follow the chart's order. */
export function flattenOrgTree<T extends OrgMember>(roots: readonly OrgNode<T>[]): T[] {
  return roots.flatMap((node) => [node.item, ...flattenOrgTree(node.children)]);
}
