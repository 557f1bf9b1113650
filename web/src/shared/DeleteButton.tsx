import { useState } from 'react';
import { Button, Popconfirm } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from './use-error-feedback';

interface DeleteButtonProps {
  onDelete: () => Promise<void>;
  onDeleted: () => void;
  testId: string;
  /** What is deleted, for the confirmation question. */
  name: string;
}

/** Delete with a confirmation; a conflict or refusal from the server is shown, not swallowed. */
export function DeleteButton({ onDelete, onDeleted, testId, name }: DeleteButtonProps) {
  const { t } = useI18n();
  const showError = useErrorFeedback();
  const [deleting, setDeleting] = useState(false);

  const confirm = async () => {
    setDeleting(true);
    try {
      await onDelete();
      onDeleted();
    } catch (error) {
      showError(error, t('error.deleteFailed'));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Popconfirm
      title={t('action.deleteConfirm', { name })}
      okText={t('action.delete')}
      cancelText={t('action.cancel')}
      okButtonProps={{ danger: true, loading: deleting }}
      onConfirm={() => confirm()}
    >
      <Button danger icon={<DeleteOutlined />} data-testid={testId}>
        {t('action.delete')}
      </Button>
    </Popconfirm>
  );
}
