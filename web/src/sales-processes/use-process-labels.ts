import { useMemo } from 'react';
import type { StakeholderCheck } from '../api/battle-map';
import { FORECAST_CATEGORIES, REQUIRABLE_FIELDS, type ForecastCategory, type RequirableField } from '../api/sales-processes';
import { useBattleMapLabels } from '../battle-map/use-battle-map-labels';
import { useI18n } from '../i18n/i18n-context';

/** The words of the process admin: forecast categories, requirable deal fields, battle-map checks. */
export function useProcessLabels() {
  const { t } = useI18n();
  const battleMap = useBattleMapLabels();
  return useMemo(
    () => ({
      forecastCategory: (c: ForecastCategory) => t(`salesProcess.forecast.${c}`),
      field: (f: RequirableField) => t(`salesProcess.field.${f}`),
      check: (c: StakeholderCheck) => battleMap.check(c),
      forecastOptions: FORECAST_CATEGORIES.map((value) => ({ value, label: t(`salesProcess.forecast.${value}`) })),
      fieldOptions: REQUIRABLE_FIELDS.map((value) => ({ value, label: t(`salesProcess.field.${value}`) })),
    }),
    [t, battleMap],
  );
}
