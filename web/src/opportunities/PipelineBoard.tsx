import { useMemo, useState, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Empty, Select, Skeleton, Space, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, WarningOutlined } from '@ant-design/icons';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  TouchSensor,
  pointerWithin,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import { Link, useSearchParams } from 'react-router';
import { MAX_BOARD_DEALS, opportunitiesApi, type Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import type { SalesProcess, Stage } from '../api/sales-processes';
import { useCan } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { formatMoneyCompact } from '../shared/money';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { CloseDealDialog } from './CloseDealDialog';
import { GateRefusedModal } from './GateRefusedModal';
import { PipelineFilterBar, usePipelineFilters } from './OpportunityList';
import { OpportunitiesNav } from './OpportunitiesNav';
import { boardColumns, dropIntent, totalsByCurrency, withDealAt } from './pipeline-math';
import { TotalsLine } from './PipelineTotals';
import { gateRefusal, knownGaps, type GateRefusal } from './stage-gaps';
import { activeProcesses, useSalesProcesses } from './use-deal-data';
import './opportunities.css';

/** The kanban: one sales process at a time, its open stages as columns, won and lost as drop zones. */
export function PipelineBoard() {
  const { t } = useI18n();
  const processes = useSalesProcesses();
  const [search, setSearch] = useSearchParams();
  const filters = usePipelineFilters();
  const options = activeProcesses(processes.data);
  const process = options.find((p) => p.id === search.get('process')) ?? options[0];

  const pickProcess = (id: string) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('process', id);
        return next;
      },
      { replace: true },
    );

  return (
    <div data-testid="deal-board-page" className="l2c-board-page">
      <PageHeader title={t('nav.opportunities')} />
      <OpportunitiesNav active="board" />
      <div className="l2c-board-process">
        <Typography.Text type="secondary">{t('board.process')}</Typography.Text>
        <Select
          value={process?.id}
          onChange={pickProcess}
          options={options.map((p) => ({ value: p.id, label: p.name }))}
          loading={processes.isPending}
          popupMatchSelectWidth={false}
          className="l2c-board-process-select"
          data-testid="board-process"
        />
      </div>
      <PipelineFilterBar filters={filters} showStage={false} showStatus={false} />
      {processes.isPending || !filters.teamsReady ? <Skeleton active /> : null}
      {processes.isError ? <QueryErrorResult error={processes.error} onRetry={() => void processes.refetch()} /> : null}
      {processes.isSuccess && !process ? <Empty description={t('board.noProcess')} /> : null}
      {process && filters.teamsReady ? <Board process={process} q={filters.list.q} filter={filters.apiFilter} /> : null}
    </div>
  );
}

interface BoardProps {
  process: SalesProcess;
  q: string;
  filter: Record<string, string | undefined>;
}

function Board({ process, q, filter }: BoardProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const canMove = useCan('opportunities', 'update');
  const params = { q, filter: { ...filter, processId: process.id, status: 'open', stageId: undefined } };
  const deals = useQuery({
    queryKey: queryKeys.pipelineBoard(process.id, params),
    queryFn: ({ signal }) => opportunitiesApi.listAll(params, MAX_BOARD_DEALS, signal),
  });
  /** Moves shown before the server confirms them; a refused move snaps back. */
  const [pending, setPending] = useState<Record<string, string>>({});
  const [refused, setRefused] = useState<{ deal: Opportunity; stage: Stage; refusal: GateRefusal } | null>(null);
  const [closing, setClosing] = useState<{ deal: Opportunity; outcome: 'won' | 'lost' } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 200, tolerance: 6 } }),
    useSensor(KeyboardSensor),
  );

  const shown = useMemo(() => {
    let list = deals.data?.data ?? [];
    for (const [id, stageId] of Object.entries(pending)) list = withDealAt(list, id, stageId);
    return list;
  }, [deals.data, pending]);
  const columns = useMemo(() => boardColumns(process.stages, shown), [process.stages, shown]);
  const won = process.stages.find((s) => s.isWon);
  const lost = process.stages.find((s) => s.isLost);

  const settle = (id: string) =>
    setPending((current) => {
      const { [id]: _done, ...rest } = current;
      return rest;
    });

  const move = async (deal: Opportunity, stage: Stage, overrideReason?: string) => {
    setPending((current) => ({ ...current, [deal.id]: stage.id }));
    try {
      const moved = await opportunitiesApi.advance(deal.id, stage.id, overrideReason);
      queryClient.setQueryData(queryKeys.detail('opportunities', moved.id), moved);
      await queryClient.invalidateQueries({ queryKey: queryKeys.all('opportunities') });
      void message.success(t('board.moved', { stage: stage.name }));
      setRefused(null);
    } catch (error) {
      const refusal = gateRefusal(error);
      if (refusal) setRefused({ deal, stage, refusal });
      else showError(error, t('error.saveFailed'));
      if (overrideReason) throw error;
    } finally {
      settle(deal.id);
    }
  };

  const onDragEnd = (event: DragEndEvent) => {
    const deal = shown.find((d) => d.id === String(event.active.id));
    if (!deal) return;
    const intent = dropIntent(process.stages, deal.stageId, event.over ? String(event.over.id) : null);
    if (intent.kind === 'advance') void move(deal, process.stages.find((s) => s.id === intent.stageId)!);
    if (intent.kind === 'close') setClosing({ deal, outcome: intent.outcome });
  };

  if (deals.isPending) return <Skeleton active />;
  if (deals.isError) return <QueryErrorResult error={deals.error} onRetry={() => void deals.refetch()} />;

  return (
    <>
      <div className="l2c-board-totals">
        <TotalsLine count={shown.length} totals={totalsByCurrency(shown)} testId="board-totals" />
      </div>
      {deals.data.truncated ? <Alert type="info" showIcon className="l2c-section" title={t('board.truncated', { count: MAX_BOARD_DEALS })} /> : null}
      <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragEnd={onDragEnd}>
        <div className="l2c-board" data-testid="board">
          {columns.map((column) => (
            <BoardColumn key={column.stage.id} stage={column.stage} count={column.deals.length} totals={column.totals}>
              {column.deals.map((deal) => (
                <DealCard key={deal.id} deal={deal} stage={column.stage} draggable={canMove} />
              ))}
            </BoardColumn>
          ))}
        </div>
        {canMove && won && lost ? (
          <div className="l2c-board-close-zones">
            <CloseZone stage={won} tone="won" />
            <CloseZone stage={lost} tone="lost" />
          </div>
        ) : null}
      </DndContext>
      <GateRefusedModal
        refusal={refused?.refusal ?? null}
        stageName={refused?.stage.name ?? ''}
        onClose={() => setRefused(null)}
        onOverride={async (reason) => {
          if (refused) await move(refused.deal, refused.stage, reason);
        }}
      />
      {closing ? (
        <CloseDealDialog deal={closing.deal} outcome={closing.outcome} onClose={() => setClosing(null)} />
      ) : null}
    </>
  );
}

