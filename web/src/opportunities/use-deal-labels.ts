import { useMemo } from 'react';
import type { ContactRole, OpportunityStatus, StageHistoryEntry } from '../api/opportunities';
import type { BantPart, ForecastCategory } from '../api/sales-processes';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

const STATUS_KEYS: Record<OpportunityStatus, MessageKey> = {
  open: 'deal.status.open',
  won: 'deal.status.won',
  lost: 'deal.status.lost',
};

export const STATUS_COLORS: Record<OpportunityStatus, string> = { open: 'blue', won: 'green', lost: 'red' };

const FORECAST_KEYS: Record<ForecastCategory, MessageKey> = {
  pipeline: 'deal.forecast.pipeline',
  best_case: 'deal.forecast.best_case',
  commit: 'deal.forecast.commit',
  closed: 'deal.forecast.closed',
  omitted: 'deal.forecast.omitted',
};

const ROLE_KEYS: Record<ContactRole, MessageKey> = {
  power_sponsor: 'deal.role.power_sponsor',
  decision_maker: 'deal.role.decision_maker',
  financial_approver: 'deal.role.financial_approver',
  technical_evaluator: 'deal.role.technical_evaluator',
  user: 'deal.role.user',
  influencer: 'deal.role.influencer',
  gatekeeper: 'deal.role.gatekeeper',
  other: 'deal.role.other',
};

const BANT_KEYS: Record<BantPart, MessageKey> = {
  budget: 'deal.bant.budget',
  authority: 'deal.bant.authority',
  need: 'deal.bant.need',
  timeline: 'deal.bant.timeline',
};

const HISTORY_KEYS: Record<StageHistoryEntry['action'], MessageKey> = {
  create: 'deal.history.action.create',
  advance: 'deal.history.action.advance',
  back: 'deal.history.action.back',
  override: 'deal.history.action.override',
  close: 'deal.history.action.close',
  reopen: 'deal.history.action.reopen',
};

/** Display names of the deal vocabulary in the UI language (unknown values are shown as they are). */
export function useDealLabels() {
  const { t } = useI18n();
  return useMemo(() => {
    const of = <K extends string>(keys: Record<K, MessageKey>) => (value: string | null | undefined) =>
      value ? (value in keys ? t(keys[value as K]) : value) : '';
    return {
      status: of(STATUS_KEYS),
      forecast: of(FORECAST_KEYS),
      role: of(ROLE_KEYS),
      bant: of(BANT_KEYS),
      bantList: (parts: readonly string[]) => parts.map(of(BANT_KEYS)).join(t('deal.listSeparator')),
      historyAction: of(HISTORY_KEYS),
    };
  }, [t]);
}
