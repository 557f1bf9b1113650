import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, DatePicker, Descriptions, Drawer, Empty, Form, Input, List, Popconfirm, Rate, Segmented, Select, Space, Tag, Timeline, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { battleMapApi, type Attitude, type Stakeholder } from '../api/battle-map';
import { queryKeys } from '../api/query-keys';
import { useMe } from '../auth/session-context';
import { formatDate, formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { requiredRule } from '../shared/form-rules';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { useIsPhone } from '../shared/use-is-phone';
import { ActionItem } from './ActionItem';
import { ATTITUDE_COLORS, useBattleMapLabels } from './use-battle-map-labels';

interface StakeholderDrawerProps {
  opportunityId: string;
  stakeholder: Stakeholder | null;
  /** Their manager on the map, if any. */
  managerName: string | null;
  userNames: ReadonlyMap<string, string>;
  canEdit: boolean;
  onClose: () => void;
  onEdit: () => void;
  /** After any change: the map and its warnings are refetched. */
  onChanged: () => void;
}

/** One stakeholder: who they are to the deal, their attitude and its history, and what we plan to do with them. */
export function StakeholderDrawer({ opportunityId, stakeholder, managerName, userNames, canEdit, onClose, onEdit, onChanged }: StakeholderDrawerProps) {
  const { t, locale } = useI18n();
  const me = useMe();
  const isPhone = useIsPhone();
  const labels = useBattleMapLabels();
  const showError = useErrorFeedback();
  const s = stakeholder;
  const userName = (id: string | null) => (id ? (userNames.get(id) ?? t('common.empty')) : t('common.empty'));

  const remove = async () => {
    if (!s) return;
    try {
      await battleMapApi.remove(opportunityId, s.id);
      onChanged();
      onClose();
    } catch (error) {
      showError(error, t('error.deleteFailed'));
    }
  };

  return (
    <Drawer
      open={!!s}
      onClose={onClose}
      size={isPhone ? '100%' : 520}
      title={s ? (s.contactName ?? t('battleMap.hiddenContact')) : ''}
      destroyOnHidden
      data-testid="stakeholder-drawer"
      extra={
        s && canEdit ? (
          <Space>
            <Button icon={<EditOutlined />} onClick={onEdit} data-testid="stakeholder-edit">
              {t('action.edit')}
            </Button>
            <Popconfirm
              title={t('battleMap.removeConfirm', { name: s.contactName ?? '' })}
              okText={t('battleMap.remove')}
              cancelText={t('action.cancel')}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove()}
            >
              <Button danger icon={<DeleteOutlined />} aria-label={t('battleMap.remove')} data-testid="stakeholder-remove" />
            </Popconfirm>
          </Space>
        ) : null
      }
    >
      {s ? (
        <>
          <Descriptions column={1} size="small" bordered className="l2c-section">
            <Descriptions.Item label={t('battleMap.contactTitle')}>{s.contactTitle ?? t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('battleMap.role')}>
              <Tag color={s.role === 'power_sponsor' ? 'gold' : 'blue'}>{labels.role(s.role)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('battleMap.level')}>{labels.level(s.level) || t('common.empty')}</Descriptions.Item>
            <Descriptions.Item label={t('battleMap.reportsTo')}>{managerName ?? t('battleMap.reportsToNobody')}</Descriptions.Item>
            <Descriptions.Item label={t('battleMap.influence')}>
              <Rate disabled count={5} value={s.influence} className="l2c-bm-influence" />
            </Descriptions.Item>
            <Descriptions.Item label={t('battleMap.owner')}>{userName(s.relationshipOwnerId)}</Descriptions.Item>
            <Descriptions.Item label={t('battleMap.lastContact')}>
              {s.lastContactAt ? formatDate(s.lastContactAt, locale, me.tenant.timezone) : t('battleMap.notMet')}
            </Descriptions.Item>
            {s.notes ? <Descriptions.Item label={t('battleMap.notes')}>{s.notes}</Descriptions.Item> : null}
          </Descriptions>
          <AttitudeSection opportunityId={opportunityId} stakeholder={s} userName={userName} canEdit={canEdit} onChanged={onChanged} />
          <ActionsSection opportunityId={opportunityId} stakeholder={s} userNames={userNames} canEdit={canEdit} onChanged={onChanged} />
        </>
      ) : null}
    </Drawer>
  );
}

interface SectionProps {
  opportunityId: string;
  stakeholder: Stakeholder;
  canEdit: boolean;
  onChanged: () => void;
}

