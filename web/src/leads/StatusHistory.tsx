import { Empty, Skeleton, Space, Timeline, Typography } from 'antd';
import type { LeadHistoryEntry, LeadStatus } from '../api/leads';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useUserNames } from '../shared/use-user-names';
import { LeadStatusTag } from './LeadStatusTag';
import { useLeadLabels } from './use-lead-labels';

interface StatusHistoryProps {
  entries: LeadHistoryEntry[] | undefined;
  isLoading: boolean;
  error?: unknown;
  onRetry: () => void;
}

const COLORS: Record<string, string> = {
  accept: 'green',
  qualify: 'green',
  convert: 'green',
  reject: 'red',
  disqualify: 'red',
  route: 'orange',
  'return-to-nurture': 'gold',
};

/** Every status change of the lead, newest first: what, who, when and why. */
export function StatusHistory({ entries, isLoading, error, onRetry }: StatusHistoryProps) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useLeadLabels();
  const names = useUserNames();
  if (isLoading) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (error) return <QueryErrorResult error={error} onRetry={onRetry} />;
  if (!entries || entries.length === 0) return <Empty description={t('lead.historyEmpty')} />;

  return (
    <Timeline
      data-testid="lead-history"
      items={[...entries].reverse().map((entry) => ({
        key: entry.id,
        color: COLORS[entry.action] ?? 'blue',
        children: (
          <div data-testid="lead-history-item" data-action={entry.action}>
            <Space wrap size={[6, 2]}>
              <Typography.Text strong>{labels.action(entry.action)}</Typography.Text>
              {entry.fromStatus && entry.fromStatus !== entry.toStatus ? (
                <>
                  <LeadStatusTag status={entry.fromStatus as LeadStatus} />→
                </>
              ) : null}
              {entry.fromStatus !== entry.toStatus ? <LeadStatusTag status={entry.toStatus as LeadStatus} /> : null}
            </Space>
            {entry.reason ? (
              <div>
                <Typography.Text>{entry.action === 'assign' ? t('lead.viaRule', { rule: entry.reason }) : labels.reasonText(entry.reason)}</Typography.Text>
              </div>
            ) : null}
            <Typography.Text type="secondary">
              {[entry.actorId ? (names.get(entry.actorId) ?? '') : t('lead.system'), formatDateTime(entry.at, locale, me.tenant.timezone)]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
