import type { Grade, GradeMove } from '../api/scoring';

export const GRADES: readonly Grade[] = ['A', 'B', 'C', 'D'];

/** The from→to cells of a preview as a 4×4 grid (rows: grade now; columns: grade after), zeros filled. */
export function gradeGrid(moves: readonly GradeMove[]): number[][] {
  return GRADES.map((from) => GRADES.map((to) => moves.find((m) => m.from === from && m.to === to)?.count ?? 0));
}

/** Leads going up (to a better grade) and down. */
export function gradeDirections(moves: readonly GradeMove[]): { up: number; down: number } {
  let up = 0;
  let down = 0;
  for (const m of moves) {
    const delta = GRADES.indexOf(m.from) - GRADES.indexOf(m.to);
    if (delta > 0) up += m.count;
    else if (delta < 0) down += m.count;
  }
  return { up, down };
}

/** Points still missing to the MQL bar (0 once reached). */
export const pointsToMql = (total: number, mqlThreshold: number) => Math.max(0, mqlThreshold - total);

/** How far the total is towards the MQL bar, 0–100, for a progress bar. */
export function mqlProgress(total: number, mqlThreshold: number): number {
  if (mqlThreshold <= 0) return total >= mqlThreshold ? 100 : 0;
  return Math.round(Math.min(100, Math.max(0, (total / mqlThreshold) * 100)));
}

export const GRADE_COLORS: Readonly<Record<Grade, string>> = { A: 'green', B: 'blue', C: 'gold', D: 'default' };
