import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Skeleton, Space, Tag, Typography } from 'antd';
import { ApartmentOutlined, BranchesOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { assignmentApi, leadRecordsApi, type LeadRecord, type RoutePreviewRow } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { formatRelative } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { labelOf } from '../shared/labelled-options';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { REGIONS } from '../shared/regions';
import { useDebouncedValue } from '../shared/use-debounced-value';
import { AssignModal } from './AssignModal';
import { LEAD_SOURCES, PRODUCT_LINES } from './lead-sources';
import { LeadScoreBadge, LeadStatusTag } from './LeadStatusTag';
import { LeadsNav } from './LeadsNav';
import { useLeadLabels } from './use-lead-labels';
import { useLeadMutations } from './use-lead-mutations';
import './leads.css';

const PAGE = 200;

/**
 * Marketing operations' routing queue: leads reps rejected and leads no rule could place, with
 * why they are here and where the rules would send them now. Route by the rules, or by hand.
 */
export function RoutingQueue() {
  const { t } = useI18n();
  const me = useMe();
  const [text, setText] = useState('');
  const q = useDebouncedValue(text, 300);
  const mutations = useLeadMutations();
  const [assigning, setAssigning] = useState<LeadRecord | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const canPreview = can(me.permissions, 'assignment_rules', 'read');

  const queue = useQuery({
    queryKey: queryKeys.routingQueue(q),
    queryFn: ({ signal }) => leadRecordsApi.routingQueue({ q, limit: PAGE }, signal),
  });
  const preview = useQuery({
    queryKey: queryKeys.routingPreview(),
    queryFn: () => assignmentApi.preview({}),
    enabled: canPreview,
  });
  const previewByLead = useMemo(() => new Map((preview.data?.data ?? []).map((row) => [row.leadId, row])), [preview.data]);

  const route = async (lead: LeadRecord) => {
    setBusy(lead.id);
    try {
      await mutations.route(lead.id);
    } catch {
      // shown by the mutation
    } finally {
      setBusy(null);
    }
  };

  const leads = queue.data?.data ?? [];
  return (
    <div data-testid="routing-queue-page">
      <LeadsNav active="queue" />
      <PageHeader title={t('routingQueue.title')} subtitle={t('routingQueue.subtitle')} />
      <Input.Search
        allowClear
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={t('lead.searchPlaceholder')}
        className="l2c-section"
        data-testid="routing-queue-search"
      />
      {queue.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {queue.isError ? <QueryErrorResult error={queue.error} onRetry={() => void queue.refetch()} /> : null}
      {queue.data && leads.length === 0 ? <Empty description={t('routingQueue.empty')} /> : null}
      <div className="l2c-inbox-list" data-testid="routing-queue">
        {leads.map((lead) => (
          <QueueCard
            key={lead.id}
            lead={lead}
            preview={previewByLead.get(lead.id)}
            busy={busy === lead.id}
            onRoute={() => void route(lead)}
            onAssign={() => setAssigning(lead)}
          />
        ))}
      </div>
      <AssignModal
        open={assigning !== null}
        leadName={assigning?.name ?? ''}
        initial={assigning ? { ownerId: null, teamId: assigning.teamId } : undefined}
        onClose={() => setAssigning(null)}
        onSubmit={async (target) => {
          if (!assigning) return;
          await mutations.assign(assigning.id, target);
          setAssigning(null);
        }}
      />
    </div>
  );
}

interface QueueCardProps {
  lead: LeadRecord;
  preview: RoutePreviewRow | undefined;
  busy: boolean;
  onRoute: () => void;
  onAssign: () => void;
}

function QueueCard({ lead, preview, busy, onRoute, onAssign }: QueueCardProps) {
  const { t, locale } = useI18n();
  const labels = useLeadLabels();
  const facts = [
    labelOf(REGIONS, lead.region, locale),
    lead.province,
    labelOf(PRODUCT_LINES, lead.productInterest, locale),
    lead.headcount !== null ? t('routingQueue.headcount', { count: lead.headcount }) : '',
    labelOf(LEAD_SOURCES, lead.source, locale),
  ].filter(Boolean);
  return (
    <Card size="small" className="l2c-inbox-card" data-testid="routing-queue-card" data-lead-id={lead.id}>
      <div className="l2c-inbox-card-head">
        <div>
          <Link to={`/leads/${lead.id}`} className="l2c-inbox-card-name">
            {lead.name}
          </Link>
          {lead.company ? <div><Typography.Text type="secondary">{lead.company}</Typography.Text></div> : null}
        </div>
        <Space size={4}>
          <LeadStatusTag status={lead.status} />
          <LeadScoreBadge score={lead.score} grade={lead.grade} />
        </Space>
      </div>
      {facts.length > 0 ? (
        <div className="l2c-inbox-facts">
          {facts.map((fact) => (
            <Tag key={fact}>{fact}</Tag>
          ))}
        </div>
      ) : null}
      <div>
        <Typography.Text type="secondary">{t('routingQueue.reason')}: </Typography.Text>
        <Typography.Text data-testid="routing-queue-reason">{labels.reasonText(lead.lastReason) || t('common.empty')}</Typography.Text>
      </div>
      <Typography.Text type="secondary">{t('routingQueue.since', { when: formatRelative(lead.statusChangedAt, new Date(), locale) })}</Typography.Text>
      {preview ? (
        <div data-testid="routing-queue-preview">
          <Typography.Text type="secondary">{t('routingQueue.rulesSay')}: </Typography.Text>
          <Typography.Text strong>{preview.teamName ?? t('routingQueue.toQueue')}</Typography.Text>
          {preview.ruleName ? <Typography.Text type="secondary"> ({preview.ruleName})</Typography.Text> : null}
        </div>
      ) : null}
      <div className="l2c-inbox-actions">
        <Button type="primary" icon={<BranchesOutlined />} loading={busy} onClick={onRoute} data-testid="routing-queue-route">
          {t('routingQueue.route')}
        </Button>
        <Button icon={<ApartmentOutlined />} onClick={onAssign} disabled={busy} data-testid="routing-queue-assign">
          {t('routingQueue.assign')}
        </Button>
      </div>
    </Card>
  );
}
