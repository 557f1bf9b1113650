import { useState } from 'react';
import { Button, Input, Modal, Space, Typography } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en-us';
import { useIsPhone } from '../shared/use-is-phone';
import { REASON_PRESETS, type ReasonAction } from './lead-actions';

const TITLES: Record<ReasonAction, MessageKey> = {
  reject: 'reasonForm.title.reject',
  'return-to-nurture': 'reasonForm.title.return-to-nurture',
  disqualify: 'reasonForm.title.disqualify',
};

const HELP: Record<ReasonAction, MessageKey> = {
  reject: 'reasonForm.help.reject',
  'return-to-nurture': 'reasonForm.help.return-to-nurture',
  disqualify: 'reasonForm.help.disqualify',
};

interface ReasonModalProps {
  /** The action asked for; null keeps the modal closed. */
  action: ReasonAction | null;
  leadName: string;
  onSubmit: (reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** Asks why (reject, return to nurture, disqualify): one tap on a usual reason, or typed. */
export function ReasonModal({ action, leadName, onSubmit, onClose }: ReasonModalProps) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState(false);
  const missing = reason.trim() === '';

  const close = () => {
    setReason('');
    setTouched(false);
    onClose();
  };

  const submit = async () => {
    setTouched(true);
    if (missing) return;
    setSaving(true);
    try {
      await onSubmit(reason.trim());
      setReason('');
      setTouched(false);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={action !== null}
      title={action ? t(TITLES[action]) : ''}
      onCancel={close}
      destroyOnHidden
      width={isPhone ? '100%' : 480}
      footer={[
        <Button key="cancel" onClick={close} data-testid="reason-cancel">
          {t('action.cancel')}
        </Button>,
        <Button
          key="ok"
          type="primary"
          danger={action === 'disqualify'}
          loading={saving}
          onClick={() => void submit()}
          data-testid="reason-submit"
        >
          {t('reasonForm.submit')}
        </Button>,
      ]}
      data-testid="reason-modal"
    >
      {action ? (
        <Space direction="vertical" size="middle" className="l2c-full-width">
          <Typography.Text strong>{leadName}</Typography.Text>
          <Typography.Text type="secondary">{t(HELP[action])}</Typography.Text>
          <div className="l2c-reason-presets">
            {REASON_PRESETS[action].map((key) => (
              <Button
                key={key}
                size="middle"
                type={reason === t(key) ? 'primary' : 'default'}
                ghost={reason === t(key)}
                onClick={() => setReason(t(key))}
                data-testid={`reason-preset-${key.split('.')[1]}`}
              >
                {t(key)}
              </Button>
            ))}
          </div>
          <Input.TextArea
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder={t('reasonForm.placeholder')}
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={500}
            status={touched && missing ? 'error' : undefined}
            data-testid="reason-input"
            aria-label={t('reasonForm.label')}
          />
          {touched && missing ? <Typography.Text type="danger">{t('validation.required')}</Typography.Text> : null}
        </Space>
      ) : null}
    </Modal>
  );
}
