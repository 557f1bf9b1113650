import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Skeleton, Space } from 'antd';
import { EditOutlined, FileAddOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { NoteForm } from '../activities/NoteForm';
import { NoteList } from '../activities/NoteList';
import { queryKeys } from '../api/query-keys';
import { contactsApi } from '../api/resources';
import { useCan, useMe } from '../auth/session-context';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/i18n-context';
import { DeleteButton } from '../shared/DeleteButton';
import { PageHeader } from '../shared/PageHeader';
import { QueryErrorResult } from '../shared/QueryErrorResult';
import { useIsPhone } from '../shared/use-is-phone';
import { ContactForm } from './ContactForm';

export function ContactShow() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const me = useMe();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const canUpdate = useCan('contacts', 'update');
  const canDelete = useCan('contacts', 'delete');
  const [editing, setEditing] = useState(false);
  const [noting, setNoting] = useState(false);
  const contact = useQuery({
    queryKey: queryKeys.detail('contacts', id),
    queryFn: ({ signal }) => contactsApi.get(id, signal),
  });

  if (contact.isPending) return <Skeleton active />;
  if (contact.isError) return <QueryErrorResult error={contact.error} onRetry={() => void contact.refetch()} />;
  const c = contact.data;
  const timeZone = me.tenant.timezone;

  return (
    <div data-testid="contact-show">
      <PageHeader
        backTo="/contacts"
        title={<span data-testid="contact-name">{c.name}</span>}
        subtitle={[c.title, c.accountName].filter(Boolean).join(' · ')}
        actions={
          <Space wrap>
            <Button icon={<FileAddOutlined />} onClick={() => setNoting(true)} data-testid="contact-add-note">
              {t('note.add')}
            </Button>
            {canUpdate ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="contact-edit">
                {t('action.edit')}
              </Button>
            ) : null}
            {canDelete ? (
              <DeleteButton
                name={c.name}
                testId="contact-delete"
                onDelete={() => contactsApi.remove(c.id, c.version)}
                onDeleted={() => {
                  void queryClient.invalidateQueries({ queryKey: queryKeys.all('contacts') });
                  void navigate(c.accountId ? `/accounts/${c.accountId}?tab=contacts` : '/contacts', { replace: true });
                }}
              />
            ) : null}
          </Space>
        }
      />
      <Card className="l2c-section">
        <Descriptions
          column={isPhone ? 1 : 2}
          size="small"
          data-testid="contact-details"
          items={[
            { key: '0', label: t('contact.account'), children: c.accountId ? <Link to={`/accounts/${c.accountId}`}>{c.accountName ?? t('common.open')}</Link> : '—' },
            { key: '1', label: t('contact.title'), children: c.title || '—' },
            { key: '1b', label: t('contact.department'), children: c.department || '—' },
            { key: '2', label: t('contact.phones'), children: c.phones.length > 0
              ? c.phones.map((phone) => (
                  <a key={phone} href={`tel:${phone}`} className="l2c-phone-link">
                    {phone}
                  </a>
                ))
              : '—' },
            { key: '3', label: t('contact.email'), children: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : '—' },
            { key: '4', label: t('contact.wechat'), children: c.wechat || '—' },
            { key: '5', label: t('contact.reportsTo'), children: c.reportsToId ? <Link to={`/contacts/${c.reportsToId}`}>{c.reportsToName ?? t('common.open')}</Link> : '—' },
            { key: '6', label: t('common.owner'), children: c.ownerName || '—' },
            { key: '7', label: t('common.updatedAt'), children: formatDateTime(c.updatedAt, locale, timeZone) },
          ]}
        />
      </Card>
      <Card title={t('note.title')} className="l2c-section">
        <NoteList object="contacts" recordId={c.id} timeZone={timeZone} />
      </Card>
      <ContactForm open={editing} contact={c} onClose={() => setEditing(false)} />
      <NoteForm open={noting} object="contacts" recordId={c.id} onClose={() => setNoting(false)} />
    </div>
  );
}
