import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { analyticsApi, type DrillLink, type FunnelDrill } from '../api/analytics';
import type { LeadStatus } from '../api/leads';
import type { OpportunityStatus } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { STATUS_COLORS as LEAD_COLORS, useLeadLabels } from '../leads/use-lead-labels';
import { STATUS_COLORS as DEAL_COLORS, useDealLabels } from '../opportunities/use-deal-labels';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useIsPhone } from '../shared/use-is-phone';
import { useUserNames } from '../shared/use-user-names';
import { useAnalyticsFormat } from './use-analytics-format';

export interface DrillTarget {
  /** What the drawer's title says: the step or figure drilled into. */
  title: string;
  /** The react-query identity of the records. */
  key: object;
  fetch: (signal: AbortSignal) => Promise<FunnelDrill>;
}

/** A figure's drill link (the answer names where its records are) as what the drawer opens. */
export const linkTarget = (title: string, link: DrillLink): DrillTarget => ({
  title,
  key: link,
  fetch: (signal) => analyticsApi.drill(link, signal),
});

/** A figure that opens the records behind it, when the answer gives a drill link. */
export function DrillNumber({ value, link, title, onOpen, testId }: {
  value: string;
  link: DrillLink | undefined;
  title: string;
  onOpen: (target: DrillTarget) => void;
  testId?: string;
}) {
  if (!link) return <>{value}</>;
  return (
    <Button type="link" size="small" className="l2c-analytics-drill-number" onClick={() => onOpen(linkTarget(title, link))} data-testid={testId}>
      {value}
    </Button>
  );
}

/** The records behind a figure, each opening its lead or deal page. */
export function DrillDrawer({ target, onClose }: { target: DrillTarget | null; onClose: () => void }) {
  const { t } = useI18n();
  const phone = useIsPhone();
  const format = useAnalyticsFormat();
  const names = useUserNames();
  const leadLabels = useLeadLabels();
  const dealLabels = useDealLabels();
  const records = useQuery({
    queryKey: queryKeys.analytics('drill', target?.key ?? {}),
    queryFn: ({ signal }) => target!.fetch(signal),
    enabled: !!target,
  });
  const data = records.data;
  const isLead = data?.object === 'leads';
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      title={target?.title}
      size={phone ? '100%' : 520}
      destroyOnHidden
      data-testid="analytics-drill"
    >
      {records.isPending ? <Skeleton active /> : null}
      {records.isError ? <QueryErrorResult error={records.error} onRetry={() => void records.refetch()} /> : null}
      {data ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="analytics-drill-count">
            {t(isLead ? 'analytics.drill.leads' : 'analytics.drill.deals', { count: format.count(data.records.length) })}
          </Typography.Paragraph>
          {data.truncated ? <Alert type="info" showIcon className="l2c-section" title={t('analytics.drill.truncated')} /> : null}
          <List
            dataSource={data.records}
            locale={{ emptyText: t('analytics.drill.empty') }}
            renderItem={(r) => (
              <List.Item
                data-testid="analytics-drill-record"
                extra={r.amount ? <span className="l2c-number">{format.money(r.amount.amount, r.amount.currency)}</span> : null}
              >
                <List.Item.Meta
                  title={
                    <Link to={`/${isLead ? 'leads' : 'opportunities'}/${encodeURIComponent(r.id)}`} data-testid="analytics-drill-link">
                      {r.name ?? r.id.slice(0, 8)}
                    </Link>
                  }
                  description={
                    <>
                      <Tag color={isLead ? LEAD_COLORS[r.status as LeadStatus] : DEAL_COLORS[r.status as OpportunityStatus]}>
                        {isLead ? leadLabels.status(r.status) : dealLabels.status(r.status)}
                      </Tag>
                      {r.ownerId ? (names.get(r.ownerId) ?? '') : ''}
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Drawer>
  );
}
