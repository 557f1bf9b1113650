import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Tag } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { nurtureApi, type Suppression } from '../api/nurture';
import { queryKeys } from '../api/query-keys';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { DeleteButton } from '../shared/DeleteButton';
import { emailRule, requiredRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useNurtureLabels } from './use-nurture-labels';

/** Addresses never e-mailed again: unsubscribed, bounced, do-not-contact, or added by hand. */
export function SuppressionList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useNurtureLabels();
  const showError = useErrorFeedback();
  const queryClient = useQueryClient();
  const canUpdate = useCan('nurture_programs', 'update');
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ email: string; details: string }>();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.all('nurture-suppressions') });

  const add = async (values: { email: string; details: string }) => {
    setSaving(true);
    try {
      await nurtureApi.addSuppression(values.email.trim(), emptyToNull(values.details));
      refresh();
      setAdding(false);
      form.resetFields();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const columns: DataColumn<Suppression>[] = [
    { key: 'email', title: t('nurture.suppression.email'), locked: true, render: (s) => <span className="l2c-mono">{s.email}</span> },
    { key: 'reason', title: t('nurture.suppression.reason'), render: (s) => <Tag>{labels.suppressionReason(s.reason)}</Tag> },
    { key: 'details', title: t('nurture.suppression.details'), defaultHidden: true, render: (s) => s.details ?? '' },
    { key: 'createdAt', title: t('common.createdAt'), render: (s) => formatDateTime(s.createdAt, locale, me.tenant.timezone) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (s) =>
        canUpdate ? (
          <DeleteButton name={s.email} testId="nurture-suppression-remove" onDelete={() => nurtureApi.removeSuppression(s.id)} onDeleted={refresh} />
        ) : null,
    },
  ];

  return (
    <>
      <DataTable<Suppression>
        tableId="nurture-suppressions"
        testId="nurture-suppression-list"
        resource="nurture-suppressions"
        fetchPage={nurtureApi.suppressions}
        params={{}}
        sort={null}
        columns={columns}
        emptyText={t('nurture.suppression.empty')}
        toolbar={
          canUpdate ? (
            <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="nurture-suppression-add">
              {t('nurture.suppression.add')}
            </Button>
          ) : null
        }
      />
      <Modal
        open={adding}
        title={t('nurture.suppression.add')}
        onCancel={() => setAdding(false)}
        onOk={() => form.submit()}
        okButtonProps={{ loading: saving }}
        okText={t('action.save')}
        cancelText={t('action.cancel')}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)}>
          <Form.Item name="email" label={t('nurture.suppression.email')} rules={[requiredRule(t), emailRule(t)]}>
            <Input inputMode="email" data-testid="nurture-suppression-email" />
          </Form.Item>
          <Form.Item name="details" label={t('nurture.suppression.details')}>
            <Input maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
