import { Col, Row, Statistic, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { CustomerFigures, RepDashboard } from '../api/analytics';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DrillNumber, DrillStatistic, type OnDrill } from './DrillDrawer';
import { useAnalyticsFormat } from './use-analytics-format';

/** BI-1 for a rep: the customers, the best ones (won amount) and the untapped ones; counts open their accounts, amounts their deals. */
export function RepCustomers({ data, onDrill }: { data: RepDashboard; onDrill: OnDrill }) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const { currency } = data;
  const counts = [
    { key: 'accounts', label: t('analytics.customers.accounts') },
    { key: 'withOpenDeals', label: t('analytics.customers.withOpenDeals') },
    { key: 'untappedCount', label: t('analytics.customers.untapped', { days: data.customers.untappedDays }) },
  ] as const;
  const columns: TableColumnsType<CustomerFigures> = [
    { key: 'name', title: t('analytics.customers.account'), render: (_v, r) => <Link to={`/accounts/${encodeURIComponent(r.accountId)}`}>{r.name}</Link> },
    {
      key: 'won',
      title: t('analytics.attainment.won'),
      align: 'right',
      render: (_v, r) => <DrillNumber value={format.money(r.won, currency)} link={r.drill.won} title={`${r.name} · ${t('analytics.attainment.won')}`} onOpen={onDrill} />,
    },
    {
      key: 'open',
      title: t('analytics.forecast.pipeline'),
      align: 'right',
      render: (_v, r) => (
        <DrillNumber value={format.money(r.openPipeline, currency)} link={r.drill.openPipeline} title={`${r.name} · ${t('analytics.forecast.pipeline')}`} onOpen={onDrill} />
      ),
    },
    {
      key: 'last',
      title: t('analytics.customers.lastActivity'),
      render: (_v, r) => (r.lastActivityAt ? formatDate(r.lastActivityAt, format.locale) : t('analytics.customers.never')),
    },
    { key: 'industry', title: t('analytics.customers.industry'), render: (_v, r) => r.industry ?? t('common.empty') },
  ];
  return (
    <>
      <Row gutter={[16, 8]} className="l2c-section">
        {counts.map(({ key, label }) => (
          <Col xs={12} md={6} key={key}>
            <DrillStatistic label={label} value={format.count(data.customers[key])} link={data.customers.drill[key]} onOpen={onDrill} testId={`rep-customers-${key}`} />
          </Col>
        ))}
        <Col xs={12} md={6}>
          <Statistic title={t('analytics.attainment.won')} value={format.money(data.customers.won, currency)} />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} xl={12}>
          <Table
            title={() => t('analytics.customers.best')}
            rowKey="accountId"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.customers.best}
            columns={columns}
            locale={{ emptyText: t('analytics.customers.noneWon') }}
            data-testid="rep-best"
          />
        </Col>
        <Col xs={24} xl={12}>
          <Table
            title={() => t('analytics.customers.untapped', { days: data.customers.untappedDays })}
            rowKey="accountId"
            size="small"
            pagination={{ pageSize: 10, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
            dataSource={data.customers.untapped}
            columns={columns}
            locale={{ emptyText: t('analytics.customers.noneUntapped') }}
            data-testid="rep-untapped"
          />
        </Col>
      </Row>
    </>
  );
}
