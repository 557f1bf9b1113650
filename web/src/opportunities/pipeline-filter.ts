import type { Team } from '../api/types';
import { subtreeIds } from '../settings/team-tree';
import { normalizeAmount } from '../shared/money';

/** The list's filters as kept in the URL (one value each; lists comma-separated). */
export const DEAL_FILTER_KEYS = ['stageId', 'status', 'ownerId', 'team', 'closeFrom', 'closeTo', 'amountMin', 'amountMax', 'qualified'] as const;
export type DealFilterKey = (typeof DEAL_FILTER_KEYS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const range = (from: string | null, to: string | null) => (from || to ? `${from ?? ''}..${to ?? ''}` : undefined);

/**
 * The API's filters for the URL's: a team means the team and every team below it (a manager's
 * pipeline is their team subtree), dates and amounts become `from..to` ranges; values that are
 * not a date or an amount are left out rather than sent.
 */
export function toApiFilter(url: Partial<Record<DealFilterKey, string>>, teams: readonly Team[]): Record<string, string | undefined> {
  const date = (value: string | undefined) => (value && DATE.test(value) ? value : null);
  const amount = (value: string | undefined) => (value ? normalizeAmount(value) : null);
  return {
    stageId: url.stageId || undefined,
    status: url.status || undefined,
    ownerId: url.ownerId || undefined,
    qualified: url.qualified === 'true' || url.qualified === 'false' ? url.qualified : undefined,
    teamId: url.team ? [...subtreeIds(teams, url.team)].join(',') : undefined,
    closeDate: range(date(url.closeFrom), date(url.closeTo)),
    amount: range(amount(url.amountMin), amount(url.amountMax)),
  };
}

export type QuickView = 'mine' | 'team' | 'all';

/** The saved views: my open deals; my team's (subtree) open deals; everything I may see. */
export function quickViewFilter(view: QuickView, me: { userId: string; teamId: string | null }): Partial<Record<DealFilterKey, string>> {
  if (view === 'mine') return { ownerId: me.userId, status: 'open' };
  if (view === 'team' && me.teamId) return { team: me.teamId, status: 'open' };
  return {};
}

/** Which saved view the current filters are exactly, if any. */
export function activeQuickView(filter: Partial<Record<DealFilterKey, string>>, me: { userId: string; teamId: string | null }): QuickView | null {
  const used = Object.entries(filter).filter(([, v]) => v);
  const same = (view: QuickView) => {
    const wanted = Object.entries(quickViewFilter(view, me));
    return used.length === wanted.length && wanted.every(([k, v]) => filter[k as DealFilterKey] === v);
  };
  if (used.length === 0) return 'all';
  if (same('mine')) return 'mine';
  if (me.teamId && same('team')) return 'team';
  return null;
}
