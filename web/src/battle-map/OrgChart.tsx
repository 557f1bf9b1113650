import { useEffect, useRef, useState } from 'react';
import { Badge, Rate, Tag, Typography } from 'antd';
import { CrownOutlined } from '@ant-design/icons';
import { DndContext, pointerWithin, useDroppable, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import type { Stakeholder } from '../api/battle-map';
import { useMe } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useDragDropItem, useDragSensors } from '../shared/use-drag-drop';
import { buildOrgTree, type OrgNode } from './org-tree';
import { ATTITUDE_COLORS, useBattleMapLabels } from './use-battle-map-labels';

/** The drop target "top of the chart": a stakeholder dropped there reports to nobody on the map. */
export const TOP_LEVEL = 'top-level';

interface OrgChartProps {
  stakeholders: Stakeholder[];
  /** Names of our users, for the relationship owner. */
  userNames: ReadonlyMap<string, string>;
  /** Stakeholders a gap warning is about (outlined). */
  flaggedIds: ReadonlySet<string>;
  canEdit: boolean;
  onOpen: (stakeholder: Stakeholder) => void;
  /** Drop of `stakeholderId` onto another card (their new manager) or onto the top (null). */
  onReportsTo: (stakeholderId: string, managerId: string | null) => void;
}

/**
 * The buying committee drawn as an org chart (reports-to lines), each card coloured by attitude.
 * Drag a card onto another to change whom they report to (long press on touch screens); the
 * chart scrolls inside its own box on a phone.
 */
export function OrgChart({ stakeholders, userNames, flaggedIds, canEdit, onOpen, onReportsTo }: OrgChartProps) {
  const { t } = useI18n();
  const [dragging, setDragging] = useState<Stakeholder | null>(null);
  const sensors = useDragSensors(250);
  const roots = buildOrgTree(stakeholders);
  const box = useRef<HTMLDivElement>(null);
  // A committee wider than the screen opens centred on its top, not on its left-most member.
  useEffect(() => {
    const el = box.current;
    if (el) el.scrollLeft = (el.scrollWidth - el.clientWidth) / 2;
  }, []);

  const onDragStart = (event: DragStartEvent) => setDragging(stakeholders.find((s) => s.id === event.active.id) ?? null);
  const onDragEnd = (event: DragEndEvent) => {
    setDragging(null);
    if (!event.over || event.over.id === event.active.id) return;
    const managerId = event.over.id === TOP_LEVEL ? null : String(event.over.id);
    const moved = stakeholders.find((s) => s.id === event.active.id);
    if (!moved || moved.reportsToId === managerId) return;
    onReportsTo(moved.id, managerId);
  };

  const node = (n: OrgNode<Stakeholder>) => (
    <li key={n.item.id} className="l2c-bm-node" data-testid="bm-node" data-stakeholder-id={n.item.id} data-name={n.item.contactName ?? ''}>
      <StakeholderCard
        stakeholder={n.item}
        ownerName={n.item.relationshipOwnerId ? (userNames.get(n.item.relationshipOwnerId) ?? null) : null}
        flagged={flaggedIds.has(n.item.id)}
        detached={n.detached}
        canEdit={canEdit}
        onOpen={() => onOpen(n.item)}
      />
      {n.children.length > 0 ? <ul className="l2c-bm-children">{n.children.map(node)}</ul> : null}
    </li>
  );

  return (
    <DndContext sensors={sensors} collisionDetection={pointerWithin} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
      <div ref={box} className="l2c-bm-chart" data-testid="bm-chart">
        {canEdit ? <TopDropZone visible={!!dragging?.reportsToId} label={t('battleMap.dropTop')} /> : null}
        <ul className="l2c-bm-tree">{roots.map(node)}</ul>
      </div>
    </DndContext>
  );
}

function TopDropZone({ visible, label }: { visible: boolean; label: string }) {
  const drop = useDroppable({ id: TOP_LEVEL, disabled: !visible });
  if (!visible) return null;
  return (
    <div ref={drop.setNodeRef} className={`l2c-bm-top-drop${drop.isOver ? ' is-over' : ''}`} data-testid="bm-top-drop">
      {label}
    </div>
  );
}

interface StakeholderCardProps {
  stakeholder: Stakeholder;
  ownerName: string | null;
  flagged: boolean;
  detached?: OrgNode<Stakeholder>['detached'];
  canEdit: boolean;
  onOpen: () => void;
}

function StakeholderCard({ stakeholder: s, ownerName, flagged, detached, canEdit, onOpen }: StakeholderCardProps) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useBattleMapLabels();
  const drag = useDragDropItem(s.id, !canEdit);
  const openActions = s.actions.filter((a) => !a.done).length;
  const classes = ['l2c-bm-card', `is-${s.attitude}`, flagged ? 'is-flagged' : '', drag.isDragging ? 'is-dragging' : '', drag.isOver ? 'is-over' : '']
    .filter(Boolean)
    .join(' ');

  return (
    <div
      ref={drag.setNodeRef}
      style={drag.style}
      className={classes}
      {...drag.listeners}
      {...drag.attributes}
      role="button"
      tabIndex={0}
      onClick={onOpen}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onOpen();
        drag.listeners?.onKeyDown?.(event);
      }}
      aria-label={t('battleMap.cardLabel', { name: s.contactName ?? '', attitude: labels.attitude(s.attitude) })}
      data-testid="bm-card"
      data-name={s.contactName ?? ''}
      data-attitude={s.attitude}
      data-role={s.role}
    >
      <div className="l2c-bm-card-head">
        <Typography.Text strong ellipsis className="l2c-bm-card-name">
          {s.role === 'power_sponsor' ? <CrownOutlined className="l2c-bm-crown" /> : null} {s.contactName ?? t('battleMap.hiddenContact')}
        </Typography.Text>
        <Tag color={ATTITUDE_COLORS[s.attitude]} data-testid="bm-card-attitude">
          {labels.attitude(s.attitude)}
        </Tag>
      </div>
      {s.contactTitle ? <div className="l2c-bm-card-title">{s.contactTitle}</div> : null}
      <div className="l2c-bm-card-role">
        <Tag color={s.role === 'power_sponsor' ? 'gold' : 'blue'}>{labels.role(s.role)}</Tag>
        {s.level ? <span className="l2c-bm-muted">{labels.level(s.level)}</span> : null}
      </div>
      <div className="l2c-bm-card-line" title={t('battleMap.influence')}>
        <span className="l2c-bm-muted">{t('battleMap.influence')}</span>
        <Rate disabled count={5} value={s.influence} className="l2c-bm-influence" />
      </div>
      <div className="l2c-bm-card-line">
        <span className="l2c-bm-muted">{t('battleMap.owner')}</span>
        <span>{ownerName ?? t('common.empty')}</span>
      </div>
      <div className="l2c-bm-card-line">
        <span className="l2c-bm-muted">{t('battleMap.lastContact')}</span>
        <span>{s.lastContactAt ? formatDate(s.lastContactAt, locale, me.tenant.timezone) : t('battleMap.notMet')}</span>
      </div>
      {openActions > 0 || detached ? (
        <div className="l2c-bm-card-foot">
          {openActions > 0 ? <Badge color="blue" text={t('battleMap.openActions', { count: openActions })} /> : null}
          {detached ? <Tag color="orange">{t(detached === 'orphan' ? 'battleMap.orphan' : 'battleMap.loop')}</Tag> : null}
        </div>
      ) : null}
    </div>
  );
}
