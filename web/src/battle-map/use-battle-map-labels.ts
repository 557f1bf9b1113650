import { useMemo } from 'react';
import { ATTITUDES, STAKEHOLDER_LEVELS, STAKEHOLDER_ROLES, type Attitude, type StakeholderCheck, type StakeholderLevel, type StakeholderRole } from '../api/battle-map';
import { useI18n } from '../i18n/i18n-context';

/** Attitude colours of the org chart: support green, neutral grey, oppose red. */
export const ATTITUDE_COLORS: Record<Attitude, string> = { support: 'green', neutral: 'default', oppose: 'red' };

/** The words of the battle map in the UI language: roles, levels, attitudes and the checks stages may require. */
export function useBattleMapLabels() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      role: (role: StakeholderRole) => t(`battleMap.role.${role}`),
      level: (level: StakeholderLevel | null) => (level ? t(`battleMap.level.${level}`) : ''),
      attitude: (attitude: Attitude) => t(`battleMap.attitude.${attitude}`),
      check: (check: StakeholderCheck) => t(`battleMap.check.${check}`),
      roleOptions: STAKEHOLDER_ROLES.map((value) => ({ value, label: t(`battleMap.role.${value}`) })),
      levelOptions: STAKEHOLDER_LEVELS.map((value) => ({ value, label: t(`battleMap.level.${value}`) })),
      attitudeOptions: ATTITUDES.map((value) => ({ value, label: t(`battleMap.attitude.${value}`) })),
    }),
    [t],
  );
}
