/**
 * The time scoring runs at: decay is measured from it. Tests move it forward to watch
 * engagement decay; everything else reads the real time.
 */
let clock: () => Date = () => new Date();

export const scoringNow = (): Date => clock();

/** For tests: a fixed or shifted time; `null` restores the real clock. */
export function setScoringClock(next: (() => Date) | null): void {
  clock = next ?? (() => new Date());
}
