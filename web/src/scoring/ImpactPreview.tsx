import { Alert, Space, Table, Tag, Typography } from 'antd';
import { ArrowRightOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import type { Grade, RulePreview } from '../api/scoring';
import { formatInteger } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { GRADE_COLORS, GRADES, gradeDirections, gradeGrid } from './grade-matrix';

type SampleRow = RulePreview['sample'][number];

export function GradeTag({ grade }: { grade: Grade | string | null }) {
  if (!grade) return null;
  return <Tag color={GRADE_COLORS[grade as Grade] ?? 'default'}>{grade}</Tag>;
}

/**
 * What a proposed change of the scoring rules would do to the leads: how many change grade
 * (up, down), the from→to grid, how many would become MQLs, and examples.
 */
export function ImpactPreview({ preview, stale }: { preview: RulePreview; stale?: boolean }) {
  const { t, locale } = useI18n();
  const grid = gradeGrid(preview.matrix);
  const { up, down } = gradeDirections(preview.matrix);
  const n = (value: number) => formatInteger(value, locale);

  const gridRows = GRADES.map((from, i) => ({ key: from, from, cells: grid[i] }));
  const gridColumns = [
    { key: 'from', title: t('scoring.preview.now'), render: (row: (typeof gridRows)[number]) => <GradeTag grade={row.from} /> },
    ...GRADES.map((to, j) => ({
      key: to,
      title: <GradeTag grade={to} />,
      align: 'right' as const,
      render: (row: (typeof gridRows)[number]) => {
        const count = row.cells[j];
        const moved = row.from !== to && count > 0;
        return (
          <span className="l2c-number" data-testid={`scoring-preview-cell-${row.from}${to}`}>
            {moved ? <Typography.Text strong>{n(count)}</Typography.Text> : count > 0 ? n(count) : '·'}
          </span>
        );
      },
    })),
  ];

  const sampleColumns = [
    {
      key: 'lead',
      title: t('scoring.preview.lead'),
      render: (row: SampleRow) => (
        <div>
          <Link to={`/leads/${row.leadId}`}>{row.name}</Link>
          {row.company ? <div className="l2c-page-subtitle">{row.company}</div> : null}
        </div>
      ),
    },
    {
      key: 'grade',
      title: t('scoring.preview.grade'),
      render: (row: SampleRow) => (
        <Space size={4}>
          <GradeTag grade={row.fromGrade} />
          <ArrowRightOutlined />
          <GradeTag grade={row.toGrade} />
        </Space>
      ),
    },
    {
      key: 'score',
      title: t('scoring.preview.score'),
      align: 'right' as const,
      render: (row: SampleRow) => <span className="l2c-number">{`${row.fromTotal} → ${row.toTotal}`}</span>,
    },
  ];

  return (
    <div data-testid="scoring-preview">
      {stale ? <Alert type="warning" showIcon className="l2c-form-alert" title={t('scoring.preview.stale')} /> : null}
      <Alert
        type={preview.gradeChanged > 0 ? 'info' : 'success'}
        showIcon
        className="l2c-form-alert"
        title={
          <span data-testid="scoring-preview-summary">
            {t('scoring.preview.summary', { changed: n(preview.gradeChanged), evaluated: n(preview.evaluated) })}
          </span>
        }
        description={
          <Space size={[8, 4]} wrap>
            <Tag color="green">{t('scoring.preview.up', { count: n(up) })}</Tag>
            <Tag color="red">{t('scoring.preview.down', { count: n(down) })}</Tag>
            <Tag>{t('scoring.preview.scoreChanged', { count: n(preview.scoreChanged) })}</Tag>
            <Tag color="purple" data-testid="scoring-preview-mql">
              {t('scoring.preview.wouldPromote', { count: n(preview.wouldPromote) })}
            </Tag>
          </Space>
        }
      />
      <Typography.Text type="secondary">{t('scoring.preview.matrix')}</Typography.Text>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        columns={gridColumns}
        dataSource={gridRows}
        className="l2c-section"
        data-testid="scoring-preview-matrix"
      />
      {preview.sample.length > 0 ? (
        <>
          <Typography.Text type="secondary">{t('scoring.preview.sample')}</Typography.Text>
          <Table
            size="small"
            rowKey="leadId"
            pagination={false}
            columns={sampleColumns}
            dataSource={preview.sample}
            scroll={{ x: true }}
            data-testid="scoring-preview-sample"
          />
        </>
      ) : (
        <Typography.Paragraph type="secondary">{t('scoring.preview.none')}</Typography.Paragraph>
      )}
    </div>
  );
}
