import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Switch, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined } from '@ant-design/icons';
import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { assignmentApi, type AssignmentRule } from '../api/leads';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { INDUSTRIES } from '../shared/industries';
import { labelOf, type LabelledValue } from '../shared/labelled-options';
import { PROVINCES, REGIONS } from '../shared/regions';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { LEAD_SOURCES, PRODUCT_LINES } from './lead-sources';
import { moveById, moveItem } from '../shared/reorder';
import { useDragDropItem, useDragSensors } from '../shared/use-drag-drop';
import { criteriaChips, type CriterionChip } from './rule-form-values';
import { useLeadLabels } from './use-lead-labels';

const CRITERION_LABELS: Record<CriterionChip['criterion'], MessageKey> = {
  headcount: 'assignRules.headcount',
  registeredCapital: 'assignRules.capital',
  score: 'assignRules.score',
  productInterests: 'assignRules.productInterests',
  regions: 'assignRules.regions',
  provinces: 'assignRules.provinces',
  sources: 'assignRules.sources',
  industries: 'assignRules.industries',
  grades: 'assignRules.grades',
};

const VALUE_LISTS: Partial<Record<CriterionChip['criterion'], readonly LabelledValue[]>> = {
  regions: REGIONS,
  provinces: PROVINCES,
  industries: INDUSTRIES,
  sources: LEAD_SOURCES,
  productInterests: PRODUCT_LINES,
};

interface RuleListProps {
  rules: AssignmentRule[];
  canEdit: boolean;
  onEdit: (rule: AssignmentRule) => void;
}

/**
 * The rules in evaluation order. Drag a rule by its handle (mouse, touch or keyboard) or use the
 * arrows; the new order is saved at once.
 */
export function RuleList({ rules, canEdit, onEdit }: RuleListProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const [order, setOrder] = useState(rules);
  useEffect(() => setOrder(rules), [rules]);
  const sensors = useDragSensors(150);

  const save = async (next: AssignmentRule[]) => {
    const before = order;
    setOrder(next);
    try {
      const saved = await assignmentApi.reorder(next.map((r) => r.id));
      queryClient.setQueryData(queryKeys.assignmentRules(), { data: saved.data, nextCursor: null });
      void queryClient.invalidateQueries({ queryKey: queryKeys.routingPreview() });
      void message.success(t('assignRules.reordered'));
    } catch (error) {
      setOrder(before);
      showError(error, t('error.saveFailed'));
    }
  };

  const onDragEnd = (event: DragEndEvent) => {
    if (!event.over || event.active.id === event.over.id) return;
    void save(moveById(order, String(event.active.id), String(event.over.id)));
  };

  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.assignmentRules() });
    void queryClient.invalidateQueries({ queryKey: queryKeys.routingPreview() });
  };

  if (order.length === 0) return <Empty description={t('assignRules.empty')} />;
  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <div className="l2c-rule-list" data-testid="rule-list">
        {order.map((rule, index) => (
          <RuleItem
            key={rule.id}
            rule={rule}
            index={index}
            count={order.length}
            canEdit={canEdit}
            onEdit={() => onEdit(rule)}
            onMove={(to) => void save(moveItem(order, index, to))}
            onChanged={refresh}
          />
        ))}
      </div>
    </DndContext>
  );
}

interface RuleItemProps {
  rule: AssignmentRule;
  index: number;
  count: number;
  canEdit: boolean;
  onEdit: () => void;
  onMove: (to: number) => void;
  onChanged: () => void;
}

function RuleItem({ rule, index, count, canEdit, onEdit, onMove, onChanged }: RuleItemProps) {
  const { t, locale } = useI18n();
  const labels = useLeadLabels();
  const showError = useErrorFeedback();
  const [toggling, setToggling] = useState(false);
  const drag = useDragDropItem(rule.id, !canEdit);

  const chipText = (chip: CriterionChip) => {
    const label = t(CRITERION_LABELS[chip.criterion]);
    if (chip.kind === 'list') {
      const list = VALUE_LISTS[chip.criterion];
      const values = chip.values.map((v) => (list ? labelOf(list, v, locale) : v)).join(', ');
      return t('assignRules.chip.list', { label, values });
    }
    if (chip.min !== null && chip.max !== null) return t('assignRules.chip.range', { label, min: chip.min, max: chip.max });
    return chip.min !== null ? t('assignRules.chip.min', { label, min: chip.min }) : t('assignRules.chip.max', { label, max: chip.max ?? '' });
  };

  const toggle = async (active: boolean) => {
    setToggling(true);
    try {
      await assignmentApi.updateRule(rule.id, { active, version: rule.version });
      onChanged();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setToggling(false);
    }
  };

  const chips = criteriaChips(rule.criteria);
  const classes = ['l2c-rule-item', drag.isDragging ? 'is-dragging' : '', drag.isOver ? 'is-over' : '', rule.active ? '' : 'is-inactive']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      ref={drag.setNodeRef}
      style={drag.style}
      className={classes}
      data-testid="rule-item"
      data-rule-name={rule.name}
    >
      {canEdit ? (
        <span className="l2c-rule-handle" {...drag.listeners} {...drag.attributes} aria-label={t('assignRules.dragHandle')} data-testid="rule-handle">
          <HolderOutlined />
        </span>
      ) : null}
      <span className="l2c-rule-position">{index + 1}</span>
      <div className="l2c-rule-body">
        <Space wrap size={[6, 2]}>
          <Typography.Text strong>{rule.name}</Typography.Text>
          <span>→</span>
          {rule.teamId ? (
            <>
              <Tag color="blue">{rule.teamName ?? rule.teamId}</Tag>
              <Typography.Text type="secondary">{labels.strategy(rule.strategy)}</Typography.Text>
            </>
          ) : (
            <Tag color="orange">{t('assignRules.toQueue')}</Tag>
          )}
          {rule.active ? null : <Tag>{t('assignRules.inactive')}</Tag>}
        </Space>
        <div className="l2c-rule-chips">
          {chips.length === 0 ? <Tag>{t('assignRules.anyLead')}</Tag> : chips.map((chip) => <Tag key={chip.criterion}>{chipText(chip)}</Tag>)}
        </div>
        {rule.description ? <Typography.Text type="secondary">{rule.description}</Typography.Text> : null}
      </div>
      {canEdit ? (
        <div className="l2c-rule-tools">
          <Switch size="small" checked={rule.active} loading={toggling} onChange={(v) => void toggle(v)} aria-label={t('assignRules.active')} data-testid="rule-active" />
          <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => onMove(index - 1)} aria-label={t('assignRules.moveUp')} data-testid="rule-up" />
          <Button
            size="small"
            icon={<ArrowDownOutlined />}
            disabled={index === count - 1}
            onClick={() => onMove(index + 1)}
            aria-label={t('assignRules.moveDown')}
            data-testid="rule-down"
          />
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('action.edit')} data-testid="rule-edit" />
          <Popconfirm
            title={t('action.deleteConfirm', { name: rule.name })}
            okText={t('action.delete')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={async () => {
              try {
                await assignmentApi.removeRule(rule.id, rule.version);
                onChanged();
              } catch (error) {
                showError(error, t('error.deleteFailed'));
              }
            }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid="rule-delete" />
          </Popconfirm>
        </div>
      ) : null}
    </div>
  );
}
