import { useMemo, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Checkbox, Descriptions, Modal, Radio, Table, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { duplicatesApi, type DedupObject, type DedupRecord, type DuplicateGroup, type MergeResult } from '../api/duplicates';
import { queryKeys } from '../api/query-keys';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useIsPhone } from '../shared/use-is-phone';
import { displayValue, fieldLabelKey, previewRecord } from './field-values';
import { defaultChoices, defaultSurvivor, differingFields, MERGE_FIELDS, mergePreview, mergeRequest } from './merge-choices';

interface MergeDialogProps {
  object: DedupObject;
  /** The group to merge; the dialog is open while there is one. */
  group: DuplicateGroup | null;
  onClose: () => void;
  onMerged?: (result: MergeResult) => void;
}

/** Field-by-field merge: pick the record to keep and each field's value, see the result, confirm. */
export function MergeDialog({ object, group, onClose, onMerged }: MergeDialogProps) {
  if (!group) return null;
  return <MergeDialogBody key={group.key} object={object} group={group} onClose={onClose} onMerged={onMerged} />;
}

interface Row {
  field: string;
}

function MergeDialogBody({ object, group, onClose, onMerged }: MergeDialogProps & { group: DuplicateGroup }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const records = useMemo<DedupRecord[]>(() => group.members.map((m) => m.record), [group]);
  const titles = new Map(group.members.map((m) => [m.id, m.title]));
  const [survivorId, setSurvivorId] = useState(() => defaultSurvivor(records));
  const [choices, setChoices] = useState(() => defaultChoices(object, survivorId, records));
  const [showAll, setShowAll] = useState(false);
  const survivor = records.find((r) => r.id === survivorId)!;
  const readOnly = object === 'leads' && survivor.status === 'converted';
  const differing = differingFields(object, records);
  const fields = showAll ? MERGE_FIELDS[object] : differing;
  const preview = previewRecord(mergePreview(object, records, survivorId, choices), records, choices);

  const keep = (id: string) => {
    setSurvivorId(id);
    setChoices(defaultChoices(object, id, records));
  };

  const merge = useMutation({
    mutationFn: () => duplicatesApi.merge(mergeRequest(object, survivorId, records, choices)),
    onSuccess: async (result) => {
      void message.success(t('merge.done', { name: titles.get(survivorId) ?? '' }));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.duplicatesAll() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.all(object) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.all('activities') }),
        queryClient.invalidateQueries({ queryKey: queryKeys.all('notes') }),
      ]);
      onMerged?.(result);
      onClose();
    },
    onError: (error) => showError(error, t('merge.failed')),
  });

  const columns: TableColumnsType<Row> = [
    { key: 'field', title: t('merge.field'), width: 140, fixed: isPhone ? undefined : 'left', render: (_, row) => t(fieldLabelKey(row.field)) },
    ...records.map((record, index) => ({
      key: record.id,
      title: (
        <div>
          <Radio checked={record.id === survivorId} onChange={() => keep(record.id)} data-testid={`merge-keep-${index}`}>
            {t('merge.keep')}
          </Radio>
          <div>
            <Typography.Text strong>{titles.get(record.id)}</Typography.Text>
          </div>
          <Typography.Text type="secondary">{t('merge.created', { date: formatDate(record.createdAt, locale) })}</Typography.Text>
        </div>
      ),
      render: (_: unknown, row: Row) => {
        const text = displayValue(row.field, record, locale);
        return (
          <Radio
            checked={choices[row.field] === record.id}
            disabled={readOnly && record.id !== survivorId}
            onChange={() => setChoices((current) => ({ ...current, [row.field]: record.id }))}
            data-testid={`merge-choice-${row.field}-${index}`}
          >
            {text || <span className="l2c-merge-empty">{t('common.empty')}</span>}
          </Radio>
        );
      },
    })),
  ];

  const previewFields = [...new Set(['name', ...fields])];
  return (
    <Modal
      open
      width={isPhone ? '100%' : Math.min(1100, 320 + records.length * 260)}
      title={t('merge.title', { count: records.length })}
      okText={t('merge.confirm')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: merge.isPending, 'data-testid': 'merge-confirm' } as ButtonProps}
      onOk={() => merge.mutate()}
      onCancel={onClose}
      destroyOnHidden
    >
      <div data-testid="merge-dialog">
        <Typography.Paragraph type="secondary">{t('merge.keepHelp')}</Typography.Paragraph>
        {readOnly ? <Alert type="info" showIcon className="l2c-section" title={t('merge.convertedReadOnly')} /> : null}
        {differing.length === 0 && !showAll ? <Alert type="info" className="l2c-section" title={t('merge.noDifferences')} /> : null}
        <Table<Row>
          className="l2c-merge-table"
          size="small"
          rowKey="field"
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={columns}
          dataSource={fields.map((field) => ({ field }))}
          data-testid="merge-fields"
        />
        <Checkbox checked={showAll} onChange={(e) => setShowAll(e.target.checked)} className="l2c-section" data-testid="merge-show-all">
          {t('merge.showAll')}
        </Checkbox>
        <Descriptions
          title={t('merge.preview')}
          size="small"
          bordered
          column={1}
          className="l2c-section"
          data-testid="merge-preview"
          items={[
            ...previewFields.map((field) => ({
              key: field,
              label: t(fieldLabelKey(field)),
              children: <span data-testid={`merge-preview-${field}`}>{displayValue(field, preview, locale) || t('common.empty')}</span>,
            })),
            ...(preview.doNotContact ? [{ key: 'doNotContact', label: t('merge.doNotContact'), children: '✓' }] : []),
          ]}
        />
        <Alert type="warning" showIcon title={t('merge.moves')} />
      </div>
    </Modal>
  );
}
