import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Descriptions, Form, Input, Modal, Radio } from 'antd';
import { isApiError } from '../api/api-error';
import { analyticsApi, type AdjustableCategory, type ForecastRow } from '../api/analytics';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { mapFieldErrors } from '../shared/form-errors';
import { amountRule, requiredRule } from '../shared/form-rules';
import { normalizeAmount } from '../shared/money';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useAnalyticsFormat } from './use-analytics-format';

interface AdjustValues {
  category: AdjustableCategory;
  amount: string;
  note: string;
}

interface AdjustForecastModalProps {
  /** The rep's forecast row (per owner); null closes the dialog. */
  row: ForecastRow | null;
  period: string;
  currency: string;
  onClose: () => void;
}

const FIELDS = ['category', 'amount', 'note'];

/** A manager sets a rep's commit or best case with a note; the rep's own figure stays beside it (OPP-6). */
export function AdjustForecastModal({ row, period, currency, onClose }: AdjustForecastModalProps) {
  const { t } = useI18n();
  const format = useAnalyticsFormat();
  const [form] = Form.useForm<AdjustValues>();
  const category = Form.useWatch('category', form) ?? 'commit';
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const save = useMutation({
    mutationFn: (values: AdjustValues) =>
      analyticsApi.adjustForecast({
        subjectId: row!.key!,
        period,
        category: values.category,
        amount: { amount: normalizeAmount(values.amount) ?? values.amount, currency },
        note: values.note.trim(),
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.analyticsAll() });
      onClose();
    },
    onError: (error) => {
      if (!isApiError(error)) return showError(error);
      const { fields, unmatched } = mapFieldErrors(error.fieldErrors, FIELDS, { 'amount.amount': 'amount' });
      form.setFields(fields as Parameters<typeof form.setFields>[0]);
      if (fields.length === 0 || unmatched.length > 0) showError(error);
    },
  });
  const own = row ? (category === 'commit' ? row.commit : row.bestCase) : null;
  const latest = row?.adjusted?.adjustments?.[category];
  return (
    <Modal
      open={!!row}
      title={t('analytics.adjust.title', { name: row?.label ?? '' })}
      okText={t('action.save')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={{ ...{ 'data-testid': 'adjust-save' } }}
      data-testid="adjust-dialog"
    >
      <Descriptions
        size="small"
        column={1}
        className="l2c-section"
        items={[
          { key: 'own', label: t('analytics.adjust.own'), children: <span data-testid="adjust-own">{format.money(own, currency)}</span> },
          ...(latest
            ? [{ key: 'latest', label: t('analytics.adjust.latest'), children: `${format.money(latest.adjusted, currency)} — ${latest.note} (${latest.adjustedByName ?? ''})` }]
            : []),
        ]}
      />
      <Form<AdjustValues>
        form={form}
        layout="vertical"
        initialValues={{ category: 'commit', amount: '', note: '' }}
        onFinish={(values) => save.mutate(values)}
      >
        <Form.Item name="category" label={t('analytics.adjust.category')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: 'commit', label: t('analytics.forecast.commit') },
              { value: 'best_case', label: t('analytics.forecast.bestCase') },
            ]}
            data-testid="adjust-category"
          />
        </Form.Item>
        <Form.Item name="amount" label={t('analytics.adjust.amount', { currency })} rules={[requiredRule(t), amountRule(t)]}>
          <Input inputMode="decimal" placeholder="0.00" data-testid="adjust-amount" />
        </Form.Item>
        <Form.Item name="note" label={t('analytics.adjust.note')} rules={[requiredRule(t)]}>
          <Input.TextArea rows={3} maxLength={2000} data-testid="adjust-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
