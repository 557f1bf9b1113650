import { GRADES, type Grade, type ScoringRuleDef } from './rule-types.js';

/** A proposed edit of the rule set, as the editor sends it for a preview. */
export interface RuleChanges<R extends ScoringRuleDef = ScoringRuleDef> {
  /** New rules; each needs an id of its own for the explanation (e.g. `new-1`). */
  added: readonly R[];
  /** Full new versions of existing rules, by id. */
  changed: readonly R[];
  removed: readonly string[];
}

/** The rule set as it would be after the changes; unknown ids in `changed`/`removed` are ignored. */
export function applyRuleChanges<R extends ScoringRuleDef>(current: readonly R[], changes: RuleChanges<R>): R[] {
  const removed = new Set(changes.removed);
  const changed = new Map(changes.changed.map((r) => [r.id, r]));
  return [
    ...current.filter((r) => !removed.has(r.id)).map((r) => changed.get(r.id) ?? r),
    ...changes.added,
  ];
}

export interface GradeMove {
  from: Grade;
  to: Grade;
  count: number;
}

/** Counts of leads per (grade before, grade after): the from→to matrix of a preview. */
export class GradeMatrix {
  private readonly counts = new Map<string, number>();

  add(from: Grade, to: Grade): void {
    const key = `${from}${to}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Every non-empty cell, in grade order, unchanged cells included. */
  cells(): GradeMove[] {
    const cells: GradeMove[] = [];
    for (const from of GRADES) {
      for (const to of GRADES) {
        const count = this.counts.get(`${from}${to}`) ?? 0;
        if (count > 0) cells.push({ from, to, count });
      }
    }
    return cells;
  }

  /** Leads whose grade would change. */
  changed(): number {
    return this.cells().reduce((n, c) => n + (c.from === c.to ? 0 : c.count), 0);
  }

  total(): number {
    return this.cells().reduce((n, c) => n + c.count, 0);
  }
}
