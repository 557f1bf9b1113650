import { useQuery } from '@tanstack/react-query';
import { Card, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { conversionApi } from '../api/conversion';
import { leadRecordsApi } from '../api/leads';
import type { Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';

/**
 * Where a converted deal came from: its lead and the lead's campaign touches (first touch first),
 * which the deal keeps for attribution. Nothing for a deal not converted from a lead.
 */
export function DealSource({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
  const leadId = deal.leadId;
  const lead = useQuery({
    queryKey: queryKeys.detail('leads', leadId ?? ''),
    queryFn: ({ signal }) => leadRecordsApi.get(leadId!, signal),
    enabled: !!leadId,
    retry: false,
  });
  const touches = useQuery({
    queryKey: [...queryKeys.detail('opportunities', deal.id), 'campaign-touches'],
    queryFn: ({ signal }) => conversionApi.campaignTouches(deal.id, signal),
    enabled: !!leadId,
  });
  if (!leadId) return null;
  const list = touches.data?.data ?? [];

  return (
    <Card className="l2c-section" size="small" title={t('deal.source.title')} data-testid="deal-source">
      <Typography.Paragraph>
        {t('deal.source.lead')}{' '}
        {/* The lead may be out of the rep's sight: the link still says where the deal came from. */}
        <Link to={`/leads/${encodeURIComponent(leadId)}`} data-testid="deal-source-lead">{lead.data?.name ?? t('deal.source.leadLink')}</Link>
      </Typography.Paragraph>
      {touches.isPending ? <Skeleton active paragraph={{ rows: 1 }} /> : touches.isError ? (
        <QueryErrorResult error={touches.error} onRetry={() => void touches.refetch()} />
      ) : list.length === 0 ? (
        <Typography.Text type="secondary">{t('deal.source.noTouches')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={list}
          data-testid="deal-source-touches"
          renderItem={(touch, index) => (
            <List.Item key={touch.id}>
              <Space wrap size={4}>
                <Typography.Text type="secondary">{formatDateTime(touch.at, locale)}</Typography.Text>
                {touch.campaignId ? (
                  <Link to={`/campaigns/${encodeURIComponent(touch.campaignId)}`}>{touch.campaignName ?? touch.campaignId}</Link>
                ) : null}
                <Tag>{touch.kind}</Tag>
                {index === 0 ? <Tag color="blue">{t('deal.source.firstTouch')}</Tag> : null}
                {index === list.length - 1 && list.length > 1 ? <Tag color="green">{t('deal.source.lastTouch')}</Tag> : null}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
