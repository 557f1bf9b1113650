import type { Team } from '../api/types';

export interface TeamNode {
  key: string;
  title: string;
  team: Team;
  children: TeamNode[];
}

/**
 * The team hierarchy from the flat list (parentId). Teams whose parent is missing are shown at the
 * top rather than lost, and a parent cycle in bad data cannot loop forever. Siblings sort by name.
 */
export function buildTeamTree(teams: readonly Team[], locale = 'zh-CN'): TeamNode[] {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const children = new Map<string | null, Team[]>();
  for (const team of teams) {
    const parent = team.parentId && byId.has(team.parentId) && team.parentId !== team.id ? team.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const collator = new Intl.Collator(locale);
  const placed = new Set<string>();
  const build = (parent: string | null): TeamNode[] =>
    (children.get(parent) ?? [])
      .filter((team) => !placed.has(team.id))
      .sort((a, b) => collator.compare(a.name, b.name))
      .map((team) => {
        placed.add(team.id);
        return { key: team.id, title: team.name, team, children: build(team.id) };
      });
  const roots = build(null);
  // Teams caught in a parent cycle are unreachable from the top: show them at the top too.
  for (const team of teams) {
    if (!placed.has(team.id)) {
      placed.add(team.id);
      roots.push({ key: team.id, title: team.name, team, children: build(team.id) });
    }
  }
  return roots;
}

/** A team and everything below it: none of these may become its parent. */
export function subtreeIds(teams: readonly Team[], rootId: string): Set<string> {
  const result = new Set<string>([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const team of teams) {
      if (team.parentId && result.has(team.parentId) && !result.has(team.id)) {
        result.add(team.id);
        grew = true;
      }
    }
  }
  return result;
}

/** "East China / Shanghai / Key accounts": the path from the top to a team. */
export function teamPath(teams: readonly Team[], id: string | null): string {
  const byId = new Map(teams.map((team) => [team.id, team]));
  const names: string[] = [];
  const seen = new Set<string>();
  let current = id ? byId.get(id) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names.join(' / ');
}
