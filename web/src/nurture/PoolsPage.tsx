import { useQuery } from '@tanstack/react-query';
import { Card, Empty, List, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { nurtureApi, nurtureKeys, type Pool } from '../api/nurture';
import { useMe } from '../auth/session-context';
import { formatDate, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { NurtureNav } from './NurtureNav';
import { useNurtureLabels } from './use-nurture-labels';
import './nurture.css';

const POOLS: Pool[] = ['warm', 'cold', 'recycled'];
const HELP: Record<Pool, MessageKey> = {
  warm: 'nurture.pool.warmHelp',
  cold: 'nurture.pool.coldHelp',
  recycled: 'nurture.pool.recycledHelp',
};
const COLORS: Record<Pool, string> = { warm: 'orange', cold: 'blue', recycled: 'purple' };

/** Leads marketing still owns, by maturity: warm, cold, and returned by sales. */
export function PoolsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useNurtureLabels();
  const pools = useQuery({ queryKey: nurtureKeys.pools(), queryFn: ({ signal }) => nurtureApi.pools(signal) });

  let body;
  if (pools.isPending) body = <Skeleton active paragraph={{ rows: 8 }} />;
  else if (pools.isError) body = <QueryErrorResult error={pools.error} onRetry={() => void pools.refetch()} />;
  else {
    const { thresholds } = pools.data;
    const params = { score: thresholds.warmMinScore, days: thresholds.coldInactiveDays };
    body = (
      <div className="l2c-pool-grid">
        {POOLS.map((pool) => {
          const data = pools.data.pools[pool];
          return (
            <Card key={pool} title={<Tag color={COLORS[pool]}>{labels.pool(pool)}</Tag>} data-testid={`nurture-pool-${pool}`}>
              <div className="l2c-pool-count" data-testid={`nurture-pool-${pool}-count`}>{formatInteger(data.count, locale)}</div>
              <Typography.Paragraph type="secondary">{t(HELP[pool], params)}</Typography.Paragraph>
              {data.leads.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('table.empty')} />
              ) : (
                <List
                  size="small"
                  dataSource={data.leads}
                  renderItem={(lead) => (
                    <List.Item extra={lead.score !== null ? <span className="l2c-number">{lead.score}</span> : null}>
                      <List.Item.Meta
                        title={<Link to={`/leads/${lead.id}`}>{lead.name}</Link>}
                        description={[lead.company, pool === 'recycled' ? lead.lastReason : null, formatDate(lead.statusChangedAt, locale, me.tenant.timezone)]
                          .filter(Boolean)
                          .join(' · ')}
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          );
        })}
      </div>
    );
  }

  return (
    <div data-testid="nurture-pools-page">
      <PageHeader title={t('nav.nurture')} subtitle={t('module.nurture')} />
      <NurtureNav active="pools" />
      {body}
    </div>
  );
}
