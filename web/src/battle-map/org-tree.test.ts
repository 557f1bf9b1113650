import { describe, expect, it } from 'vitest';
import { buildOrgTree, flattenOrgTree, wouldCycle, type OrgMember, type OrgNode } from './org-tree';

const m = (id: string, reportsToId: string | null = null): OrgMember => ({ id, reportsToId });

/** The tree as nested ids, with the detached mark: "b", "x!orphan", "a[b c[d]]". */
function shape(nodes: OrgNode<OrgMember>[]): string[] {
  return nodes.map((n) => {
    const head = n.detached ? `${n.item.id}!${n.detached}` : n.item.id;
    return n.children.length ? `${head}[${shape(n.children).join(' ')}]` : head;
  });
}

describe('buildOrgTree', () => {
  it.each([
    { name: 'empty map', items: [], expected: [] },
    { name: 'everyone at the top', items: [m('a'), m('b')], expected: ['a', 'b'] },
    {
      name: 'a CIO with two reports, one of whom has a report',
      items: [m('cio'), m('arch', 'cio'), m('pm', 'cio'), m('dev', 'arch')],
      expected: ['cio[arch[dev] pm]'],
    },
    { name: 'a report listed before the manager', items: [m('dev', 'arch'), m('arch')], expected: ['arch[dev]'] },
    { name: 'manager not on the map: an orphan at the top', items: [m('a'), m('x', 'gone'), m('y', 'x')], expected: ['a', 'x!orphan[y]'] },
    { name: 'reporting to oneself', items: [m('a', 'a'), m('b')], expected: ['b', 'a!cycle'] },
    { name: 'a loop of two, broken at the first listed', items: [m('a', 'b'), m('b', 'a')], expected: ['a!cycle[b]'] },
    {
      name: 'a loop of three with someone hanging off it: broken where the walk up enters the loop',
      items: [m('root'), m('kid', 'root'), m('hang', 'p'), m('p', 'q'), m('q', 'r'), m('r', 'p')],
      expected: ['root[kid]', 'p!cycle[hang r[q]]'],
    },
    { name: 'two separate loops', items: [m('a', 'b'), m('b', 'a'), m('c', 'd'), m('d', 'c')], expected: ['a!cycle[b]', 'c!cycle[d]'] },
  ])('$name', ({ items, expected }) => {
    const roots = buildOrgTree(items);
    expect(shape(roots)).toEqual(expected);
    // Everyone is drawn exactly once.
    expect(flattenOrgTree(roots).map((i) => i.id).sort()).toEqual(items.map((i) => i.id).sort());
  });
});

describe('wouldCycle', () => {
  const chart = [m('cio'), m('arch', 'cio'), m('dev', 'arch'), m('cfo')];
  it.each([
    { id: 'dev', manager: 'cfo', expected: false },
    { id: 'cfo', manager: 'dev', expected: false },
    { id: 'dev', manager: null, expected: false },
    { id: 'cio', manager: 'dev', expected: true },
    { id: 'cio', manager: 'arch', expected: true },
    { id: 'arch', manager: 'arch', expected: true },
    { id: 'arch', manager: 'unknown', expected: false },
  ])('$id under $manager → $expected', ({ id, manager, expected }) => {
    expect(wouldCycle(id, manager, chart)).toBe(expected);
  });

  it('stops on a loop already in the data', () => {
    expect(wouldCycle('x', 'a', [m('a', 'b'), m('b', 'a'), m('x')])).toBe(true);
  });
});
