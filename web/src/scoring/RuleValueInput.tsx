import { AutoComplete, InputNumber, Select, Space } from 'antd';
import type { RuleCategory, RuleValue } from '../api/scoring';
import { useI18n } from '../i18n/i18n-context';
import { valueOptions } from './rule-summary';
import type { ValueShape } from './rule-vocabulary';

interface RuleValueInputProps {
  /** Set by Form.Item. */
  value?: RuleValue;
  onChange?: (value: RuleValue) => void;
  shape: ValueShape;
  category: RuleCategory;
  field: string | null;
  keywords?: boolean;
}

const asNumber = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The value of a condition, as the operator needs it: one value, a list, a number or a range. */
export function RuleValueInput({ value, onChange, shape, category, field, keywords }: RuleValueInputProps) {
  const { t, locale } = useI18n();
  const options = category === 'fit' ? valueOptions(field, locale) : [];
  if (shape === 'list') {
    return (
      <Select
        mode="tags"
        value={Array.isArray(value) ? value.map(String) : []}
        onChange={(next: string[]) => onChange?.(next)}
        options={options}
        tokenSeparators={[',', '，', '、']}
        placeholder={keywords ? '总监, CIO, Director' : undefined}
        open={options.length === 0 ? false : undefined}
        suffixIcon={options.length === 0 ? null : undefined}
        data-testid="scoring-rule-value-list"
      />
    );
  }
  if (shape === 'number') {
    return (
      <InputNumber
        className="l2c-full-width"
        value={asNumber(value)}
        onChange={(next) => onChange?.(asNumber(next))}
        data-testid="scoring-rule-value-number"
      />
    );
  }
  if (shape === 'range') {
    const [min, max] = Array.isArray(value) ? value : [null, null];
    return (
      <Space.Compact className="l2c-full-width">
        <InputNumber
          className="l2c-full-width"
          placeholder={t('scoring.form.min')}
          value={asNumber(min)}
          onChange={(next) => onChange?.([asNumber(next) ?? 0, asNumber(max) ?? 0])}
          data-testid="scoring-rule-value-min"
        />
        <InputNumber
          className="l2c-full-width"
          placeholder={t('scoring.form.max')}
          value={asNumber(max)}
          onChange={(next) => onChange?.([asNumber(min) ?? 0, asNumber(next) ?? 0])}
          data-testid="scoring-rule-value-max"
        />
      </Space.Compact>
    );
  }
  return (
    <AutoComplete
      value={typeof value === 'string' || typeof value === 'number' ? String(value) : ''}
      onChange={(next: string) => onChange?.(next)}
      options={options}
      filterOption={(input, option) => String(option?.label ?? '').toLowerCase().includes(input.toLowerCase())}
      data-testid="scoring-rule-value-text"
    />
  );
}
