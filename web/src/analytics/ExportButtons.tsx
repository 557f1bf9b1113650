import { Button, Space } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { analyticsApi, type AnalyticsFilters, type ExportFormat } from '../api/analytics';
import { useI18n } from '../i18n/i18n-context';

interface ExportButtonsProps {
  /** The analytics endpoint whose table is downloaded (`/analytics/win-rates`). */
  path: string;
  filters: AnalyticsFilters;
  /** The endpoint's other parameters (groupBy, model, processId). */
  extra?: Record<string, string | undefined>;
  testId: string;
  formats?: readonly ExportFormat[];
}

/** The table as the API exports it (`?format=csv|xlsx`, headers in the reader's language). */
export function ExportButtons({ path, filters, extra, testId, formats = ['csv', 'xlsx'] }: ExportButtonsProps) {
  const { t } = useI18n();
  return (
    <Space.Compact size="small">
      {formats.map((format) => (
        <Button
          key={format}
          size="small"
          icon={<DownloadOutlined />}
          href={analyticsApi.exportUrl(path, filters, format, extra)}
          data-testid={`${testId}-${format}`}
          aria-label={t(format === 'csv' ? 'analytics.export.csv' : 'analytics.export.xlsx')}
        >
          {format.toUpperCase()}
        </Button>
      ))}
    </Space.Compact>
  );
}