function BoardColumn({ stage, count, totals, children }: { stage: Stage; count: number; totals: ReturnType<typeof totalsByCurrency>; children: ReactNode }) {
  const { t, locale } = useI18n();
  const drop = useDroppable({ id: stage.id });
  return (
    <section
      ref={drop.setNodeRef}
      className={`l2c-board-column${drop.isOver ? ' l2c-board-column-over' : ''}`}
      data-testid="board-column"
      data-stage-id={stage.id}
      data-stage-name={stage.name}
    >
      <header className="l2c-board-column-head">
        <Space size={6}>
          <Typography.Text strong>{stage.name}</Typography.Text>
          <Tag data-testid="board-column-count">{count}</Tag>
          <Typography.Text type="secondary">{stage.probability} %</Typography.Text>
        </Space>
        <div className="l2c-board-column-sums" data-testid="board-column-totals">
          {totals.map((total) => (
            <span key={total.currency}>
              {formatMoneyCompact({ amount: total.amount, currency: total.currency }, locale)}
              <Typography.Text type="secondary"> · {t('deal.totals.weighted')} {formatMoneyCompact({ amount: total.weighted, currency: total.currency }, locale)}</Typography.Text>
            </span>
          ))}
        </div>
      </header>
      <div className="l2c-board-cards">{count === 0 ? <Typography.Text type="secondary">{t('board.emptyColumn')}</Typography.Text> : children}</div>
    </section>
  );
}

function DealCard({ deal, stage, draggable }: { deal: Opportunity; stage: Stage; draggable: boolean }) {
  const { t, locale } = useI18n();
  const drag = useDraggable({ id: deal.id, disabled: !draggable });
  const gaps = knownGaps(stage, deal);
  const style = drag.transform ? { transform: `translate3d(${drag.transform.x}px, ${drag.transform.y}px, 0)`, zIndex: 10 } : undefined;
  return (
    <Card
      ref={drag.setNodeRef}
      size="small"
      style={style}
      className={`l2c-deal-card${drag.isDragging ? ' l2c-deal-card-dragging' : ''}`}
      data-testid="deal-card"
      data-deal-id={deal.id}
      data-deal-name={deal.name}
      {...drag.attributes}
      {...drag.listeners}
      aria-roledescription={t('board.dragHandle')}
    >
      <Link to={`/opportunities/${deal.id}`} className="l2c-deal-card-name" data-testid="deal-card-link">
        {deal.name}
      </Link>
      <div className="l2c-deal-card-line">{deal.accountName}</div>
      <div className="l2c-deal-card-line">
        <span className="l2c-number">{formatMoneyCompact(deal.amount, locale)}</span>
        <Typography.Text type="secondary">{formatDate(deal.closeDate, locale)}</Typography.Text>
      </div>
      <div className="l2c-deal-card-line">
        <Typography.Text type="secondary">{deal.ownerName}</Typography.Text>
        <Space size={2}>
          {deal.qualified ? null : <Tag color="orange" data-testid="deal-card-unqualified">{t('deal.unqualified')}</Tag>}
          {gaps.length > 0 ? (
            <Tooltip title={`${t('deal.gapHint')} (${gaps.length})`}>
              <Tag color="gold" icon={<WarningOutlined />} data-testid="deal-card-gaps">
                {gaps.length}
              </Tag>
            </Tooltip>
          ) : null}
        </Space>
      </div>
    </Card>
  );
}

function CloseZone({ stage, tone }: { stage: Stage; tone: 'won' | 'lost' }) {
  const { t } = useI18n();
  const drop = useDroppable({ id: stage.id });
  return (
    <div
      ref={drop.setNodeRef}
      className={`l2c-board-close-zone l2c-board-close-${tone}${drop.isOver ? ' l2c-board-close-over' : ''}`}
      data-testid={`board-drop-${tone}`}
      title={t('board.dropHint')}
    >
      {tone === 'won' ? <CheckCircleOutlined /> : <CloseCircleOutlined />} {t(tone === 'won' ? 'board.dropWon' : 'board.dropLost')}
    </div>
  );
}
