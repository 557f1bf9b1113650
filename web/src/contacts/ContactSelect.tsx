import { useCallback } from 'react';
import { contactsApi } from '../api/resources';
import type { Contact } from '../api/types';
import { RemoteSelect, type SelectOption } from '../shared/RemoteSelect';

interface ContactSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  accountId?: string | null;
  excludeId?: string;
  excludeIds?: readonly string[];
  initialOption?: SelectOption | null;
  disabled?: boolean;
  testId?: string;
}

/** Picks a contact, limited to one account when given (e.g. whom a contact reports to). */
export function ContactSelect({ accountId, ...props }: ContactSelectProps) {
  const toOption = useCallback(
    (contact: Contact): SelectOption => ({ value: contact.id, label: contact.title ? `${contact.name} · ${contact.title}` : contact.name }),
    [],
  );
  return (
    <RemoteSelect<Contact>
      resource="contacts"
      fetchPage={contactsApi.list}
      toOption={toOption}
      filter={{ accountId: accountId ?? undefined }}
      {...props}
    />
  );
}
