import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { emailTemplatesApi, type EmailTemplate, type EmailTemplateInput } from '../api/nurture';
import { queryKeys } from '../api/query-keys';
import type { Locale } from '../api/types';
import { useCan, useMe } from '../auth/session-context';
import { formatDate } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { DeleteButton } from '../shared/DeleteButton';
import { requiredRule } from '../shared/form-rules';
import { emptyToNull } from '../shared/form-values';
import { PageHeader } from '../shared/PageHeader';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import { NurtureNav } from './NurtureNav';
import { TemplatePreviewButton } from './TemplatePreview';

const VARIABLES = [
  'lead.name', 'lead.company', 'lead.title', 'lead.email', 'lead.phone', 'lead.industry', 'lead.province', 'lead.city',
  'sender.name', 'sender.email', 'unsubscribeUrl',
];

const LOCALES: { value: Locale; label: string }[] = [
  { value: 'zh-CN', label: '中文' },
  { value: 'en-US', label: 'English' },
];

type FormValues = Omit<EmailTemplateInput, 'bodyText' | 'description'> & { bodyText: string; description: string };

const toInput = (v: FormValues): EmailTemplateInput => ({
  name: v.name.trim(),
  subject: v.subject,
  bodyHtml: v.bodyHtml,
  bodyText: emptyToNull(v.bodyText),
  locale: v.locale,
  description: emptyToNull(v.description),
});

/** E-mail templates: subject and body with variables, per language, with a preview. */
export function TemplateList() {
  const { t, locale } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const canCreate = useCan('email_templates', 'create');
  const canUpdate = useCan('email_templates', 'update');
  const canDelete = useCan('email_templates', 'delete');
  const [editing, setEditing] = useState<EmailTemplate | 'new' | null>(null);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.all('email-templates') });

  const columns: DataColumn<EmailTemplate>[] = [
    {
      key: 'name',
      title: t('nurture.template.name'),
      sortField: 'name',
      locked: true,
      render: (tpl) => (
        <div>
          <Typography.Text strong>{tpl.name}</Typography.Text>
          {tpl.description ? <div className="l2c-page-subtitle">{tpl.description}</div> : null}
        </div>
      ),
    },
    { key: 'subject', title: t('nurture.template.subject'), render: (tpl) => tpl.subject },
    { key: 'locale', title: t('nurture.template.locale'), render: (tpl) => <Tag>{LOCALES.find((l) => l.value === tpl.locale)?.label}</Tag> },
    { key: 'updatedAt', title: t('common.updatedAt'), sortField: 'updatedAt', render: (tpl) => formatDate(tpl.updatedAt, locale, me.tenant.timezone) },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (tpl) =>
        canDelete ? (
          <span onClick={(event) => event.stopPropagation()}>
            <DeleteButton name={tpl.name} testId="nurture-template-delete" onDelete={() => emailTemplatesApi.remove(tpl.id, tpl.version)} onDeleted={refresh} />
          </span>
        ) : null,
    },
  ];

  const current = editing === 'new' ? null : editing;
  return (
    <div data-testid="nurture-template-list-page">
      <PageHeader
        title={t('nav.nurture')}
        subtitle={t('module.nurture')}
        actions={
          canCreate ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="nurture-template-create">
              {t('nurture.template.create')}
            </Button>
          ) : null
        }
      />
      <NurtureNav active="templates" />
      <DataTable<EmailTemplate>
        tableId="email-templates"
        testId="nurture-template-list"
        resource="email-templates"
        fetchPage={emailTemplatesApi.list}
        params={{}}
        sort={null}
        columns={columns}
        cardColumns={['name', 'subject', 'locale']}
        onRowClick={canUpdate ? (tpl) => setEditing(tpl) : undefined}
        emptyText={t('nurture.template.empty')}
      />
      <RecordFormDrawer<FormValues, EmailTemplate>
        open={editing !== null}
        title={current ? t('nurture.template.edit') : t('nurture.template.create')}
        testId="nurture-template-form"
        initialValues={{
          name: current?.name ?? '',
          subject: current?.subject ?? '',
          bodyHtml: current?.bodyHtml ?? '',
          bodyText: current?.bodyText ?? '',
          locale: current?.locale ?? locale,
          description: current?.description ?? '',
        }}
        fieldNames={['name', 'subject', 'bodyHtml', 'bodyText', 'locale', 'description']}
        onSubmit={(values) => (current ? emailTemplatesApi.update(current.id, { ...toInput(values), version: current.version }) : emailTemplatesApi.create(toInput(values)))}
        onReload={current ? async () => emailTemplatesApi.get(current.id).then((tpl) => ({ ...tpl, bodyText: tpl.bodyText ?? '', description: tpl.description ?? '' })) : undefined}
        onSaved={() => {
          refresh();
          setEditing(null);
        }}
        onClose={() => setEditing(null)}
      >
        <Form.Item name="name" label={t('nurture.template.name')} rules={[requiredRule(t)]}>
          <Input maxLength={200} data-testid="nurture-template-form-name" />
        </Form.Item>
        <Form.Item name="locale" label={t('nurture.template.locale')} extra={t('nurture.template.localeHelp')}>
          <Select options={LOCALES} data-testid="nurture-template-form-locale" />
        </Form.Item>
        <Form.Item name="subject" label={t('nurture.template.subject')} rules={[requiredRule(t)]}>
          <Input maxLength={300} data-testid="nurture-template-form-subject" />
        </Form.Item>
        <Form.Item name="bodyHtml" label={t('nurture.template.html')} rules={[requiredRule(t)]} extra={t('nurture.template.htmlHelp')}>
          <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} className="l2c-mono" data-testid="nurture-template-form-html" />
        </Form.Item>
        <Form.Item name="bodyText" label={t('nurture.template.text')} extra={t('nurture.template.textHelp')}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} data-testid="nurture-template-form-text" />
        </Form.Item>
        <Form.Item name="description" label={t('nurture.template.description')}>
          <Input maxLength={1000} />
        </Form.Item>
        <Form.Item label={t('nurture.template.variables')} extra={t('nurture.template.variablesHelp')}>
          <Space size={[4, 4]} wrap>
            {VARIABLES.map((v) => (
              <Tag key={v} className="l2c-mono">{`{{${v}}}`}</Tag>
            ))}
          </Space>
        </Form.Item>
        <Form.Item>
          <TemplatePreviewButton />
        </Form.Item>
      </RecordFormDrawer>
    </div>
  );
}
