import { useCallback } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { PeriodKey } from './fiscal-calendar';

/** "FY2025 Q2" / "2025财年 第2季度". */
export function usePeriodLabel() {
  const { t } = useI18n();
  return useCallback(
    (p: PeriodKey) =>
      p.type === 'year'
        ? t('analytics.period.year', { year: p.fiscalYear })
        : t(p.type === 'quarter' ? 'analytics.period.quarter' : 'analytics.period.month', { year: p.fiscalYear, n: p.index }),
    [t],
  );
}
