import { useMemo } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { contactsApi } from '../api/resources';
import type { Contact } from '../api/types';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { changedFields } from '../shared/diff-fields';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import type { SelectOption } from '../shared/RemoteSelect';
import { CONTACT_FORM_FIELDS, toContactFormValues, toContactInput, type ContactFormValues } from './contact-form-values';
import { ContactInputs } from './ContactInputs';

interface ContactFormProps {
  open: boolean;
  contact: Contact | null;
  /** Creating from an account page: the account is preset and fixed. */
  account?: SelectOption | null;
  onClose: () => void;
  onSaved?: (contact: Contact) => void;
}

export function ContactForm({ open, contact, account, onClose, onSaved }: ContactFormProps) {
  const { t } = useI18n();
  const me = useMe();
  const queryClient = useQueryClient();
  const initialValues = useMemo(
    () => toContactFormValues(contact, { accountId: account?.value ?? null, ownerId: me.user.id }),
    [contact, account, me.user.id],
  );

  const submit = async (values: ContactFormValues): Promise<Contact> => {
    if (!contact) return contactsApi.create(toContactInput(values));
    const patch = changedFields(toContactInput(toContactFormValues(contact, {})), toContactInput(values));
    return contactsApi.update(contact.id, { ...patch, version: contact.version });
  };

  const reload = async () => {
    if (!contact) return initialValues;
    const latest = await queryClient.fetchQuery({
      queryKey: queryKeys.detail('contacts', contact.id),
      queryFn: ({ signal }) => contactsApi.get(contact.id, signal),
      staleTime: 0,
    });
    return toContactFormValues(latest, {});
  };

  const accountOption =
    account ?? (contact?.accountId ? { value: contact.accountId, label: contact.accountName ?? contact.accountId } : null);

  return (
    <RecordFormDrawer<ContactFormValues, Contact>
      open={open}
      title={contact ? t('contact.edit') : t('contact.create')}
      testId="contact-form"
      initialValues={initialValues}
      fieldNames={CONTACT_FORM_FIELDS}
      onSubmit={submit}
      onSaved={(saved) => {
        queryClient.setQueryData(queryKeys.detail('contacts', saved.id), saved);
        void queryClient.invalidateQueries({ queryKey: queryKeys.lists('contacts') });
        void queryClient.invalidateQueries({ queryKey: queryKeys.searchAll() });
        if (saved.accountId) void queryClient.invalidateQueries({ queryKey: queryKeys.accountTimeline(saved.accountId) });
        onSaved?.(saved);
        onClose();
      }}
      onClose={onClose}
      onReload={contact ? reload : undefined}
    >
      <ContactInputs
        contactId={contact?.id}
        lockAccount={Boolean(account)}
        accountOption={accountOption}
        reportsToOption={
          contact?.reportsToId ? { value: contact.reportsToId, label: contact.reportsToName ?? contact.reportsToId } : null
        }
        ownerOption={
          contact?.ownerId
            ? { value: contact.ownerId, label: contact.ownerName ?? contact.ownerId }
            : { value: me.user.id, label: me.user.name }
        }
      />
    </RecordFormDrawer>
  );
}
