import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Collapse, Radio, Select, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { campaignsApi } from '../api/resources';
import { importsApi, type ColumnMapping, type DuplicatePolicy, type ImportPreview } from '../api/imports';
import { queryKeys } from '../api/query-keys';
import type { Campaign } from '../api/types';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { RemoteSelect } from '../shared/RemoteSelect';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { mappingProblems } from './import-state';

const SKIP = '__skip__';
const POLICIES: DuplicatePolicy[] = ['skip', 'merge', 'create'];

/** Steps 2 and 3: map the columns (with the preview), then choose what happens to duplicates and start. */
export function MappingStep({ id, onStage }: { id: string; onStage: (stage: 'mapping' | 'duplicates') => void }) {
  const query = useQuery({ queryKey: [...queryKeys.detail('imports', id), 'preview'], queryFn: ({ signal }) => importsApi.preview(id, signal) });
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <MappingForm preview={query.data} onStage={onStage} />;
}

function MappingForm({ preview, onStage }: { preview: ImportPreview; onStage: (stage: 'mapping' | 'duplicates') => void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const canSeeCampaigns = useCan('campaigns', 'read');
  const [mapping, setMapping] = useState<ColumnMapping>(preview.mapping);
  const [stage, setStage] = useState<'mapping' | 'duplicates'>('mapping');
  const [policy, setPolicy] = useState<DuplicatePolicy>('skip');
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const problems = useMemo(() => mappingProblems(mapping, preview.fields), [mapping, preview.fields]);
  const blocked = problems.missing.length > 0 || problems.duplicated.length > 0;

  const go = (next: 'mapping' | 'duplicates') => {
    setStage(next);
    onStage(next);
  };

  const start = useMutation({
    mutationFn: () => importsApi.start(preview.id, { mapping, duplicatePolicy: policy, campaignId }),
    onSuccess: (job) => {
      queryClient.setQueryData(queryKeys.detail('imports', preview.id), job);
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('imports') });
    },
    onError: (error) => showError(error),
  });

  const fieldOptions = [
    { value: SKIP, label: t('imports.mapping.skip') },
    ...preview.fields.map((f) => ({ value: f.key, label: f.required ? `${f.label} (${t('imports.mapping.required')})` : f.label })),
  ];

  if (stage === 'duplicates') {
    return (
      <div className="l2c-import-step" data-testid="import-policy-step">
        <Typography.Title level={5}>{t('imports.policy.title')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('imports.policy.hint')}</Typography.Paragraph>
        <Radio.Group value={policy} onChange={(e) => setPolicy(e.target.value as DuplicatePolicy)} data-testid="import-policy">
          <Space orientation="vertical">
            {POLICIES.map((p) => (
              <Radio key={p} value={p} data-testid={`import-policy-${p}`}>
                <Typography.Text strong>{t(`imports.policy.${p}`)}</Typography.Text>
                <br />
                <Typography.Text type="secondary">{t(`imports.policy.${p}Help`)}</Typography.Text>
              </Radio>
            ))}
          </Space>
        </Radio.Group>
        {canSeeCampaigns ? (
          <div className="l2c-import-campaign">
            <Typography.Text strong>{t('imports.campaign')}</Typography.Text>
            <RemoteSelect<Campaign>
              resource="campaigns"
              fetchPage={campaignsApi.list}
              toOption={(c) => ({ value: c.id, label: c.name })}
              value={campaignId}
              onChange={setCampaignId}
              allowClear
              placeholder={t('imports.campaignHelp')}
              testId="import-campaign"
              className="l2c-import-campaign-select"
            />
          </div>
        ) : null}
        <div className="l2c-import-actions">
          <Button onClick={() => go('mapping')} data-testid="import-back">
            {t('action.back')}
          </Button>
          <Button type="primary" loading={start.isPending} onClick={() => start.mutate()} data-testid="import-start">
            {t('imports.start')}
          </Button>
        </div>
      </div>
    );
  }

  const note = {
    remembered: t('imports.mapping.remembered'),
    suggested: t('imports.mapping.suggested'),
    chosen: t('imports.mapping.chosen'),
  }[preview.mappingSource];

  return (
    <div className="l2c-import-step" data-testid="import-mapping-step">
      <Typography.Paragraph>{t('imports.mapping.intro')}</Typography.Paragraph>
      <Alert
        type={preview.mappingSource === 'remembered' ? 'success' : 'info'}
        showIcon
        title={note}
        description={t('imports.mapping.fileInfo', {
          format: (preview.format ?? '').toUpperCase(),
          encoding: preview.encoding ?? 'xlsx',
          row: preview.headerRow ?? 1,
        })}
        data-testid="import-mapping-source"
        data-source={preview.mappingSource}
      />
      <Table
        className="l2c-import-mapping"
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={preview.columns}
        scroll={{ x: true }}
        data-testid="import-mapping"
        columns={[
          {
            key: 'header',
            title: t('imports.mapping.column'),
            render: (_v, c) => <Typography.Text strong data-testid="import-column">{c.key}</Typography.Text>,
          },
          {
            key: 'samples',
            title: t('imports.mapping.samples'),
            render: (_v, c) => <Typography.Text type="secondary" ellipsis>{c.samples.join(' · ')}</Typography.Text>,
          },
          {
            key: 'field',
            title: t('imports.mapping.field'),
            render: (_v, c) => (
              <Select
                value={mapping[c.key] ?? SKIP}
                options={fieldOptions}
                onChange={(value: string) => setMapping({ ...mapping, [c.key]: value === SKIP ? null : value })}
                showSearch={{ optionFilterProp: 'label' }}
                className="l2c-import-field-select"
                popupMatchSelectWidth={false}
                data-testid={`import-map-${c.index}`}
                data-field={mapping[c.key] ?? ''}
              />
            ),
          },
        ]}
      />
      {problems.missing.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          title={t('imports.mapping.missingRequired', { fields: problems.missing.map((f) => f.label).join(', ') })}
          data-testid="import-mapping-missing"
        />
      ) : null}
      {problems.duplicated.map((f) => (
        <Alert key={f.key} type="warning" showIcon title={t('imports.mapping.duplicate', { field: f.label })} />
      ))}
      <Collapse
        size="small"
        items={[
          {
            key: 'preview',
            label: `${t('imports.mapping.preview')} (${preview.rows.length})`,
            children: (
              <Table
                size="small"
                pagination={false}
                scroll={{ x: true }}
                rowKey={(_row, index) => String(index)}
                dataSource={preview.rows}
                data-testid="import-preview"
                columns={preview.columns.map((c) => ({
                  key: c.key,
                  title: (
                    <span>
                      {c.key} {mapping[c.key] ? <Tag>{preview.fields.find((f) => f.key === mapping[c.key])?.label}</Tag> : null}
                    </span>
                  ),
                  render: (_v: unknown, row: string[]) => row[c.index] ?? '',
                }))}
              />
            ),
          },
        ]}
      />
      <div className="l2c-import-actions">
        <Button type="primary" disabled={blocked} onClick={() => go('duplicates')} data-testid="import-next">
          {t('imports.next')}
        </Button>
      </div>
    </div>
  );
}
