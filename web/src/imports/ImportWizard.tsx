import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Skeleton, Steps } from 'antd';
import { HistoryOutlined } from '@ant-design/icons';
import { useNavigate, useParams } from 'react-router';
import { importsApi } from '../api/imports';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { ImportProgress, ImportResult } from './ImportProgress';
import { ImportStatusTag } from './ImportStatusTag';
import { isActive, stageOf } from './import-state';
import { MappingStep } from './MappingStep';
import { UploadStep } from './UploadStep';
import './imports.css';

/**
 * The import wizard: upload → map the columns → duplicates → progress and report. Each import
 * has its own address (/leads/imports/:id), so a reload or a later visit lands on the right step.
 */
export function ImportWizard() {
  const { id } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const history = (
    <Button icon={<HistoryOutlined />} onClick={() => void navigate('/leads/imports')} data-testid="import-history">
      {t('imports.history')}
    </Button>
  );
  return (
    <div data-testid="import-wizard">
      <PageHeader title={t('imports.new')} backTo="/leads" actions={history} />
      {id ? <ImportView key={id} id={id} /> : <Frame current={0}><UploadStep onUploaded={(preview) => void navigate(`/leads/imports/${preview.id}`)} /></Frame>}
    </div>
  );
}

function Frame({ current, children, extra }: { current: number; children: React.ReactNode; extra?: React.ReactNode }) {
  const { t } = useI18n();
  return (
    <Card extra={extra}>
      <Steps
        current={current}
        size="small"
        className="l2c-import-steps"
        items={[
          { title: t('imports.step.upload') },
          { title: t('imports.step.mapping') },
          { title: t('imports.step.duplicates') },
          { title: t('imports.step.run') },
        ]}
      />
      {children}
    </Card>
  );
}

function ImportView({ id }: { id: string }) {
  const [subStage, setSubStage] = useState<'mapping' | 'duplicates'>('mapping');
  const query = useQuery({
    queryKey: queryKeys.detail('imports', id),
    queryFn: ({ signal }) => importsApi.get(id, signal),
    // The progress bar polls while the job is queued or running.
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? 1000 : false),
  });
  if (query.isError) return <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} />;
  const job = query.data;
  if (!job) return <Skeleton active paragraph={{ rows: 8 }} />;
  const stage = stageOf(job.status);
  const current = stage === 'mapping' ? (subStage === 'mapping' ? 1 : 2) : stage === 'upload' ? 0 : 3;
  return (
    <Frame current={current} extra={<span>{job.fileName} <ImportStatusTag status={job.status} /></span>}>
      {stage === 'mapping' ? <MappingStep id={id} onStage={setSubStage} /> : null}
      {stage === 'progress' ? <ImportProgress job={job} /> : null}
      {stage === 'result' ? <ImportResult job={job} /> : null}
      {stage === 'upload' ? <Skeleton active /> : null}
    </Frame>
  );
}
