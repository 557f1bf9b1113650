import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Select } from 'antd';
import { isApiError } from '../api/api-error';
import { opportunitiesApi, type Opportunity } from '../api/opportunities';
import { queryKeys } from '../api/query-keys';
import { useI18n } from '../i18n/i18n-context';
import { mapFieldErrors } from '../shared/form-errors';
import { requiredRule } from '../shared/form-rules';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { MissingList } from './MissingList';
import { gateRefusal, type GateRefusal } from './stage-gaps';
import { useLossReasons } from './use-deal-data';

interface CloseValues {
  lossReason?: string;
  competitor?: string;
  note?: string;
  overrideReason?: string;
}

interface CloseDealDialogProps {
  deal: Pick<Opportunity, 'id' | 'name' | 'competitors'>;
  /** The outcome chosen; the dialog is closed when null. */
  outcome: 'won' | 'lost' | null;
  onClose: () => void;
  onClosed?: (deal: Opportunity) => void;
}

const FIELDS = ['lossReason', 'competitor', 'note', 'overrideReason'] as const;

/**
 * Close as won or lost. Lost needs a reason from the tenant's picklist, the competitor and a note;
 * won may be refused by the remaining stage gates (shown, with a manager's override where allowed).
 */
export function CloseDealDialog({ deal, outcome, onClose, onClosed }: CloseDealDialogProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<CloseValues>();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const reasons = useLossReasons();
  const [saving, setSaving] = useState(false);
  const [refusal, setRefusal] = useState<GateRefusal | null>(null);
  const lost = outcome === 'lost';

  const close = () => {
    setRefusal(null);
    form.resetFields();
    onClose();
  };

  const submit = async (values: CloseValues) => {
    if (!outcome) return;
    setSaving(true);
    try {
      const closed = await opportunitiesApi.close(deal.id, {
        outcome,
        ...(lost ? { lossReason: values.lossReason ?? null } : {}),
        competitor: values.competitor?.trim() || null,
        note: values.note?.trim() || null,
        ...(values.overrideReason?.trim() ? { overrideReason: values.overrideReason.trim() } : {}),
      });
      queryClient.setQueryData(queryKeys.detail('opportunities', closed.id), closed);
      void queryClient.invalidateQueries({ queryKey: queryKeys.all('opportunities') });
      onClosed?.(closed);
      close();
    } catch (error) {
      const refused = gateRefusal(error);
      if (refused) setRefusal(refused);
      else if (isApiError(error) && error.is('VALIDATION_FAILED')) {
        const { fields, unmatched } = mapFieldErrors(error.fieldErrors, FIELDS);
        form.setFields(fields as Parameters<typeof form.setFields>[0]);
        if (unmatched.length > 0) showError(error);
      } else showError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={outcome !== null}
      title={t(lost ? 'deal.close.titleLost' : 'deal.close.titleWon', { name: deal.name })}
      onCancel={close}
      okText={t('deal.close.submit')}
      okButtonProps={{ loading: saving, danger: lost, ...{ 'data-testid': 'close-deal-submit' } }}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<CloseValues> data-testid="close-deal" form={form} layout="vertical" onFinish={(values) => void submit(values)} initialValues={{ competitor: deal.competitors[0] ?? '' }}>
        {refusal ? (
          <Alert
            type="error"
            showIcon
            className="l2c-form-alert"
            title={refusal.message}
            description={<MissingList missing={refusal.missing} testId="close-missing" />}
            data-testid="close-refused"
          />
        ) : null}
        {lost ? (
          <Form.Item name="lossReason" label={t('deal.close.lossReason')} rules={[requiredRule(t)]}>
            <Select
              loading={reasons.isPending}
              options={(reasons.data ?? []).map((r) => ({ value: r.key, label: r.label ?? r.key }))}
              data-testid="close-loss-reason"
            />
          </Form.Item>
        ) : null}
        <Form.Item name="competitor" label={t(lost ? 'deal.close.competitor' : 'deal.close.competitorWon')} rules={lost ? [requiredRule(t)] : []}>
          <Input maxLength={100} data-testid="close-competitor" />
        </Form.Item>
        <Form.Item name="note" label={t('deal.close.note')} extra={lost ? t('deal.close.noteHint') : undefined} rules={lost ? [requiredRule(t)] : []}>
          <Input.TextArea autoSize={{ minRows: 3 }} maxLength={2000} data-testid="close-note" />
        </Form.Item>
        {refusal?.canOverride ? (
          <Form.Item name="overrideReason" label={t('board.overrideReason')} extra={t('board.overrideHint')}>
            <Input.TextArea autoSize={{ minRows: 2 }} maxLength={500} data-testid="close-override-reason" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
