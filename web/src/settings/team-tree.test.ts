import { describe, expect, it } from 'vitest';
import type { Team } from '../api/types';
import { buildTeamTree, subtreeIds, teamPath } from './team-tree';

function team(id: string, name: string, parentId: string | null): Team {
  return { id, name, parentId, createdAt: '', updatedAt: '', version: 1 };
}

const teams = [
  team('east', 'East China', null),
  team('sh', 'Shanghai', 'east'),
  team('ka', 'Key accounts', 'sh'),
  team('north', 'North China', null),
  team('hz', 'Hangzhou', 'east'),
];

function shape(nodes: ReturnType<typeof buildTeamTree>): unknown[] {
  return nodes.map((node) => (node.children.length ? { [node.key]: shape(node.children) } : node.key));
}

describe('buildTeamTree', () => {
  it('nests teams under their parents, siblings by name', () => {
    expect(shape(buildTeamTree(teams, 'en-US'))).toEqual([{ east: ['hz', { sh: ['ka'] }] }, 'north']);
  });

  it('shows a team whose parent is missing at the top', () => {
    expect(shape(buildTeamTree([team('x', 'Orphan', 'deleted')]))).toEqual(['x']);
  });

  it('does not loop on a parent cycle and still shows every team', () => {
    const cyclic = [team('a', 'A', 'b'), team('b', 'B', 'a'), team('self', 'Self', 'self')];
    const tree = buildTeamTree(cyclic);
    const keys = JSON.stringify(shape(tree));
    for (const id of ['a', 'b', 'self']) expect(keys).toContain(`"${id}"`);
  });
});

describe('subtreeIds', () => {
  it('is the team and everything below it', () => {
    expect([...subtreeIds(teams, 'east')].sort()).toEqual(['east', 'hz', 'ka', 'sh']);
    expect([...subtreeIds(teams, 'north')]).toEqual(['north']);
  });
});

describe('teamPath', () => {
  it('lists the teams from the top', () => {
    expect(teamPath(teams, 'ka')).toBe('East China / Shanghai / Key accounts');
    expect(teamPath(teams, null)).toBe('');
  });
});
