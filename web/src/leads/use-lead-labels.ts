import { useMemo } from 'react';
import type { AssignmentStrategy, LeadStatus, RouteReason } from '../api/leads';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';

const STATUS_KEYS: Record<LeadStatus, MessageKey> = {
  new: 'lead.status.new',
  mql: 'lead.status.mql',
  accepted: 'lead.status.accepted',
  sql: 'lead.status.sql',
  recycled: 'lead.status.recycled',
  disqualified: 'lead.status.disqualified',
  converted: 'lead.status.converted',
};

export const STATUS_COLORS: Record<LeadStatus, string> = {
  new: 'default',
  mql: 'blue',
  accepted: 'cyan',
  sql: 'green',
  recycled: 'gold',
  disqualified: 'red',
  converted: 'purple',
};

const ACTION_KEYS: Record<string, MessageKey> = {
  create: 'lead.history.create',
  assign: 'lead.history.assign',
  route: 'lead.history.route',
  promote: 'lead.action.promote',
  accept: 'lead.action.accept',
  reject: 'lead.action.reject',
  qualify: 'lead.action.qualify',
  'return-to-nurture': 'lead.action.return-to-nurture',
  disqualify: 'lead.action.disqualify',
  reopen: 'lead.action.reopen',
  convert: 'lead.action.convert',
};

const ROUTE_REASON_KEYS: Record<RouteReason, MessageKey> = {
  rule_matched: 'routeReason.rule_matched',
  rule_targets_queue: 'routeReason.rule_targets_queue',
  no_rule_matched: 'routeReason.no_rule_matched',
  no_available_member: 'routeReason.no_available_member',
};

const STRATEGY_KEYS: Record<AssignmentStrategy, MessageKey> = {
  round_robin: 'assignRules.strategy.round_robin',
  least_loaded: 'assignRules.strategy.least_loaded',
};

export function useLeadLabels() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      status: (status: string) => (status in STATUS_KEYS ? t(STATUS_KEYS[status as LeadStatus]) : status),
      action: (action: string) => (ACTION_KEYS[action] ? t(ACTION_KEYS[action]) : action),
      strategy: (strategy: AssignmentStrategy) => t(STRATEGY_KEYS[strategy]),
      routeReason: (reason: RouteReason, rule: string | null = null) => t(ROUTE_REASON_KEYS[reason], { rule: rule ?? '' }),
      /**
       * A stored reason: the routing codes the system writes are translated, what people typed is
       * shown as typed.
       */
      reasonText: (reason: string | null) =>
        reason && reason in ROUTE_REASON_KEYS ? t(ROUTE_REASON_KEYS[reason as RouteReason], { rule: '' }) : (reason ?? ''),
    }),
    [t],
  );
}
