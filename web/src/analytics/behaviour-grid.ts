import type { Behaviour, BehaviourCounts, RepBehaviour } from '../api/analytics';

export interface BehaviourRow {
  rep: RepBehaviour;
  /** Per ISO week of the range; undefined where the rep did nothing that week. */
  cells: Record<string, BehaviourCounts | undefined>;
  /** No visit in the latest week of the range: the reps a manager asks about in the weekly review. */
  noVisitsLastWeek: boolean;
}

/**
 * The weekly behaviour as a grid: one row per rep (by name), one column per ISO week of the
 * answer in order, the rep's counts in each.
 */
export function behaviourGrid(data: Pick<Behaviour, 'weeks' | 'reps' | 'repWeeks'>): { weeks: string[]; rows: BehaviourRow[] } {
  const weeks = [...new Set(data.weeks.map((w) => w.week))].sort();
  const last = weeks[weeks.length - 1];
  const rows = [...data.reps]
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '') || a.ownerId.localeCompare(b.ownerId))
    .map((rep) => {
      const cells: Record<string, BehaviourCounts | undefined> = {};
      for (const cell of data.repWeeks) if (cell.ownerId === rep.ownerId) cells[cell.week] = cell;
      return { rep, cells, noVisitsLastWeek: last !== undefined && (cells[last]?.visits ?? 0) === 0 };
    });
  return { weeks, rows };
}
