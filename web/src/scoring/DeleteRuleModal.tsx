import { useEffect, useState } from 'react';
import { Button, Modal, Skeleton, Space } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { scoringApi, type ScoringRule } from '../api/scoring';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { ImpactPreview } from './ImpactPreview';
import { usePreview } from './usePreview';

/** Deleting a rule: first what it would do to the leads' grades, then the confirmation. */
export function DeleteRuleModal({ rule, onClose, onDeleted }: { rule: ScoringRule | null; onClose: () => void; onDeleted: () => void }) {
  const { t } = useI18n();
  const showError = useErrorFeedback();
  const { preview, loading, run, reset } = usePreview();
  const [deleting, setDeleting] = useState(false);

  useEffect(() => {
    reset();
    if (rule) run({ removed: [rule.id] }).catch((error: unknown) => showError(error));
  }, [rule, run, reset, showError]);

  const remove = async () => {
    if (!rule) return;
    setDeleting(true);
    try {
      await scoringApi.removeRule(rule.id, rule.version);
      onDeleted();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setDeleting(false);
    }
  };

  return (
    <Modal
      open={rule !== null}
      title={t('scoring.delete.title', { name: rule?.name ?? '' })}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      data-testid="scoring-rule-delete"
      footer={
        <Space>
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button danger type="primary" icon={<DeleteOutlined />} loading={deleting} onClick={() => void remove()} data-testid="scoring-rule-delete-confirm">
            {t('action.delete')}
          </Button>
        </Space>
      }
    >
      {loading || !preview ? <Skeleton active paragraph={{ rows: 4 }} /> : <ImpactPreview preview={preview} />}
    </Modal>
  );
}
