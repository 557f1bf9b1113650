import { Col, Row, Statistic, Table, Typography } from 'antd';
import type { Behaviour } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';
import { DrillNumber, DrillStatistic, type OnDrill } from './DrillDrawer';
import { useAnalyticsFormat } from './use-analytics-format';

/** OPP-7 beside the weekly counts: key accounts visited lately (per industry, each opening its accounts), contacts added, days to a new account's first deal. */
export function CoverageSummary({ data, onDrill }: { data: Behaviour; onDrill: OnDrill }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const { coverage, contactsAdded, accountToOpportunity } = data;
  const covered = t('analytics.coverage.rate', { days: coverage.days });
  const industry = (name: string | null) => name ?? t('common.empty');
  return (
    <>
      <Row gutter={[16, 8]} className="l2c-section">
        <Col xs={12} md={6}>
          <DrillStatistic
            label={covered}
            value={`${format.rate(coverage.coverage)} (${format.count(coverage.visited)} / ${format.count(coverage.accounts)})`}
            link={coverage.drill}
            onOpen={onDrill}
            testId="coverage-total"
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('analytics.coverage.contactsAdded')} value={format.count(contactsAdded.total)} data-testid="coverage-contacts" />
        </Col>
        <Col xs={24} md={12}>
          <Statistic
            title={t('analytics.coverage.toFirstDeal')}
            value={format.days(accountToOpportunity.averageDays)}
            suffix={t('analytics.coverage.withDeal', { n: format.count(accountToOpportunity.withOpportunity), total: format.count(accountToOpportunity.accounts) })}
          />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" data-testid="coverage-basis">
        {coverage.basis === 'segment' ? t('analytics.coverage.basisSegment') : t('analytics.coverage.basisTopValue', { n: coverage.keyAccounts })}
      </Typography.Paragraph>
      <Table
        rowKey={(r) => r.industry ?? '-'}
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={coverage.industries}
        locale={{ emptyText: t('analytics.coverage.empty') }}
        data-testid="coverage-industries"
        columns={[
          { key: 'industry', title: t('analytics.customers.industry'), render: (_v, r) => industry(r.industry) },
          {
            key: 'accounts',
            title: t('analytics.coverage.keyAccounts'),
            align: 'right',
            render: (_v, r) => <DrillNumber value={format.count(r.accounts)} link={r.drill} title={`${industry(r.industry)} · ${covered}`} onOpen={onDrill} />,
          },
          { key: 'visited', title: t('analytics.coverage.visited'), align: 'right', render: (_v, r) => format.count(r.visited) },
          { key: 'coverage', title: covered, align: 'right', render: (_v, r) => format.rate(r.coverage) },
        ]}
      />
    </>
  );
}
