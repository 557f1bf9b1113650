import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { KeyOutlined, PlusOutlined } from '@ant-design/icons';
import { queryKeys } from '../api/query-keys';
import { apiKeysApi } from '../api/resources';
import type { ApiKey, CreatedApiKey } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { requiredRule } from '../shared/form-rules';
import { PageHeader } from '../shared/PageHeader';
import { useErrorFeedback } from '../shared/use-error-feedback';
import { SecretReveal } from './SecretReveal';

/** API keys for integrations (the ERP): created here, shown once, revoked here. */
export function ApiKeyList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const showError = useErrorFeedback();
  const [form] = Form.useForm<{ name: string }>();
  const [creating, setCreating] = useState(false);
  const [saving, setSaving] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const timeZone = me.tenant.timezone;
  const canCreate = useCan('api_keys', 'create');
  const canRevoke = useCan('api_keys', 'delete');

  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.all('api-keys') });

  const create = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setSaving(true);
    try {
      const key = await apiKeysApi.create(values.name.trim());
      setCreating(false);
      form.resetFields();
      setCreated(key);
      refresh();
    } catch (error) {
      showError(error, t('error.saveFailed'));
    } finally {
      setSaving(false);
    }
  };

  const revoke = async (key: ApiKey) => {
    try {
      await apiKeysApi.revoke(key.id, key.version);
      refresh();
    } catch (error) {
      showError(error);
    }
  };

  const columns: DataColumn<ApiKey>[] = [
    { key: 'name', title: t('apiKey.name'), locked: true, render: (k) => k.name },
    { key: 'prefix', title: t('apiKey.prefix'), render: (k) => <code>{k.prefix}</code> },
    { key: 'owner', title: t('apiKey.createdBy'), render: (k) => k.ownerName ?? '' },
    { key: 'createdAt', title: t('common.createdAt'), render: (k) => formatDateTime(k.createdAt, locale, timeZone) },
    {
      key: 'lastUsedAt',
      title: t('apiKey.lastUsed'),
      render: (k) => (k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale, timeZone) : t('apiKey.neverUsed')),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      locked: true,
      render: (k) =>
        canRevoke ? (
          <Popconfirm
            title={t('apiKey.revokeConfirm', { name: k.name })}
            okText={t('apiKey.revoke')}
            cancelText={t('action.cancel')}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke(k)}
          >
            <Button danger size="small" data-testid="api-key-revoke">
              {t('apiKey.revoke')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <div data-testid="api-key-list-page">
      <PageHeader
        title={t('nav.apiKeys')}
        subtitle={t('module.apiKeys')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="api-key-create">
              {t('apiKey.create')}
            </Button>
          ) : null
        }
      />
      <DataTable<ApiKey>
        tableId="api-keys"
        testId="api-key-list"
        resource="api-keys"
        fetchPage={apiKeysApi.list}
        params={{}}
        sort={null}
        columns={columns}
        cardColumns={['name', 'prefix', 'lastUsedAt', 'actions']}
      />
      <Modal
        open={creating}
        title={
          <Space>
            <KeyOutlined />
            {t('apiKey.create')}
          </Space>
        }
        onCancel={() => setCreating(false)}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={() => setCreating(false)}>{t('action.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => void create()} data-testid="api-key-form-submit">
              {t('apiKey.create')}
            </Button>
          </Space>
        }
      >
        <Form form={form} layout="vertical" preserve={false} onFinish={() => void create()}>
          <Form.Item name="name" label={t('apiKey.name')} extra={t('apiKey.nameHelp')} rules={[requiredRule(t)]}>
            <Input data-testid="api-key-form-name" autoFocus />
          </Form.Item>
        </Form>
      </Modal>
      <SecretReveal
        open={created !== null}
        title={t('apiKey.createdTitle', { name: created?.name ?? '' })}
        secret={created?.key ?? null}
        testId="api-key-secret"
        onClose={() => setCreated(null)}
      />
    </div>
  );
}
