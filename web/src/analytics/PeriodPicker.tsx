import { useMemo } from 'react';
import { Button, Select, Space } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context';
import { formatDate } from '../i18n/format';
import { periodsOfYear, shiftPeriod, type PeriodKey } from './fiscal-calendar';
import { usePeriodLabel } from './use-period-label';

interface PeriodPickerProps {
  value: PeriodKey;
  onChange: (key: string) => void;
  startMonth: number;
  /** The fiscal year of today: the picker offers two years back and one ahead. */
  currentYear: number;
}

/** A fiscal year, quarter or month of the tenant's calendar, with steps to the previous and next one. */
export function PeriodPicker({ value, onChange, startMonth, currentYear }: PeriodPickerProps) {
  const { t, locale } = useI18n();
  const label = usePeriodLabel();
  const options = useMemo(
    () =>
      [currentYear + 1, currentYear, currentYear - 1, currentYear - 2].map((year) => ({
        label: label({ key: `FY${year}`, type: 'year', fiscalYear: year, index: 1 }),
        options: periodsOfYear(year, startMonth).map((p) => ({
          value: p.key,
          label: label(p),
          title: `${formatDate(p.start, locale)} – ${formatDate(p.end, locale)}`,
        })),
      })),
    [currentYear, startMonth, label, locale],
  );
  return (
    <Space.Compact data-testid="analytics-period">
      <Button icon={<LeftOutlined />} aria-label={t('analytics.period.previous')} onClick={() => onChange(shiftPeriod(value, -1).key)} data-testid="analytics-period-prev" />
      <Select
        value={value.key}
        onChange={onChange}
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        className="l2c-analytics-period"
        popupMatchSelectWidth={false}
        data-testid="analytics-period-select"
      />
      <Button icon={<RightOutlined />} aria-label={t('analytics.period.next')} onClick={() => onChange(shiftPeriod(value, 1).key)} data-testid="analytics-period-next" />
    </Space.Compact>
  );
}
