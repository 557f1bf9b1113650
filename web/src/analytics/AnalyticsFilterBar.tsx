import type { ReactNode } from 'react';
import { Space } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { TeamSelect } from '../settings/TeamSelect';
import { UserSelect } from '../shared/UserSelect';
import { periodOf } from './fiscal-calendar';
import { PeriodPicker } from './PeriodPicker';
import type { AnalyticsFilterState } from './use-analytics-filters';

interface AnalyticsFilterBarProps {
  state: AnalyticsFilterState;
  /** Team and owner filters, where the role sees more than its own figures. */
  who?: boolean;
  children?: ReactNode;
}

/** Period on the fiscal calendar, and team / owner where the role allows. */
export function AnalyticsFilterBar({ state, who = true, children }: AnalyticsFilterBarProps) {
  const { t } = useI18n();
  const showWho = who && state.level !== 'own' && state.level !== 'none';
  return (
    <Space wrap className="l2c-section l2c-analytics-filters" data-testid="analytics-filters">
      <PeriodPicker
        value={state.period}
        onChange={(key) => state.set('period', key)}
        startMonth={state.startMonth}
        currentYear={periodOf(state.today, 'year', state.startMonth).fiscalYear}
      />
      {showWho ? (
        <>
          <div className="l2c-filter-field">
            <TeamSelect value={state.filters.teamId ?? null} onChange={(v) => state.set('team', v)} placeholder={t('analytics.filter.team')} testId="analytics-team" />
          </div>
          <UserSelect
            value={state.filters.ownerId ?? null}
            onChange={(v) => state.set('owner', v)}
            placeholder={t('analytics.filter.owner')}
            allowClear
            className="l2c-filter-field"
            testId="analytics-owner"
          />
        </>
      ) : null}
      {children}
    </Space>
  );
}
