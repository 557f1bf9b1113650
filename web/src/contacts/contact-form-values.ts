import type { Contact, ContactInput } from '../api/types';
import { emptyToNull } from '../shared/form-values';

export interface ContactFormValues {
  accountId?: string | null;
  name: string;
  title?: string | null;
  department?: string | null;
  phones?: string[];
  email?: string | null;
  wechat?: string | null;
  reportsToId?: string | null;
  ownerId?: string | null;
}

export const CONTACT_FORM_FIELDS = ['accountId', 'name', 'title', 'department', 'phones', 'email', 'wechat', 'reportsToId', 'ownerId'] as const;

export function toContactFormValues(contact: Contact | null, defaults: { accountId?: string | null; ownerId?: string }): ContactFormValues {
  if (!contact) return { name: '', accountId: defaults.accountId ?? null, phones: [], ownerId: defaults.ownerId ?? null };
  return {
    accountId: contact.accountId,
    name: contact.name,
    title: contact.title,
    department: contact.department ?? null,
    phones: contact.phones,
    email: contact.email,
    wechat: contact.wechat,
    reportsToId: contact.reportsToId,
    ownerId: contact.ownerId,
  };
}

/** Phone numbers as typed, trimmed, without blanks or repeats. */
export function cleanPhones(phones: readonly string[] | undefined): string[] {
  const seen = new Set<string>();
  for (const phone of phones ?? []) {
    const trimmed = phone.trim();
    if (trimmed) seen.add(trimmed);
  }
  return [...seen];
}

export function toContactInput(values: ContactFormValues): ContactInput {
  return {
    accountId: values.accountId ?? null,
    name: values.name.trim(),
    title: emptyToNull(values.title),
    department: emptyToNull(values.department),
    phones: cleanPhones(values.phones),
    email: emptyToNull(values.email)?.toLowerCase() ?? null,
    wechat: emptyToNull(values.wechat),
    reportsToId: values.reportsToId ?? null,
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
  };
}
