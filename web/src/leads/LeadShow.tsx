import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Skeleton, Space, Tabs, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import { ApartmentOutlined, BranchesOutlined, EditOutlined, PhoneOutlined, SwapOutlined } from '@ant-design/icons';
import { Link, useParams, useSearchParams } from 'react-router';
import { leadRecordsApi, type LeadAction, type LeadRecord, type SimpleLeadAction } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { accessLevel, can } from '../auth/permissions';
import { useMe } from '../auth/session-context';
import { formatDateTime, formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { DuplicateWarning } from '../duplicates/DuplicateWarning';
import { EnrichButton } from '../enrichment/EnrichButton';
import { PredictiveScoreExplanation } from '../scoring/PredictiveScoreExplanation';
import { ScoreExplanation } from '../scoring/ScoreExplanation';
import { INDUSTRIES } from '../shared/industries';
import { labelOf } from '../shared/labelled-options';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { PROVINCES, REGIONS } from '../shared/regions';
import { useIsPhone } from '../shared/use-is-phone';
import { AssignModal } from './AssignModal';
import { ConvertLeadDialog } from './ConvertLeadDialog';
import { allowedActions, needsReason, type ReasonAction } from './lead-actions';
import { LEAD_SOURCES, PRODUCT_LINES } from './lead-sources';
import { LeadForm } from './LeadForm';
import { LeadScoreBadge, LeadStatusTag } from './LeadStatusTag';
import { ReasonModal } from './ReasonModal';
import { StatusHistory } from './StatusHistory';
import { useLeadLabels } from './use-lead-labels';
import { useLeadMutations } from './use-lead-mutations';
import './leads.css';

const TABS = ['history', 'details', 'score'] as const;
type LeadTab = (typeof TABS)[number];
const isLeadTab = (value: string | null): value is LeadTab => value !== null && (TABS as readonly string[]).includes(value);

/** Actions that move a lead forward get the primary button. */
const PRIMARY: ReadonlySet<LeadAction> = new Set(['accept', 'qualify', 'promote', 'reopen']);

const ACTION_KEYS: Record<SimpleLeadAction, MessageKey> = {
  promote: 'lead.action.promote',
  accept: 'lead.action.accept',
  reject: 'lead.action.reject',
  qualify: 'lead.action.qualify',
  'return-to-nurture': 'lead.action.return-to-nurture',
  disqualify: 'lead.action.disqualify',
  reopen: 'lead.action.reopen',
};

/** The lead page: facts, status history, score explanation, and the lifecycle actions. */
export function LeadShow() {
  const { id = '' } = useParams();
  const lead = useQuery({ queryKey: queryKeys.detail('leads', id), queryFn: ({ signal }) => leadRecordsApi.get(id, signal) });
  if (lead.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (lead.isError) return <QueryErrorResult error={lead.error} onRetry={() => void lead.refetch()} />;
  return <LeadRecordView lead={lead.data} key={lead.data.id} />;
}

function LeadRecordView({ lead }: { lead: LeadRecord }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const isPhone = useIsPhone();
  const labels = useLeadLabels();
  const mutations = useLeadMutations();
  const [search, setSearch] = useSearchParams();
  const [asking, setAsking] = useState<ReasonAction | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [editing, setEditing] = useState(false);
  const [converting, setConverting] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const history = useQuery({ queryKey: queryKeys.leadHistory(lead.id), queryFn: ({ signal }) => leadRecordsApi.history(lead.id, signal) });
  const canUpdate = can(me.permissions, 'leads', 'update');
  const canRoute = accessLevel(me.permissions, 'leads', 'update') === 'all' && can(me.permissions, 'assignment_rules', 'read');
  const tabParam = search.get('tab');
  const tab: LeadTab = isLeadTab(tabParam) ? tabParam : 'history';
  const empty = t('common.empty');
  const orEmpty = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? empty : v);
  const closed = lead.status === 'converted';
  const canConvert = allowedActions(lead.status).includes('convert') && can(me.permissions, 'contacts', 'create');

  const run = async (key: string, call: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await call();
    } catch {
      // shown by the mutation
    } finally {
      setBusy(null);
    }
  };

  const actions = allowedActions(lead.status).filter((a): a is SimpleLeadAction => a !== 'convert');
  const location = [labelOf(REGIONS, lead.region, locale), labelOf(PROVINCES, lead.province, locale), lead.city].filter(Boolean).join(' · ');

  const facts: DescriptionsProps['items'] = [
    { key: 'company', label: t('lead.company'), children: orEmpty(lead.company) },
    { key: 'title', label: t('lead.title'), children: orEmpty(lead.title) },
    {
      key: 'phone',
      label: t('lead.phone'),
      children: lead.phone ? (
        <a href={`tel:${lead.phone}`}>
          <PhoneOutlined /> {lead.phone}
        </a>
      ) : (
        empty
      ),
    },
    { key: 'email', label: t('lead.email'), children: lead.email ? <a href={`mailto:${lead.email}`}>{lead.email}</a> : empty },
    { key: 'owner', label: t('common.owner'), children: orEmpty(lead.ownerName ?? (lead.inRoutingQueue ? t('lead.inRoutingQueue') : null)) },
    { key: 'location', label: t('lead.region'), children: orEmpty(location) },
  ];

  const details: DescriptionsProps['items'] = [
    { key: 'name', label: t('lead.name'), children: lead.name },
    ...facts,
    { key: 'industry', label: t('lead.industry'), children: orEmpty(labelOf(INDUSTRIES, lead.industry, locale)) },
    { key: 'headcount', label: t('lead.headcount'), children: orEmpty(formatInteger(lead.headcount, locale)) },
    { key: 'productInterest', label: t('lead.productInterest'), children: orEmpty(labelOf(PRODUCT_LINES, lead.productInterest, locale)) },
    { key: 'source', label: t('lead.source'), children: orEmpty(labelOf(LEAD_SOURCES, lead.source, locale)) },
    { key: 'assignedAt', label: t('lead.assignedAt'), children: orEmpty(formatDateTime(lead.assignedAt, locale, me.tenant.timezone)) },
    { key: 'becameMqlAt', label: t('lead.becameMqlAt'), children: orEmpty(formatDateTime(lead.becameMqlAt, locale, me.tenant.timezone)) },
    { key: 'becameSqlAt', label: t('lead.becameSqlAt'), children: orEmpty(formatDateTime(lead.becameSqlAt, locale, me.tenant.timezone)) },
    { key: 'lastReason', label: t('lead.lastReason'), children: orEmpty(labels.reasonText(lead.lastReason)) },
    { key: 'description', label: t('lead.description'), children: orEmpty(lead.description) },
    { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(lead.createdAt, locale, me.tenant.timezone) },
  ];

  return (
    <div data-testid="lead-show">
      <PageHeader
        backTo="/leads"
        testId="lead-header"
        title={<span data-testid="lead-name">{lead.name}</span>}
        subtitle={
          <Space size={[4, 4]} wrap>
            <LeadStatusTag status={lead.status} />
            <LeadScoreBadge score={lead.score} grade={lead.grade} />
            {lead.inRoutingQueue ? <Tag color="orange">{t('lead.inRoutingQueue')}</Tag> : null}
            {lead.source ? <Tag>{labelOf(LEAD_SOURCES, lead.source, locale)}</Tag> : null}
          </Space>
        }
        actions={
          canUpdate && !closed ? (
            <Space wrap>
              {actions.map((action) => (
                <Button
                  key={action}
                  type={PRIMARY.has(action) ? 'primary' : 'default'}
                  danger={action === 'disqualify'}
                  loading={busy === action}
                  onClick={() => (needsReason(action) ? setAsking(action) : void run(action, () => mutations.act(lead.id, action)))}
                  data-testid={`lead-action-${action}`}
                >
                  {t(ACTION_KEYS[action])}
                </Button>
              ))}
              {canConvert ? (
                <Button type="primary" icon={<SwapOutlined />} onClick={() => setConverting(true)} data-testid="lead-convert">
                  {t('convert.button')}
                </Button>
              ) : null}
              <Button icon={<ApartmentOutlined />} onClick={() => setAssigning(true)} data-testid="lead-assign">
                {t('lead.action.assign')}
              </Button>
              {canRoute ? (
                <Button
                  icon={<BranchesOutlined />}
                  loading={busy === 'route'}
                  onClick={() => void run('route', () => mutations.route(lead.id))}
                  data-testid="lead-route"
                >
                  {t('routingQueue.route')}
                </Button>
              ) : null}
              <EnrichButton id={lead.id} />
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="lead-edit">
                {t('action.edit')}
              </Button>
            </Space>
          ) : null
        }
      />

      {closed ? (
        <Alert
          type="success"
          showIcon
          className="l2c-section"
          data-testid="lead-converted"
          title={t('convert.convertedInto', { date: formatDateTime(lead.convertedAt ?? lead.statusChangedAt, locale, me.tenant.timezone) })}
          description={
            <Space wrap>
              {lead.convertedAccountId ? <Link to={`/accounts/${lead.convertedAccountId}`} data-testid="lead-converted-account">{t('convert.openAccount')}</Link> : null}
              {lead.convertedContactId ? <Link to={`/contacts/${lead.convertedContactId}`} data-testid="lead-converted-contact">{t('convert.openContact')}</Link> : null}
              {lead.convertedOpportunityId ? (
                <Link to={`/opportunities/${lead.convertedOpportunityId}`} data-testid="lead-converted-opportunity">{t('convert.openOpportunity')}</Link>
              ) : null}
            </Space>
          }
        />
      ) : null}

      {lead.inRoutingQueue && lead.lastReason ? (
        <Alert
          type="warning"
          showIcon
          className="l2c-section"
          title={t('lead.queuedBecause', { reason: labels.reasonText(lead.lastReason) })}
          data-testid="lead-queued-alert"
        />
      ) : null}

      {closed ? null : <DuplicateWarning object="leads" id={lead.id} />}

      <Card className="l2c-section" size="small">
        <Descriptions
          items={facts}
          column={isPhone ? 1 : { md: 2, lg: 3, xl: 3, xxl: 6 }}
          size="small"
          layout={isPhone ? 'horizontal' : 'vertical'}
          data-testid="lead-facts"
        />
      </Card>

      <Card className="l2c-section">
        <Tabs
          activeKey={tab}
          onChange={(key) =>
            setSearch(
              (current) => {
                const next = new URLSearchParams(current);
                next.set('tab', key);
                return next;
              },
              { replace: true },
            )
          }
          items={[
            {
              key: 'history',
              label: <span data-testid="lead-tab-history">{t('lead.tabHistory')}</span>,
              children: (
                <StatusHistory
                  entries={history.data?.data}
                  isLoading={history.isPending}
                  error={history.isError ? history.error : undefined}
                  onRetry={() => void history.refetch()}
                />
              ),
            },
            {
              key: 'details',
              label: <span data-testid="lead-tab-details">{t('lead.tabDetails')}</span>,
              children: <Descriptions items={details} column={isPhone ? 1 : 2} bordered size="small" data-testid="lead-details" />,
            },
            {
              key: 'score',
              label: <span data-testid="lead-tab-score">{t('lead.tabScore')}</span>,
              children: (
                <>
                  <ScoreExplanation leadId={lead.id} bordered={false} />
                  <PredictiveScoreExplanation leadId={lead.id} />
                </>
              ),
            },
          ]}
        />
      </Card>

      <ReasonModal
        action={asking}
        leadName={lead.name}
        onClose={() => setAsking(null)}
        onSubmit={async (reason) => {
          if (!asking) return;
          await mutations.act(lead.id, asking, reason);
          setAsking(null);
        }}
      />
      <AssignModal
        open={assigning}
        leadName={lead.name}
        initial={{ ownerId: lead.ownerId, ownerName: lead.ownerName, teamId: lead.teamId }}
        onClose={() => setAssigning(false)}
        onSubmit={async (target) => {
          await mutations.assign(lead.id, target);
          setAssigning(false);
        }}
      />
      <LeadForm open={editing} lead={lead} onClose={() => setEditing(false)} />
      {canConvert ? <ConvertLeadDialog lead={lead} open={converting} onClose={() => setConverting(false)} /> : null}
    </div>
  );
}
