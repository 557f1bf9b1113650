import { useState } from 'react';
import { Alert, Button, Form, Input, Modal, Space, Typography } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { MissingList } from './MissingList';
import type { GateRefusal } from './stage-gaps';

interface GateRefusedModalProps {
  /** The refusal to show; the modal is closed when null. */
  refusal: GateRefusal | null;
  stageName: string;
  onClose: () => void;
  /** Retries the move with the manager's reason; rejects when that fails too. */
  onOverride: (reason: string) => Promise<void>;
}

/**
 * "Cannot move to … yet": exactly what is missing, and — where the process allows it and the
 * user is a manager — a move anyway with a reason (recorded with the missing items).
 */
export function GateRefusedModal({ refusal, stageName, onClose, onOverride }: GateRefusedModalProps) {
  const { t } = useI18n();
  const [overriding, setOverriding] = useState(false);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const close = () => {
    setOverriding(false);
    setReason('');
    onClose();
  };
  const submit = async () => {
    setSaving(true);
    try {
      await onOverride(reason.trim());
      setOverriding(false);
      setReason('');
    } catch {
      // The caller showed why; the reason stays for another try.
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open={refusal !== null}
      title={t('board.gateTitle', { stage: stageName })}
      onCancel={close}
      destroyOnHidden
      footer={
        <Space wrap>
          {refusal?.canOverride && !overriding ? (
            <Button onClick={() => setOverriding(true)} data-testid="gate-override">
              {t('board.override')}
            </Button>
          ) : null}
          {overriding ? (
            <Button type="primary" danger disabled={!reason.trim()} loading={saving} onClick={() => void submit()} data-testid="gate-override-submit">
              {t('board.overrideSubmit')}
            </Button>
          ) : null}
          <Button type={overriding ? 'default' : 'primary'} onClick={close} data-testid="gate-close">
            {t('board.gateDismiss')}
          </Button>
        </Space>
      }
    >
      {refusal ? (
        <div data-testid="gate-refused">
          <Typography.Paragraph>{refusal.message}</Typography.Paragraph>
          <Typography.Text type="secondary">{t('board.gateIntro')}</Typography.Text>
          <MissingList missing={refusal.missing} />
          {overriding ? (
            <Form layout="vertical">
              <Alert type="warning" showIcon className="l2c-form-alert" title={t('board.overrideHint')} />
              <Form.Item label={t('board.overrideReason')} required>
                <Input.TextArea value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoSize={{ minRows: 2 }} data-testid="gate-override-reason" />
              </Form.Item>
            </Form>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
