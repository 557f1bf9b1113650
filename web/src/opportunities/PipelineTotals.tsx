import { useQuery } from '@tanstack/react-query';
import { Space, Typography } from 'antd';
import { opportunitiesApi } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { formatMoney } from '../shared/money';
import { useI18n } from '../i18n/i18n-context';
import type { MoneyTotal } from './pipeline-math';

/** "12 deals · Amount ¥1,200,000.00 · Weighted ¥360,000.00", one line per currency. */
export function TotalsLine({ count, totals, testId }: { count: number; totals: readonly MoneyTotal[]; testId: string }) {
  const { t, locale } = useI18n();
  return (
    <Space size={[12, 2]} wrap data-testid={testId}>
      <Typography.Text strong data-testid={`${testId}-count`}>{t('deal.totals.count', { count })}</Typography.Text>
      {totals.map((total) => (
        <Space key={total.currency} size={8} data-testid={`${testId}-currency`} data-currency={total.currency}>
          <span>
            <Typography.Text type="secondary">{t('deal.totals.amount')} </Typography.Text>
            <span className="l2c-number" data-testid={`${testId}-amount`}>{formatMoney({ amount: total.amount, currency: total.currency }, locale)}</span>
          </span>
          <span>
            <Typography.Text type="secondary">{t('deal.totals.weighted')} </Typography.Text>
            <span className="l2c-number" data-testid={`${testId}-weighted`}>{formatMoney({ amount: total.weighted, currency: total.currency }, locale)}</span>
          </span>
        </Space>
      ))}
    </Space>
  );
}

/** The totals of what the filtered list shows, computed by the server over every matching deal. */
export function PipelineTotals({ q, filter }: { q: string; filter: Record<string, string | undefined> }) {
  const params = { q, filter };
  const totals = useQuery({
    queryKey: queryKeys.dealTotals(params),
    queryFn: ({ signal }) => opportunitiesApi.totals(params, signal),
  });
  if (!totals.data) return null;
  return (
    <div className="l2c-deal-totals">
      <TotalsLine count={totals.data.count} totals={totals.data.totals} testId="deal-totals" />
    </div>
  );
}
