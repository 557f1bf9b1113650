import { useMemo, useState } from 'react';
import { Button } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { contactsApi } from '../api/resources';
import type { Account, Contact } from '../api/types';
import { useCan } from '../auth/session-context';
import { ContactForm } from '../contacts/ContactForm';
import { useI18n } from '../i18n/i18n-context';
import { DataTable, type DataColumn } from '../shared/DataTable';

/** The contacts of one account, with "new contact" preset to it. */
export function AccountContacts({ account }: { account: Account }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canCreate = useCan('contacts', 'create');
  const [creating, setCreating] = useState(false);

  const columns = useMemo<DataColumn<Contact>[]>(
    () => [
      { key: 'name', title: t('contact.name'), locked: true, sortField: 'name', render: (c) => c.name },
      { key: 'title', title: t('contact.title'), render: (c) => c.title ?? '' },
      { key: 'phones', title: t('contact.phones'), render: (c) => c.phones.join(', ') },
      { key: 'email', title: t('contact.email'), render: (c) => c.email ?? '' },
      { key: 'wechat', title: t('contact.wechat'), defaultHidden: true, render: (c) => c.wechat ?? '' },
      { key: 'reportsTo', title: t('contact.reportsTo'), defaultHidden: true, render: (c) => c.reportsToName ?? '' },
    ],
    [t],
  );

  return (
    <div data-testid="account-contacts">
      <DataTable<Contact>
        tableId="account-contacts"
        testId="account-contact-list"
        resource="contacts"
        fetchPage={contactsApi.list}
        params={{ filter: { accountId: account.id } }}
        sort={{ field: 'name', order: 'ascend' }}
        columns={columns}
        onRowClick={(contact) => void navigate(`/contacts/${contact.id}`)}
        emptyText={t('contact.emptyForAccount')}
        toolbar={
          canCreate ? (
            <Button icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="account-contact-create">
              {t('contact.create')}
            </Button>
          ) : null
        }
      />
      <ContactForm
        open={creating}
        contact={null}
        account={{ value: account.id, label: account.name }}
        onClose={() => setCreating(false)}
      />
    </div>
  );
}
