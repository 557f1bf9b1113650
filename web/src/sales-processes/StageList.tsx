import { useEffect, useState } from 'react';
import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, HolderOutlined, LockOutlined } from '@ant-design/icons';
import { DndContext, closestCenter, type DragEndEvent } from '@dnd-kit/core';
import { salesProcessesApi, type SalesProcess, type Stage } from '../api/sales-processes';
import { useI18n } from '../i18n/i18n-context';
import { moveById, moveItem } from '../shared/reorder';
import { useDragDropItem, useDragSensors } from '../shared/use-drag-drop';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { criteriaCounts, splitStages } from './stage-values';
import { useProcessLabels } from './use-process-labels';

interface StageListProps {
  process: SalesProcess;
  canEdit: boolean;
  onEdit: (stage: Stage) => void;
  onSaved: (process: SalesProcess) => void;
}

/**
 * The stages in order. Open stages are dragged by their handle (mouse, touch or keyboard) or moved
 * with the arrows; won and lost stay last. Each change is saved at once under the process version.
 */
export function StageList({ process, canEdit, onEdit, onSaved }: StageListProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useErrorFeedback();
  const { open, closing } = splitStages(process.stages);
  const [order, setOrder] = useState(open);
  useEffect(() => setOrder(splitStages(process.stages).open), [process.stages]);
  const sensors = useDragSensors();

  const save = async (next: Stage[]) => {
    const before = order;
    setOrder(next);
    try {
      onSaved(await salesProcessesApi.reorderStages(process.id, [...next, ...closing].map((s) => s.id), process.version));
      void message.success(t('salesProcess.reordered'));
    } catch (error) {
      setOrder(before);
      showError(error, t('error.saveFailed'));
    }
  };

  const remove = async (stage: Stage) => {
    try {
      onSaved(await salesProcessesApi.removeStage(process.id, stage.id, process.version));
    } catch (error) {
      showError(error, t('error.deleteFailed'));
    }
  };

  const onDragEnd = (event: DragEndEvent) => {
    if (!event.over || event.active.id === event.over.id) return;
    void save(moveById(order, String(event.active.id), String(event.over.id)));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <div className="l2c-sp-stages" data-testid="stage-list">
        {order.map((stage, index) => (
          <StageRow
            key={stage.id}
            stage={stage}
            position={index + 1}
            canEdit={canEdit}
            movable
            onEdit={() => onEdit(stage)}
            onRemove={() => void remove(stage)}
            onUp={index > 0 ? () => void save(moveItem(order, index, index - 1)) : undefined}
            onDown={index < order.length - 1 ? () => void save(moveItem(order, index, index + 1)) : undefined}
          />
        ))}
        {closing.map((stage, index) => (
          <StageRow key={stage.id} stage={stage} position={order.length + index + 1} canEdit={canEdit} movable={false} onEdit={() => onEdit(stage)} />
        ))}
      </div>
    </DndContext>
  );
}

interface StageRowProps {
  stage: Stage;
  position: number;
  canEdit: boolean;
  movable: boolean;
  onEdit: () => void;
  onRemove?: () => void;
  onUp?: () => void;
  onDown?: () => void;
}

function StageRow({ stage, position, canEdit, movable, onEdit, onRemove, onUp, onDown }: StageRowProps) {
  const { t } = useI18n();
  const labels = useProcessLabels();
  const drag = useDragDropItem(stage.id, !canEdit || !movable);
  const counts = criteriaCounts(stage.exitCriteria);
  const classes = ['l2c-sp-stage', drag.isDragging ? 'is-dragging' : '', drag.isOver ? 'is-over' : '', movable ? '' : 'is-closing'].filter(Boolean).join(' ');
  return (
    <div
      ref={drag.setNodeRef}
      style={drag.style}
      className={classes}
      data-testid="stage-row"
      data-stage-name={stage.name}
    >
      {canEdit && movable ? (
        <span className="l2c-sp-handle" {...drag.listeners} {...drag.attributes} aria-label={t('salesProcess.dragStage')} data-testid="stage-handle">
          <HolderOutlined />
        </span>
      ) : (
        <span className="l2c-sp-handle is-fixed" title={t('salesProcess.closingFixed')}>
          {movable ? null : <LockOutlined />}
        </span>
      )}
      <span className="l2c-sp-position">{position}</span>
      <div className="l2c-sp-stage-body">
        <Space wrap size={[6, 2]}>
          <Typography.Text strong>{stage.name}</Typography.Text>
          <Tag color={stage.isWon ? 'green' : stage.isLost ? 'red' : 'blue'} data-testid="stage-probability">
            {stage.probability}%
          </Tag>
          <Tag>{labels.forecastCategory(stage.forecastCategory)}</Tag>
        </Space>
        {movable ? (
          <div className="l2c-sp-criteria">
            {counts.checklist + counts.fields + counts.documents + counts.stakeholders === 0 ? (
              <Typography.Text type="secondary">{t('salesProcess.noCriteria')}</Typography.Text>
            ) : (
              <Space wrap size={[4, 4]}>
                {stage.exitCriteria.checklist.map((item) => (
                  <Tag key={item.key} bordered={false}>☐ {item.label}</Tag>
                ))}
                {stage.exitCriteria.requiredFields.map((field) => (
                  <Tag key={field} bordered={false} color="processing">{labels.field(field)}</Tag>
                ))}
                {stage.exitCriteria.requiredDocuments.map((doc) => (
                  <Tag key={doc} bordered={false} color="purple">📄 {doc}</Tag>
                ))}
                {stage.exitCriteria.requiredStakeholders.map((check) => (
                  <Tag key={check} bordered={false} color="gold">{labels.check(check)}</Tag>
                ))}
              </Space>
            )}
          </div>
        ) : null}
      </div>
      {canEdit ? (
        <div className="l2c-sp-tools">
          {movable ? (
            <>
              <Button size="small" icon={<ArrowUpOutlined />} disabled={!onUp} onClick={onUp} aria-label={t('salesProcess.moveUp')} data-testid="stage-up" />
              <Button size="small" icon={<ArrowDownOutlined />} disabled={!onDown} onClick={onDown} aria-label={t('salesProcess.moveDown')} data-testid="stage-down" />
            </>
          ) : null}
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={t('action.edit')} data-testid="stage-edit" />
          {onRemove ? (
            <Popconfirm
              title={t('salesProcess.removeStageConfirm', { name: stage.name })}
              okText={t('action.delete')}
              cancelText={t('action.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={onRemove}
            >
              <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} data-testid="stage-delete" />
            </Popconfirm>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
