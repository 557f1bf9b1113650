import { useState, type ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Drawer, List, Skeleton, Statistic, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { analyticsApi, type AnalyticsFilters, type DrillLink, type FunnelDrill } from '../api/analytics';
import type { LeadStatus } from '../api/leads';
import type { OpportunityStatus } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { STATUS_COLORS as LEAD_COLORS, useLeadLabels } from '../leads/use-lead-labels';
import { STATUS_COLORS as DEAL_COLORS, useDealLabels } from '../opportunities/use-deal-labels';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useIsPhone } from '../shared/use-is-phone';
import { useUserNames } from '../shared/use-user-names';
import { ExportButtons } from './ExportButtons';
import { useAnalyticsFormat } from './use-analytics-format';

/** Objects with a record page the drawer's entries open. */
const RECORD_PAGES: Readonly<Record<string, string>> = { leads: '/leads', opportunities: '/opportunities', accounts: '/accounts', contacts: '/contacts' };

export interface DrillTarget {
  /** What the drawer's title says: the step or figure drilled into. */
  title: string;
  /** The react-query identity of the records. */
  key: object;
  fetch: (signal: AbortSignal) => Promise<FunnelDrill>;
  /** The same records as a CSV/Excel download. */
  exportTo?: { path: string; filters: AnalyticsFilters; extra?: Record<string, string | undefined> };
}

/** A figure's drill link (the answer names where its records are) as what the drawer opens. */
export const linkTarget = (title: string, link: DrillLink): DrillTarget => ({
  title,
  key: link,
  fetch: (signal) => analyticsApi.drill(link, signal),
  exportTo: { path: link.path.replace(/^\/api\/v1/, ''), filters: {}, extra: link.query },
});

/** Opens the drawer on a figure's records; absent where a view does not drill. */
export type OnDrill = (target: DrillTarget) => void;

interface DrillNumberProps {
  value: ReactNode;
  link: DrillLink | undefined;
  title: string;
  onOpen?: OnDrill;
  testId?: string;
}

/** A figure that opens the records behind it, when the answer gives a drill link. */
export function DrillNumber({ value, link, title, onOpen, testId }: DrillNumberProps) {
  if (!link || !onOpen) return <>{value}</>;
  return (
    <Button type="link" size="small" className="l2c-analytics-drill-number" onClick={() => onOpen(linkTarget(title, link))} data-testid={testId}>
      {value}
    </Button>
  );
}

/** A headline figure (antd Statistic) that drills like DrillNumber; `data-amount` carries the exact amount for tests and copying. */
export function DrillStatistic({ label, value, amount, title, testId, ...drill }: Omit<DrillNumberProps, 'value' | 'title'> & {
  label: string;
  value: string;
  amount?: string | null;
  /** The drawer's title; default the label. */
  title?: string;
}) {
  return (
    <Statistic
      title={label}
      value={value}
      valueRender={(node) => <DrillNumber value={node} title={title ?? label} {...drill} testId={testId && `${testId}-drill`} />}
      data-testid={testId}
      data-amount={amount ?? undefined}
    />
  );
}

/** A view's drawer and the handler its figures open it with: `{drawer}` goes once below the figures. */
export function useDrillDrawer(): { onDrill: OnDrill; drawer: ReactNode } {
  const [target, setTarget] = useState<DrillTarget | null>(null);
  return { onDrill: setTarget, drawer: <DrillDrawer target={target} onClose={() => setTarget(null)} /> };
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
  const page = data ? RECORD_PAGES[data.object] : undefined;
  return (
    <Drawer
      open={!!target}
      onClose={onClose}
      title={target?.title}
      extra={target?.exportTo ? <ExportButtons {...target.exportTo} testId="analytics-drill-export" /> : null}
      size={phone ? '100%' : 520}
      destroyOnHidden
      data-testid="analytics-drill"
    >
      {records.isPending ? <Skeleton active /> : null}
      {records.isError ? <QueryErrorResult error={records.error} onRetry={() => void records.refetch()} /> : null}
      {data ? (
        <>
          <Typography.Paragraph type="secondary" data-testid="analytics-drill-count">
            {t(isLead ? 'analytics.drill.leads' : data.object === 'opportunities' ? 'analytics.drill.deals' : 'analytics.drill.records', {
              count: format.count(data.records.length),
            })}
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
                    page ? (
                      <Link to={`${page}/${encodeURIComponent(r.id)}`} data-testid="analytics-drill-link">
                        {r.name ?? r.subject ?? r.id.slice(0, 8)}
                      </Link>
                    ) : (
                      (r.name ?? r.subject ?? r.id.slice(0, 8))
                    )
                  }
                  description={
                    <>
                      {r.status ? (
                        <Tag color={isLead ? LEAD_COLORS[r.status as LeadStatus] : DEAL_COLORS[r.status as OpportunityStatus]}>
                          {isLead ? leadLabels.status(r.status) : data.object === 'opportunities' ? dealLabels.status(r.status) : r.status}
                        </Tag>
                      ) : null}
                      {[r.accountName, r.ownerId ? names.get(r.ownerId) : null, r.closeDate ? formatDate(r.closeDate, format.locale) : null, r.at ? formatDateTime(r.at, format.locale) : null]
                        .filter(Boolean)
                        .join(' · ')}
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
