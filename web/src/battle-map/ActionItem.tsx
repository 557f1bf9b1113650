import type { ReactNode } from 'react';
import { Button, Checkbox, List, Popconfirm, Space, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { battleMapApi, type StakeholderAction } from '../api/battle-map';
import { useMe } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { useErrorFeedback } from '../shared/use-error-feedback';

interface ActionItemProps {
  opportunityId: string;
  action: StakeholderAction;
  userNames: ReadonlyMap<string, string>;
  canEdit: boolean;
  /** Whom the action is about, in the deal's action plan (left out inside a stakeholder's drawer). */
  subject?: ReactNode;
  onChanged: () => void;
}

/** One planned action: what, who of us, by when (overdue in red); tick when done, or drop it. */
export function ActionItem({ opportunityId, action: a, userNames, canEdit, subject, onChanged }: ActionItemProps) {
  const { t, locale } = useI18n();
  const me = useMe();
  const showError = useErrorFeedback();
  const overdue = !a.done && a.dueAt !== null && new Date(a.dueAt).getTime() < Date.now();

  const toggle = async (done: boolean) => {
    try {
      await battleMapApi.updateAction(opportunityId, a.stakeholderId, a.id, { done, version: a.version });
      onChanged();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };

  const remove = async () => {
    try {
      await battleMapApi.removeAction(opportunityId, a.stakeholderId, a.id);
      onChanged();
    } catch (error) {
      showError(error, t('error.deleteFailed'));
    }
  };

  return (
    <List.Item
      data-testid="action-item"
      data-done={a.done ? 'true' : 'false'}
      actions={
        canEdit
          ? [
              <Popconfirm
                key="delete"
                title={t('action.deleteConfirm', { name: a.description })}
                okText={t('action.delete')}
                cancelText={t('action.cancel')}
                okButtonProps={{ danger: true }}
                onConfirm={() => remove()}
              >
                <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('action.delete')} />
              </Popconfirm>,
            ]
          : undefined
      }
    >
      <Space align="start">
        <Checkbox checked={a.done} disabled={!canEdit} onChange={(e) => void toggle(e.target.checked)} aria-label={t('battleMap.actionDone')} data-testid="action-done" />
        <div>
          {subject ? <div className="l2c-bm-action-subject">{subject}</div> : null}
          <Typography.Text delete={a.done}>{a.description}</Typography.Text>
          <div className="l2c-bm-muted">
            {t('battleMap.actionWho', { who: a.visitorIds.map((id) => userNames.get(id) ?? '?').join('、') })}
            {a.dueAt ? ` · ${t('battleMap.actionBy', { date: formatDate(a.dueAt, locale, me.tenant.timezone) })}` : ''}
            {overdue ? (
              <Tag color="red" className="l2c-bm-overdue">
                {t('battleMap.overdue')}
              </Tag>
            ) : null}
          </div>
        </div>
      </Space>
    </List.Item>
  );
}
