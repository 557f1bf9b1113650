import { useState } from 'react';
import { Form, Modal, Typography } from 'antd';
import { useI18n } from '../i18n/i18n-context';
import { TeamSelect } from '../settings/TeamSelect';
import { UserSelect } from '../shared/UserSelect';
import { useIsPhone } from '../shared/use-is-phone';

interface AssignModalProps {
  open: boolean;
  leadName: string;
  initial?: { ownerId: string | null; ownerName?: string | null; teamId: string | null };
  onSubmit: (target: { ownerId?: string | null; teamId?: string | null }) => Promise<unknown>;
  onClose: () => void;
}

/** Routes a lead by hand to a rep and/or a team. */
export function AssignModal({ open, leadName, initial, onSubmit, onClose }: AssignModalProps) {
  const { t } = useI18n();
  const isPhone = useIsPhone();
  const [ownerId, setOwnerId] = useState<string | null>(initial?.ownerId ?? null);
  const [teamId, setTeamId] = useState<string | null>(initial?.teamId ?? null);
  const [saving, setSaving] = useState(false);
  const [touched, setTouched] = useState(false);
  const empty = !ownerId && !teamId;

  const submit = async () => {
    setTouched(true);
    if (empty) return;
    setSaving(true);
    try {
      await onSubmit({ ...(ownerId ? { ownerId } : {}), ...(teamId ? { teamId } : {}) });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('leadAssign.title')}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('leadAssign.submit')}
      cancelText={t('action.cancel')}
      okButtonProps={{ loading: saving, ...{ 'data-testid': 'assign-submit' } }}
      destroyOnHidden
      width={isPhone ? '100%' : 480}
      data-testid="assign-modal"
    >
      <Typography.Paragraph strong>{leadName}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('leadAssign.owner')}>
          <UserSelect
            value={ownerId}
            onChange={setOwnerId}
            initialOption={initial?.ownerId ? { value: initial.ownerId, label: initial.ownerName ?? '' } : null}
            allowClear
            testId="assign-owner"
          />
        </Form.Item>
        <Form.Item label={t('leadAssign.team')}>
          <TeamSelect value={teamId} onChange={setTeamId} testId="assign-team" />
        </Form.Item>
      </Form>
      {touched && empty ? <Typography.Text type="danger">{t('leadAssign.needOne')}</Typography.Text> : null}
    </Modal>
  );
}
