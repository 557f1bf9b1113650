import type { Money } from '../api/types';

/**
 * Pipeline sums done exactly: amounts are decimal strings turned into integer minor units
 * (cents), weighted amounts are summed as amount × probability and rounded once at the end —
 * the same rule as the server's totals, so a column and the list never disagree by a cent.
 */

/** "1234.5" → 123450n; null for text that is not a decimal amount. */
export function toMinor(amount: string): bigint | null {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const minor = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign ? -minor : minor;
}

/** 123450n → "1234.50". */
export function fromMinor(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const text = `${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}

/** Divides by 100 rounding half away from zero (as PostgreSQL's round()). */
function divideRounded(value: bigint): bigint {
  const quotient = value / 100n;
  const remainder = value % 100n;
  if (remainder >= 50n) return quotient + 1n;
  if (remainder <= -50n) return quotient - 1n;
  return quotient;
}

export interface MoneyTotal {
  currency: string;
  count: number;
  amount: string;
  weighted: string;
}

export interface PricedDeal {
  amount: Money | null;
  currency: string;
  probability: number;
}

/**
 * Count, amount and weighted amount per currency (largest count first, then by currency).
 * A deal without an amount counts in its currency with nothing to add.
 */
export function totalsByCurrency(deals: readonly PricedDeal[]): MoneyTotal[] {
  const sums = new Map<string, { count: number; amount: bigint; weightedHundredths: bigint }>();
  for (const deal of deals) {
    const currency = deal.amount?.currency ?? deal.currency;
    const sum = sums.get(currency) ?? { count: 0, amount: 0n, weightedHundredths: 0n };
    const minor = deal.amount ? (toMinor(deal.amount.amount) ?? 0n) : 0n;
    sum.count += 1;
    sum.amount += minor;
    sum.weightedHundredths += minor * BigInt(Math.round(deal.probability));
    sums.set(currency, sum);
  }
  return [...sums.entries()]
    .map(([currency, sum]) => ({
      currency,
      count: sum.count,
      amount: fromMinor(sum.amount),
      weighted: fromMinor(divideRounded(sum.weightedHundredths)),
    }))
    .sort((a, b) => b.count - a.count || a.currency.localeCompare(b.currency));
}

export interface StageLike {
  id: string;
  order: number;
  isWon: boolean;
  isLost: boolean;
}

export interface BoardColumn<S extends StageLike, D> {
  stage: S;
  deals: D[];
  totals: MoneyTotal[];
}

/**
 * The kanban's columns: the open stages in order, each with its deals (soonest close date
 * first) and their totals. Deals at a stage not in the list (closed, or another process) are left out.
 */
export function boardColumns<S extends StageLike, D extends PricedDeal & { stageId: string; closeDate: string; name: string }>(
  stages: readonly S[],
  deals: readonly D[],
): BoardColumn<S, D>[] {
  const open = stages.filter((s) => !s.isWon && !s.isLost).sort((a, b) => a.order - b.order);
  return open.map((stage) => {
    const inStage = deals
      .filter((d) => d.stageId === stage.id)
      .sort((a, b) => a.closeDate.localeCompare(b.closeDate) || a.name.localeCompare(b.name));
    return { stage, deals: inStage, totals: totalsByCurrency(inStage) };
  });
}

/** Where a card dropped on a column goes: nowhere, another open stage, or the close dialog. */
export type DropIntent = { kind: 'none' } | { kind: 'advance'; stageId: string } | { kind: 'close'; outcome: 'won' | 'lost' };

export function dropIntent(stages: readonly StageLike[], fromStageId: string, targetStageId: string | null): DropIntent {
  if (!targetStageId || targetStageId === fromStageId) return { kind: 'none' };
  const target = stages.find((s) => s.id === targetStageId);
  if (!target) return { kind: 'none' };
  if (target.isWon) return { kind: 'close', outcome: 'won' };
  if (target.isLost) return { kind: 'close', outcome: 'lost' };
  return { kind: 'advance', stageId: target.id };
}

/** Moves a deal to another stage in a list of deals (the board's optimistic update). */
export function withDealAt<D extends { id: string; stageId: string }>(deals: readonly D[], dealId: string, stageId: string): D[] {
  return deals.map((d) => (d.id === dealId ? { ...d, stageId } : d));
}

/** "3d 4h", "5h 10m", "12m": how long a deal stayed in a stage. */
export function stageDuration(seconds: number): { days: number; hours: number; minutes: number } {
  const total = Math.max(0, Math.floor(seconds / 60));
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}
