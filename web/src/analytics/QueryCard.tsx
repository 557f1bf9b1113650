import type { ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Card, Skeleton, Space } from 'antd';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { ExportButtons } from './ExportButtons';
import type { AnalyticsFilters } from '../api/analytics';

interface QueryCardProps<T> {
  query: UseQueryResult<T>;
  title: ReactNode;
  extra?: ReactNode;
  testId?: string;
  /** What the card shows once the answer is there. */
  children: (data: T) => ReactNode;
  /** Shown below the answer whatever its state (dialogs, drawers). */
  after?: ReactNode;
  /** The endpoint whose tables the card offers as CSV and Excel downloads. */
  exportTo?: { path: string; filters: AnalyticsFilters; extra?: Record<string, string | undefined> };
}

/** A card of the analytics pages: loading skeleton, the error with a retry, then the figures. */
export function QueryCard<T>({ query, title, extra, testId, children, after, exportTo }: QueryCardProps<T>) {
  const actions = exportTo ? (
    <Space wrap size="small">
      {extra}
      <ExportButtons path={exportTo.path} filters={exportTo.filters} extra={exportTo.extra} testId={`${testId ?? 'analytics'}-export`} />
    </Space>
  ) : (
    extra
  );
  return (
    <Card className="l2c-section" size="small" title={title} extra={actions} data-testid={testId}>
      {query.isPending ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {query.isError ? <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.data !== undefined ? children(query.data) : null}
      {after}
    </Card>
  );
}
