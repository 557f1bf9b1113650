import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Input, Modal, Row, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { opportunitiesApi, type Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useCan } from '../auth/session-context';
import { BattleMap } from '../battle-map/BattleMap';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DeleteButton } from '../shared/DeleteButton';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useTabParam } from '../shared/use-tab-param';
import { CloseDealDialog } from './CloseDealDialog';
import { DealActivities } from './DealActivities';
import { DealContacts } from './DealContacts';
import { DealDocuments } from './DealDocuments';
import { DealSource } from './DealSource';
import { BantCard, DealFigures } from './DealFigures';
import { LineItemsEditor } from './LineItemsEditor';
import { OpportunityForm } from './OpportunityForm';
import { StageHistory } from './StageHistory';
import { StagePanel } from './StagePanel';
import { STATUS_COLORS, useDealLabels } from './use-deal-labels';
import { useSalesProcesses } from './use-deal-data';
import { useDealUpdate } from './use-deal-update';
import './opportunities.css';

const TABS = ['battle-map', 'products', 'contacts', 'documents', 'history', 'activities'] as const;

/** The deal page: stage and what it needs, figures, BANT, and the deal's products, people, papers and history. */
export function OpportunityShow() {
  const { id = '' } = useParams();
  const deal = useQuery({ queryKey: queryKeys.detail('opportunities', id), queryFn: ({ signal }) => opportunitiesApi.get(id, signal) });
  if (deal.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (deal.isError) return <QueryErrorResult error={deal.error} onRetry={() => void deal.refetch()} />;
  return <DealRecord deal={deal.data} key={deal.data.id} />;
}

function DealRecord({ deal }: { deal: Opportunity }) {
  const { t, locale } = useI18n();
  const labels = useDealLabels();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const processes = useSalesProcesses();
  const [tab, setTab] = useTabParam(TABS, 'products');
  const canUpdate = useCan('opportunities', 'update');
  const canDelete = useCan('opportunities', 'delete');
  const [editing, setEditing] = useState(false);
  const [closing, setClosing] = useState<'won' | 'lost' | null>(null);
  const [reopening, setReopening] = useState(false);
  const process = processes.data?.find((p) => p.id === deal.processId);
  const open = deal.status === 'open';

  return (
    <div data-testid="deal-show" className="l2c-deal-page">
      <PageHeader
        backTo="/opportunities"
        testId="deal-header"
        title={<span data-testid="deal-name">{deal.name}</span>}
        subtitle={
          <Space size={[4, 4]} wrap>
            <Link to={`/accounts/${deal.accountId}`}>{deal.accountName}</Link>
            <Tag color={STATUS_COLORS[deal.status]} data-testid="deal-status" data-status={deal.status}>{labels.status(deal.status)}</Tag>
            {process ? <Tag>{process.name}</Tag> : null}
            {deal.status === 'won' && deal.closedAt ? <Typography.Text type="secondary">{t('deal.closed.won', { date: formatDate(deal.closedAt, locale) })}</Typography.Text> : null}
            {deal.status === 'lost' && deal.closedAt ? (
              <Typography.Text type="secondary" data-testid="deal-lost-reason">
                {t('deal.closed.lost', { date: formatDate(deal.closedAt, locale), reason: deal.lossReasonLabel ?? deal.lossReason ?? '' })}
                {deal.closeCompetitor ? ` · ${deal.closeCompetitor}` : ''}
              </Typography.Text>
            ) : null}
          </Space>
        }
        actions={
          canUpdate ? (
            <Space wrap>
              {open ? (
                <>
                  <Button icon={<CheckCircleOutlined />} onClick={() => setClosing('won')} data-testid="deal-close-won">
                    {t('deal.closeWon')}
                  </Button>
                  <Button danger icon={<CloseCircleOutlined />} onClick={() => setClosing('lost')} data-testid="deal-close-lost">
                    {t('deal.closeLost')}
                  </Button>
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit">
                    {t('action.edit')}
                  </Button>
                </>
              ) : (
                <Button icon={<RollbackOutlined />} onClick={() => setReopening(true)} data-testid="deal-reopen">
                  {t('deal.reopen')}
                </Button>
              )}
              {canDelete ? (
                <DeleteButton
                  name={deal.name}
                  testId="deal-delete"
                  onDelete={() => opportunitiesApi.remove(deal.id, deal.version)}
                  onDeleted={() => {
                    void queryClient.invalidateQueries({ queryKey: queryKeys.all('opportunities') });
                    void navigate('/opportunities', { replace: true });
                  }}
                />
              ) : null}
            </Space>
          ) : null
        }
      />

      <StagePanel deal={deal} process={process} />
      <DealFigures deal={deal} />
      <Row gutter={[12, 0]}>
        <Col xs={24} lg={12}>
          <BantCard deal={deal} onEdit={canUpdate ? () => setEditing(true) : undefined} />
        </Col>
        <Col xs={24} lg={12}>
          {deal.description ? (
            <Card className="l2c-section" size="small" title={t('deal.description')}>
              <Typography.Paragraph className="l2c-pre-wrap">{deal.description}</Typography.Paragraph>
            </Card>
          ) : null}
          <DealSource deal={deal} />
        </Col>
      </Row>

      <Card className="l2c-section">
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            { key: 'products', label: <span data-testid="deal-tab-products">{t('deal.tab.lineItems')}</span>, children: <LineItemsEditor deal={deal} /> },
            { key: 'contacts', label: <span data-testid="deal-tab-contacts">{t('deal.tab.contacts')}</span>, children: <DealContacts deal={deal} /> },
            { key: 'battle-map', label: <span data-testid="deal-tab-battle-map">{t('deal.tab.battleMap')}</span>, children: <BattleMap opportunityId={deal.id} /> },
            { key: 'documents', label: <span data-testid="deal-tab-documents">{t('deal.tab.documents')}</span>, children: <DealDocuments deal={deal} /> },
            { key: 'history', label: <span data-testid="deal-tab-history">{t('deal.tab.history')}</span>, children: <StageHistory dealId={deal.id} /> },
            { key: 'activities', label: <span data-testid="deal-tab-activities">{t('deal.tab.activities')}</span>, children: <DealActivities dealId={deal.id} accountId={deal.accountId} /> },
          ]}
        />
      </Card>

      <OpportunityForm open={editing} deal={deal} onClose={() => setEditing(false)} />
      <CloseDealDialog deal={deal} outcome={closing} onClose={() => setClosing(null)} />
      {reopening ? <ReopenModal deal={deal} onClose={() => setReopening(false)} /> : null}
    </div>
  );
}

function ReopenModal({ deal, onClose }: { deal: Opportunity; onClose: () => void }) {
  const { t } = useI18n();
  const { apply } = useDealUpdate(deal);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    setSaving(true);
    try {
      await apply(() => opportunitiesApi.reopen(deal.id, reason.trim() || undefined), t('deal.reopened'));
      onClose();
    } catch {
      // shown by useDealUpdate
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal open title={t('deal.reopen')} onCancel={onClose} onOk={() => void submit()} okButtonProps={{ loading: saving }}>
      <Typography.Text type="secondary">{t('deal.reopenReason')}</Typography.Text>
      <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} data-testid="deal-reopen-reason" />
    </Modal>
  );
}
