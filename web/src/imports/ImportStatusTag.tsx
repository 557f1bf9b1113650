import { Tag } from 'antd';
import type { ImportStatus } from '../api/imports';
import { useI18n } from '../i18n/i18n-context';
import { STATUS_COLORS } from './import-state';

export function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="import-status" data-status={status}>
      {t(`imports.status.${status}`)}
    </Tag>
  );
}
