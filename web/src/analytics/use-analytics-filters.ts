import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { AnalyticsFilters } from '../api/analytics';
import { accessLevel } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { periodOf, readPeriodKey, todayIn, type PeriodKey } from './fiscal-calendar';

export type AnalyticsFilterKey = 'period' | 'team' | 'owner';

/**
 * The period (a fiscal period key, default the current fiscal quarter), team and owner of the
 * analytics pages, kept in the URL so a view can be shared and the back button works.
 */
export function useAnalyticsFilters() {
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const startMonth = me.tenant.fiscalYearStartMonth ?? 1;
  const today = todayIn(me.tenant.timezone);
  const current = periodOf(today, 'quarter', startMonth);
  const period: PeriodKey = readPeriodKey(search.get('period') ?? '') ?? current;
  const teamId = search.get('team') || undefined;
  const ownerId = search.get('owner') || undefined;
  const filters = useMemo<AnalyticsFilters>(() => ({ period: period.key, teamId, ownerId }), [period.key, teamId, ownerId]);
  const set = useCallback(
    (key: AnalyticsFilterKey, value: string | null | undefined) =>
      setSearch(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(key, value);
          else next.delete(key);
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );
  return {
    filters,
    period,
    startMonth,
    today,
    /** own: a rep sees their own figures only; team: a manager's subtree; all: everyone. */
    level: accessLevel(me.permissions, 'analytics', 'read'),
    set,
  };
}

export type AnalyticsFilterState = ReturnType<typeof useAnalyticsFilters>;
