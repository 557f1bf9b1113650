import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Drawer, Table, Tag, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { webhooksApi } from '../api/resources';
import type { Webhook, WebhookDelivery, WebhookDeliveryStatus } from '../api/types';
import { useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useIsPhone } from '../shared/use-is-phone';

const STATUS: Record<WebhookDeliveryStatus, { color: string; label: MessageKey }> = {
  pending: { color: 'default', label: 'webhook.status.pending' },
  retrying: { color: 'orange', label: 'webhook.status.retrying' },
  succeeded: { color: 'green', label: 'webhook.status.succeeded' },
  failed: { color: 'red', label: 'webhook.status.failed' },
};

/** The delivery log of one webhook, newest first: event, outcome, HTTP status, attempts, next retry. */
export function WebhookDeliveries({ webhook, onClose }: { webhook: Webhook | null; onClose: () => void }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const isPhone = useIsPhone();
  const timeZone = me.tenant.timezone;
  const id = webhook?.id ?? '';
  const deliveries = useInfiniteQuery({
    queryKey: queryKeys.webhookDeliveries(id),
    queryFn: ({ pageParam, signal }) => webhooksApi.deliveries(id, { limit: 50, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: webhook !== null,
  });
  const rows = deliveries.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <Drawer
      open={webhook !== null}
      onClose={onClose}
      title={t('webhook.deliveriesOf', { url: webhook?.url ?? '' })}
      size={isPhone ? '100%' : 880}
      destroyOnHidden
      data-testid="webhook-deliveries"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void deliveries.refetch()} loading={deliveries.isFetching}>
          {t('action.refresh')}
        </Button>
      }
    >
      {deliveries.isError ? (
        <QueryErrorResult error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : (
        <>
          <Table<WebhookDelivery>
            rowKey="id"
            size="small"
            loading={deliveries.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: t('webhook.noDeliveries') }}
            expandable={{
              rowExpandable: (d) => Boolean(d.responseSnippet || d.lastError),
              expandedRowRender: (d) => (
                <Typography.Paragraph className="l2c-mono l2c-break">{d.lastError ?? d.responseSnippet}</Typography.Paragraph>
              ),
            }}
            columns={[
              { key: 'createdAt', title: t('webhook.time'), render: (_v, d) => formatDateTime(d.createdAt, locale, timeZone) },
              { key: 'event', title: t('webhook.event'), render: (_v, d) => <code>{d.eventType}</code> },
              {
                key: 'status',
                title: t('webhook.status'),
                render: (_v, d) => (
                  <Tag color={STATUS[d.status]?.color ?? 'default'} data-testid="webhook-delivery-status">
                    {STATUS[d.status] ? t(STATUS[d.status].label) : d.status}
                  </Tag>
                ),
              },
              { key: 'code', title: t('webhook.httpStatus'), render: (_v, d) => d.lastStatusCode ?? '—' },
              { key: 'attempts', title: t('webhook.attempts'), render: (_v, d) => d.attempts },
              {
                key: 'next',
                title: t('webhook.nextAttempt'),
                render: (_v, d) => (d.nextAttemptAt ? formatDateTime(d.nextAttemptAt, locale, timeZone) : '—'),
              },
            ]}
          />
          {deliveries.hasNextPage ? (
            <div className="l2c-load-more">
              <Button onClick={() => void deliveries.fetchNextPage()} loading={deliveries.isFetchingNextPage}>
                {t('table.loadMore')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </Drawer>
  );
}
