import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/i18n-context';

interface SecretRevealProps {
  open: boolean;
  title: string;
  secret: string | null;
  testId: string;
  onClose: () => void;
}

/** Shows a secret (API key, webhook signing secret) the one time the server returns it. */
export function SecretReveal({ open, title, secret, testId, onClose }: SecretRevealProps) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose} data-testid={`${testId}-done`}>
          {t('secret.done')}
        </Button>
      }
      data-testid={testId}
    >
      <Alert type="warning" showIcon title={t('secret.onceWarning')} className="l2c-form-alert" />
      <Typography.Paragraph copyable={{ text: secret ?? '' }} className="l2c-secret" data-testid={`${testId}-value`}>
        <code>{secret}</code>
      </Typography.Paragraph>
    </Modal>
  );
}
