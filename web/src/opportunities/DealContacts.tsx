import { useState } from 'react';
import { Button, Empty, List, Select, Space, Tag } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router';
import { CONTACT_ROLES, type ContactRole, type Opportunity } from '../api/opportunities';
import { useCan } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { useAccountContacts } from './use-account-contacts';
import { useDealLabels } from './use-deal-labels';
import { useDealUpdate } from './use-deal-update';

/** The account's contacts on the deal, each with the role they play; saved at once. */
export function DealContacts({ deal }: { deal: Opportunity }) {
  const { t } = useI18n();
  const labels = useDealLabels();
  const canUpdate = useCan('opportunities', 'update') && deal.status === 'open';
  const contacts = useAccountContacts(deal.accountId);
  const { update } = useDealUpdate(deal);
  const [adding, setAdding] = useState<{ contactId: string | null; role: ContactRole | null }>({ contactId: null, role: null });
  const names = new Map((contacts.data ?? []).map((c) => [c.id, c.title ? `${c.name} · ${c.title}` : c.name]));
  const save = (next: Opportunity['contacts']) => update({ contacts: next }).catch(() => undefined);
  const available = (contacts.data ?? []).filter((c) => !deal.contacts.some((dc) => dc.contactId === c.id));
  const roleOptions = CONTACT_ROLES.map((r) => ({ value: r, label: labels.role(r) }));

  return (
    <div data-testid="deal-contacts">
      {deal.contacts.length === 0 ? (
        <Empty description={t('deal.contacts.empty')} />
      ) : (
        <List
          dataSource={deal.contacts}
          renderItem={(item) => (
            <List.Item
              data-testid="deal-contact"
              actions={
                canUpdate
                  ? [
                      <Select
                        key="role"
                        size="small"
                        allowClear
                        value={item.role ?? undefined}
                        placeholder={t('deal.contacts.role')}
                        options={roleOptions}
                        popupMatchSelectWidth={false}
                        onChange={(role: ContactRole | undefined) =>
                          void save(deal.contacts.map((c) => (c.contactId === item.contactId ? { ...c, role: role ?? null } : c)))
                        }
                      />,
                      <Button
                        key="remove"
                        size="small"
                        icon={<DeleteOutlined />}
                        aria-label={t('action.delete')}
                        onClick={() => void save(deal.contacts.filter((c) => c.contactId !== item.contactId))}
                      />,
                    ]
                  : undefined
              }
            >
              <Space wrap>
                <Link to={`/contacts/${item.contactId}`}>{names.get(item.contactId) ?? t('common.open')}</Link>
                {item.role && !canUpdate ? <Tag>{labels.role(item.role)}</Tag> : null}
              </Space>
            </List.Item>
          )}
        />
      )}
      {canUpdate ? (
        <Space.Compact block className="l2c-section-action">
          <Select
            value={adding.contactId ?? undefined}
            onChange={(contactId: string) => setAdding((a) => ({ ...a, contactId }))}
            options={available.map((c) => ({ value: c.id, label: names.get(c.id) ?? c.name }))}
            placeholder={t('deal.contacts.add')}
            showSearch
            optionFilterProp="label"
            loading={contacts.isFetching}
            className="l2c-grow"
            data-testid="deal-contact-pick"
          />
          <Select
            allowClear
            value={adding.role ?? undefined}
            onChange={(role: ContactRole | undefined) => setAdding((a) => ({ ...a, role: role ?? null }))}
            options={roleOptions}
            placeholder={t('deal.contacts.role')}
            popupMatchSelectWidth={false}
            data-testid="deal-contact-role"
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!adding.contactId}
            onClick={() => {
              if (!adding.contactId) return;
              void save([...deal.contacts, { contactId: adding.contactId, role: adding.role }]).then(() => setAdding({ contactId: null, role: null }));
            }}
            aria-label={t('deal.contacts.add')}
            data-testid="deal-contact-add"
          />
        </Space.Compact>
      ) : null}
    </div>
  );
}
