import { Button, Checkbox, Popover, Space } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context';

export interface ColumnChoice {
  key: string;
  title: string;
  locked: boolean;
}

interface ColumnChooserProps {
  testId: string;
  columns: readonly ColumnChoice[];
  visible: readonly string[];
  onToggle: (key: string) => void;
  onReset: () => void;
}

/** A checkbox popover choosing the visible columns; locked columns (the record name) stay on. */
export function ColumnChooser({ testId, columns, visible, onToggle, onReset }: ColumnChooserProps) {
  const { t } = useI18n();
  const content = (
    <Space orientation="vertical" size={4} data-testid={`${testId}-columns-panel`}>
      {columns.map((column) => (
        <Checkbox
          key={column.key}
          checked={visible.includes(column.key)}
          disabled={column.locked}
          onChange={() => onToggle(column.key)}
          data-testid={`${testId}-column-${column.key}`}
        >
          {column.title}
        </Checkbox>
      ))}
      <Button type="link" size="small" onClick={onReset} className="l2c-link-button">
        {t('table.resetColumns')}
      </Button>
    </Space>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('table.columns')} content={content}>
      <Button icon={<SettingOutlined />} data-testid={`${testId}-columns`} aria-label={t('table.columns')}>
        <span className="l2c-hide-phone">{t('table.columns')}</span>
      </Button>
    </Popover>
  );
}
