import { Form, Input, Select, Space } from 'antd';
import type { NamePath } from 'antd/es/form/interface';
import { useI18n } from '../i18n/i18n-context';
import { amountRule } from './form-rules';
import { CURRENCIES } from './money';

interface MoneyInputProps {
  /** Form names of the typed amount (text, never a float) and of the currency code. */
  amountName: NamePath;
  currencyName: NamePath;
  label: string;
  extra?: string;
  /** Test ids `<testId>` (amount) and `<testId>-currency`. */
  testId: string;
}

/** An amount typed as text beside its currency, as one form row. */
export function MoneyInput({ amountName, currencyName, label, extra, testId }: MoneyInputProps) {
  const { t } = useI18n();
  return (
    <Form.Item label={label} extra={extra} required={false}>
      <Space.Compact block>
        <Form.Item name={amountName} noStyle rules={[amountRule(t)]}>
          <Input inputMode="decimal" placeholder="0.00" data-testid={testId} />
        </Form.Item>
        <Form.Item name={currencyName} noStyle>
          <Select
            className="l2c-currency-select"
            options={CURRENCIES.map((code) => ({ value: code, label: code }))}
            popupMatchSelectWidth={false}
            data-testid={`${testId}-currency`}
          />
        </Form.Item>
      </Space.Compact>
    </Form.Item>
  );
}
