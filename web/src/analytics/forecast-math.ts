import type { TeamAccuracy } from '../api/analytics';

/** A decimal amount ("-12.3") in integer hundredths: sums stay exact. */
function toMinor(amount: string): bigint {
  const negative = amount.trim().startsWith('-');
  const [whole, fraction = ''] = amount.trim().replace('-', '').split('.');
  const minor = BigInt(whole || '0') * 100n + BigInt(`${fraction}00`.slice(0, 2));
  return negative ? -minor : minor;
}

function fromMinor(minor: bigint): string {
  const abs = minor < 0n ? -minor : minor;
  return `${minor < 0n ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}

export const sumAmounts = (amounts: readonly string[]): string => fromMinor(amounts.reduce((s, a) => s + toMinor(a), 0n));

export interface CompanyForecast {
  /** Today's call of the top teams. */
  call: string;
  /** Each top team's call adjusted by its historical accuracy (its own call where it has no history). */
  adjusted: string;
  /** How many top teams have finished periods to learn from. */
  teamsWithHistory: number;
  teams: number;
}

/**
 * The company's accuracy-adjusted forecast from the per-team figures: the teams the answer lists
 * are a tree, so only the top ones (whose parent is not listed) are added, or deals would count
 * twice. Null when no team has snapshots yet.
 */
export function companyForecast(teams: readonly TeamAccuracy[], parentOf: ReadonlyMap<string, string | null>): CompanyForecast | null {
  const listed = new Set(teams.map((team) => team.teamId));
  const top = teams.filter((team) => {
    const parent = parentOf.get(team.teamId) ?? null;
    return parent === null || !listed.has(parent);
  });
  if (top.length === 0) return null;
  return {
    call: sumAmounts(top.map((team) => team.currentCall)),
    adjusted: sumAmounts(top.map((team) => team.adjustedForecast ?? team.currentCall)),
    teamsWithHistory: top.filter((team) => team.adjustedForecast !== null).length,
    teams: top.length,
  };
}

/** Ranks of reps by a figure, highest first; equal figures share a rank (1, 2, 2, 4). */
export function rankBy<T>(rows: readonly T[], amount: (row: T) => string): { row: T; rank: number }[] {
  const sorted = [...rows].sort((a, b) => {
    const d = toMinor(amount(b)) - toMinor(amount(a));
    return d > 0n ? 1 : d < 0n ? -1 : 0;
  });
  let rank = 0;
  return sorted.map((row, i) => {
    if (i === 0 || toMinor(amount(sorted[i - 1])) !== toMinor(amount(row))) rank = i + 1;
    return { row, rank };
  });
}
