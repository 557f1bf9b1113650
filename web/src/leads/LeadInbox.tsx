import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Skeleton, Tag, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, PhoneOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { leadRecordsApi, type InboxLead } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { formatRelative } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { labelOf } from '../shared/labelled-options';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { REGIONS } from '../shared/regions';
import type { ReasonAction } from './lead-actions';
import { LEAD_SOURCES, PRODUCT_LINES } from './lead-sources';
import { LeadScoreBadge } from './LeadStatusTag';
import { LeadsNav } from './LeadsNav';
import { ReasonModal } from './ReasonModal';
import { slaState } from './sla';
import { useLeadMutations } from './use-lead-mutations';
import './leads.css';

/** Ticks once a minute so deadlines read "in 12 minutes" without a reload. */
function useNow(intervalMs = 60_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

/**
 * The rep's inbox (JOURNEYS.md 3): the leads assigned to them, longest waiting first. Accept in
 * one tap; reject (back to marketing's routing queue) or return to nurture with a reason.
 */
export function LeadInbox() {
  const { t } = useI18n();
  const inbox = useQuery({ queryKey: queryKeys.leadInbox(), queryFn: ({ signal }) => leadRecordsApi.inbox(signal) });
  const mutations = useLeadMutations();
  const [asking, setAsking] = useState<{ lead: InboxLead; action: ReasonAction } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const now = useNow();

  const accept = async (lead: InboxLead) => {
    setBusy(lead.id);
    try {
      await mutations.act(lead.id, 'accept');
    } catch {
      // shown by the mutation
    } finally {
      setBusy(null);
    }
  };

  const leads = inbox.data?.data ?? [];
  return (
    <div data-testid="lead-inbox-page">
      <LeadsNav active="inbox" />
      <PageHeader
        title={t('leadInbox.title')}
        subtitle={inbox.data ? <span data-testid="lead-inbox-count">{t('leadInbox.subtitle', { count: leads.length })}</span> : null}
      />
      {inbox.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {inbox.isError ? <QueryErrorResult error={inbox.error} onRetry={() => void inbox.refetch()} /> : null}
      {inbox.data && leads.length === 0 ? <Empty description={t('leadInbox.empty')} data-testid="lead-inbox-empty" /> : null}
      <div className="l2c-inbox-list" data-testid="lead-inbox">
        {leads.map((lead) => (
          <InboxCard
            key={lead.id}
            lead={lead}
            now={now}
            slaHours={inbox.data?.slaHours ?? null}
            busy={busy === lead.id}
            onAccept={() => void accept(lead)}
            onAsk={(action) => setAsking({ lead, action })}
          />
        ))}
      </div>
      <ReasonModal
        action={asking?.action ?? null}
        leadName={asking?.lead.name ?? ''}
        onClose={() => setAsking(null)}
        onSubmit={async (reason) => {
          if (!asking) return;
          await mutations.act(asking.lead.id, asking.action, reason);
          setAsking(null);
        }}
      />
    </div>
  );
}

interface InboxCardProps {
  lead: InboxLead;
  now: Date;
  slaHours: number | null;
  busy: boolean;
  onAccept: () => void;
  onAsk: (action: ReasonAction) => void;
}

function InboxCard({ lead, now, slaHours, busy, onAccept, onAsk }: InboxCardProps) {
  const { t, locale } = useI18n();
  const state = slaState(lead.slaDueAt, now, slaHours);
  const since = lead.assignedAt ?? lead.statusChangedAt;
  const facts = [
    labelOf(REGIONS, lead.region, locale),
    lead.province,
    labelOf(PRODUCT_LINES, lead.productInterest, locale),
    labelOf(LEAD_SOURCES, lead.source, locale),
  ].filter(Boolean);

  return (
    <Card size="small" className="l2c-inbox-card" data-testid="inbox-card" data-lead-id={lead.id} data-lead-name={lead.name}>
      <div className="l2c-inbox-card-head">
        <div>
          <div className="l2c-inbox-card-name">{lead.name}</div>
          {lead.company || lead.title ? (
            <Typography.Text type="secondary">{[lead.company, lead.title].filter(Boolean).join(' · ')}</Typography.Text>
          ) : null}
        </div>
        <LeadScoreBadge score={lead.score} grade={lead.grade} />
      </div>
      {facts.length > 0 ? (
        <div className="l2c-inbox-facts">
          {facts.map((fact) => (
            <Tag key={fact}>{fact}</Tag>
          ))}
        </div>
      ) : null}
      <div className={`l2c-sla-${state}`} data-testid="inbox-sla" data-sla={state}>
        {state === 'none'
          ? t('leadInbox.assigned', { when: formatRelative(since, now, locale) })
          : state === 'breached'
            ? t('leadInbox.overdue', { when: formatRelative(lead.slaDueAt!, now, locale) })
            : t('leadInbox.dueIn', { when: formatRelative(lead.slaDueAt!, now, locale) })}
      </div>
      <div className="l2c-inbox-card-head">
        {lead.phone ? (
          <Button type="link" icon={<PhoneOutlined />} href={`tel:${lead.phone}`} className="l2c-inbox-call" data-testid="inbox-call">
            {lead.phone}
          </Button>
        ) : (
          <span />
        )}
        <Link to={`/leads/${lead.id}`} data-testid="inbox-open">
          {t('leadInbox.open')}
        </Link>
      </div>
      <div className="l2c-inbox-actions">
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={busy}
          onClick={onAccept}
          className="l2c-inbox-accept"
          data-testid="inbox-accept"
        >
          {t('leadInbox.accept')}
        </Button>
        <Button icon={<CloseOutlined />} onClick={() => onAsk('reject')} disabled={busy} data-testid="inbox-reject">
          {t('leadInbox.reject')}
        </Button>
        <Button icon={<RollbackOutlined />} onClick={() => onAsk('return-to-nurture')} disabled={busy} data-testid="inbox-return">
          {t('leadInbox.return')}
        </Button>
      </div>
    </Card>
  );
}