/** The attitude now, a quick way to change it with the reason, and how it changed before. */
function AttitudeSection({ opportunityId, stakeholder: s, userName, canEdit, onChanged }: SectionProps & { userName: (id: string | null) => string }) {
  const { t, locale } = useI18n();
  const me = useMe();
  const labels = useBattleMapLabels();
  const showError = useErrorFeedback();
  const [next, setNext] = useState<Attitude>(s.attitude);
  const [note, setNote] = useState('');
  const [saving, setSaving] = useState(false);
  const history = useQuery({
    queryKey: [...queryKeys.attitudeHistory(opportunityId, s.id), s.version],
    queryFn: ({ signal }) => battleMapApi.attitudeHistory(opportunityId, s.id, signal),
  });

  const save = async () => {
    setSaving(true);
    try {
      await battleMapApi.update(opportunityId, s.id, { attitude: next, attitudeNote: note.trim() || null, version: s.version });
      setNote('');
      onChanged();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="l2c-section" data-testid="stakeholder-attitude">
      <Typography.Title level={5}>{t('battleMap.attitude')}</Typography.Title>
      {canEdit ? (
        <Space orientation="vertical" className="l2c-full-width">
          <Segmented<Attitude> block value={next} onChange={setNext} options={labels.attitudeOptions} data-testid="attitude-switch" />
          {next !== s.attitude ? (
            <Space.Compact block>
              <Input
                value={note}
                onChange={(e) => setNote(e.target.value)}
                maxLength={500}
                placeholder={t('battleMap.attitudeNoteHelp')}
                data-testid="attitude-note"
              />
              <Button type="primary" loading={saving} onClick={() => void save()} data-testid="attitude-save">
                {t('action.save')}
              </Button>
            </Space.Compact>
          ) : null}
        </Space>
      ) : (
        <Tag color={ATTITUDE_COLORS[s.attitude]}>{labels.attitude(s.attitude)}</Tag>
      )}
      <Typography.Text type="secondary" className="l2c-bm-subheading">
        {t('battleMap.attitudeHistory')}
      </Typography.Text>
      {history.isError ? <QueryErrorResult error={history.error} onRetry={() => void history.refetch()} /> : null}
      <Timeline
        className="l2c-bm-history"
        data-testid="attitude-history"
        items={[...(history.data?.data ?? [])].reverse().map((h) => ({
          key: h.id,
          color: h.toAttitude === 'support' ? 'green' : h.toAttitude === 'oppose' ? 'red' : 'gray',
          content: (
            <div data-testid="attitude-history-entry">
              <div>
                {h.fromAttitude
                  ? t('battleMap.attitudeChanged', { from: labels.attitude(h.fromAttitude), to: labels.attitude(h.toAttitude) })
                  : t('battleMap.attitudeFirst', { to: labels.attitude(h.toAttitude) })}
              </div>
              {h.note ? <div>“{h.note}”</div> : null}
              <Typography.Text type="secondary">
                {formatDateTime(h.at, locale, me.tenant.timezone)} · {userName(h.actorId)}
              </Typography.Text>
            </div>
          ),
        }))}
      />
    </section>
  );
}

interface ActionFormValues {
  description: string;
  visitorIds: string[];
  dueAt: Dayjs | null;
}

/** Who of us visits this stakeholder, by when; tick when done. */
function ActionsSection({ opportunityId, stakeholder: s, userNames, canEdit, onChanged }: SectionProps & { userNames: ReadonlyMap<string, string> }) {
  const { t } = useI18n();
  const me = useMe();
  const showError = useErrorFeedback();
  const [form] = Form.useForm<ActionFormValues>();
  const [adding, setAdding] = useState(false);
  const [saving, setSaving] = useState(false);
  const userOptions = [...userNames].map(([value, label]) => ({ value, label }));

  const add = async (values: ActionFormValues) => {
    setSaving(true);
    try {
      await battleMapApi.addAction(opportunityId, s.id, {
        description: values.description.trim(),
        visitorIds: values.visitorIds?.length ? values.visitorIds : [me.user.id],
        dueAt: values.dueAt ? values.dueAt.endOf('day').toISOString() : null,
        done: false,
      });
      form.resetFields();
      setAdding(false);
      onChanged();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="l2c-section" data-testid="stakeholder-actions">
      <div className="l2c-bm-section-head">
        <Typography.Title level={5}>{t('battleMap.actions')}</Typography.Title>
        {canEdit && !adding ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="action-add">
            {t('battleMap.addAction')}
          </Button>
        ) : null}
      </div>
      {adding ? (
        <Form<ActionFormValues> form={form} layout="vertical" onFinish={(v) => void add(v)} initialValues={{ visitorIds: [me.user.id], dueAt: null }} data-testid="action-form">
          <Form.Item name="description" label={t('battleMap.actionDescription')} rules={[requiredRule(t)]}>
            <Input maxLength={500} placeholder={t('battleMap.actionPlaceholder')} data-testid="action-form-description" />
          </Form.Item>
          <Form.Item name="visitorIds" label={t('battleMap.visitors')}>
            <Select mode="multiple" options={userOptions} optionFilterProp="label" data-testid="action-form-visitors" />
          </Form.Item>
          <Form.Item name="dueAt" label={t('battleMap.dueBy')}>
            <DatePicker className="l2c-full-width" data-testid="action-form-due" />
          </Form.Item>
          <Space>
            <Button onClick={() => setAdding(false)}>{t('action.cancel')}</Button>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="action-form-submit">
              {t('action.save')}
            </Button>
          </Space>
        </Form>
      ) : null}
      {s.actions.length === 0 && !adding ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('battleMap.noActions')} /> : null}
      {s.actions.length === 0 ? null : (
        <List
          size="small"
          dataSource={s.actions}
          data-testid="action-list"
          renderItem={(a) => <ActionItem opportunityId={opportunityId} action={a} userNames={userNames} canEdit={canEdit} onChanged={onChanged} />}
        />
      )}
    </section>
  );
}
