import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Popconfirm, Select, Space, Switch, Tag } from 'antd';
import { HistoryOutlined, KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { webhooksApi } from '../api/resources';
import type { Webhook, WebhookInput } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { DeleteButton } from '../shared/DeleteButton';
import { requiredRule, urlRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { PageHeader } from '../shared/PageHeader';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { SecretReveal } from './SecretReveal';
import { isEventPattern, WEBHOOK_EVENTS } from './webhook-events';
import { WebhookDeliveries } from './WebhookDeliveries';

/** Outgoing webhooks (e.g. to the ERP): URL, subscribed events, on/off, and the delivery log. */
export function WebhookList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const [deliveriesOf, setDeliveriesOf] = useState<Webhook | null>(null);
  const [toggling, setToggling] = useState<string | null>(null);
  const canCreate = useCan('webhooks', 'create');
  const canUpdate = useCan('webhooks', 'update');
  const canDelete = useCan('webhooks', 'delete');

  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.all('webhooks') });

  const toggle = async (webhook: Webhook, active: boolean) => {
    setToggling(webhook.id);
    try {
      await webhooksApi.update(webhook.id, { active, version: webhook.version });
      refresh();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setToggling(null);
    }
  };

  const rotate = async (webhook: Webhook) => {
    try {
      const rotated = await webhooksApi.rotateSecret(webhook.id, webhook.version);
      refresh();
      if (rotated.secret) setSecret(rotated.secret);
    } catch (error) {
      showError(error, t('error.saveFailed'));
    }
  };

  const columns: DataColumn<Webhook>[] = [
    {
      key: 'url',
      title: t('webhook.url'),
      locked: true,
      render: (w) => (
        <div>
          <code className="l2c-break">{w.url}</code>
          {w.description ? <div className="l2c-page-subtitle">{w.description}</div> : null}
        </div>
      ),
    },
    {
      key: 'events',
      title: t('webhook.events'),
      render: (w) => (
        <Space size={[4, 4]} wrap>
          {w.events.map((event) => (
            <Tag key={event}>{event}</Tag>
          ))}
        </Space>
      ),
    },
    {
      key: 'active',
      title: t('webhook.active'),
      render: (w) => (
        <Switch
          size="small"
          checked={w.active}
          disabled={!canUpdate}
          loading={toggling === w.id}
          onClick={(checked, event) => {
            event.stopPropagation();
            void toggle(w, checked);
          }}
          data-testid="webhook-active"
        />
      ),
    },
    {
      key: 'secret',
      title: t('webhook.secret'),
      defaultHidden: true,
      render: (w) => (w.secretHint ? <code>{w.secretHint}</code> : ''),
    },
    { key: 'createdAt', title: t('common.createdAt'), render: (w) => formatDateTime(w.createdAt, locale, me.tenant.timezone) },
    {
      key: 'actions',
      title: t('common.actions'),
      locked: true,
      render: (w) => (
        <Space wrap onClick={(event) => event.stopPropagation()}>
          <Button size="small" icon={<HistoryOutlined />} onClick={() => setDeliveriesOf(w)} data-testid="webhook-deliveries-open">
            {t('webhook.deliveries')}
          </Button>
          {canUpdate ? (
            <Popconfirm
              title={t('webhook.rotateConfirm')}
              okText={t('webhook.rotateSecret')}
              cancelText={t('action.cancel')}
              onConfirm={() => rotate(w)}
            >
              <Button size="small" icon={<KeyOutlined />} data-testid="webhook-rotate">
                {t('webhook.rotateSecret')}
              </Button>
            </Popconfirm>
          ) : null}
          {canDelete ? (
            <DeleteButton name={w.url} testId="webhook-delete" onDelete={() => webhooksApi.remove(w.id, w.version)} onDeleted={refresh} />
          ) : null}
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="webhook-list-page">
      <PageHeader
        title={t('nav.webhooks')}
        subtitle={t('module.webhooks')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="webhook-create">
              {t('webhook.create')}
            </Button>
          ) : null
        }
      />
      <DataTable<Webhook>
        tableId="webhooks"
        testId="webhook-list"
        resource="webhooks"
        fetchPage={webhooksApi.list}
        params={{}}
        sort={null}
        columns={columns}
        cardColumns={['url', 'events', 'active', 'actions']}
      />
      <RecordFormDrawer<WebhookInput, Webhook>
        open={creating}
        title={t('webhook.create')}
        testId="webhook-form"
        initialValues={{ url: '', events: [], active: true, description: '' }}
        fieldNames={['url', 'events', 'active', 'description']}
        onSubmit={(values) =>
          webhooksApi.create({
            url: values.url.trim(),
            events: values.events,
            active: values.active,
            description: emptyToNull(values.description),
          })
        }
        onSaved={(webhook) => {
          refresh();
          setCreating(false);
          if (webhook.secret) setSecret(webhook.secret);
        }}
        onClose={() => setCreating(false)}
      >
        <Form.Item name="url" label={t('webhook.url')} rules={[requiredRule(t), urlRule(t)]} extra={t('webhook.urlHelp')}>
          <Input inputMode="url" placeholder="https://erp.example.com/hooks/lead2cash" data-testid="webhook-form-url" />
        </Form.Item>
        <Form.Item
          name="events"
          label={t('webhook.events')}
          rules={[
            { required: true, type: 'array', min: 1, message: t('validation.oneEvent') },
            {
              validator: (_rule, value: string[] | undefined) =>
                (value ?? []).every(isEventPattern)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('validation.eventPattern'))),
            },
          ]}
        >
          <Select
            mode="tags"
            options={WEBHOOK_EVENTS.map((event) => ({ value: event, label: event }))}
            data-testid="webhook-form-events"
          />
        </Form.Item>
        <Form.Item name="description" label={t('webhook.description')} extra={t('webhook.descriptionHelp')}>
          <Input maxLength={500} data-testid="webhook-form-description" />
        </Form.Item>
        <Form.Item name="active" label={t('webhook.active')} valuePropName="checked">
          <Switch data-testid="webhook-form-active" />
        </Form.Item>
      </RecordFormDrawer>
      <SecretReveal
        open={secret !== null}
        title={t('webhook.secretTitle')}
        secret={secret}
        testId="webhook-secret"
        onClose={() => setSecret(null)}
      />
      <WebhookDeliveries webhook={deliveriesOf} onClose={() => setDeliveriesOf(null)} />
    </div>
  );
}
