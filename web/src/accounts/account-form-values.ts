import type { Account, AccountInput, AccountSegment } from '../api/types';
import { emptyToNull, numberOrNull } from '../shared/form-values';
import { normalizeAmount } from '../shared/money';
import { withHttpScheme } from '../shared/validators';

/** What the account form edits; registered capital is split into a typed amount and a currency. */
export interface AccountFormValues {
  name: string;
  creditCode?: string | null;
  industry?: string | null;
  registeredCapital: { amount?: string | null; currency: string };
  headcount?: number | null;
  province?: string | null;
  city?: string | null;
  region?: string | null;
  address?: string | null;
  website?: string | null;
  phone?: string | null;
  ownerId?: string | null;
  parentAccountId?: string | null;
  segment?: AccountSegment | null;
}

/** Form field names, for putting server validation errors on the right input. */
export const ACCOUNT_FORM_FIELDS = [
  'name',
  'creditCode',
  'industry',
  'registeredCapital.amount',
  'registeredCapital.currency',
  'headcount',
  'province',
  'city',
  'region',
  'address',
  'website',
  'phone',
  'ownerId',
  'parentAccountId',
  'segment',
] as const;

/** A server error on the capital as a whole is shown under its amount input. */
export const ACCOUNT_FIELD_ALIASES: Readonly<Record<string, string>> = {
  registeredCapital: 'registeredCapital.amount',
};

export function toAccountFormValues(account: Account | null, defaultCurrency: string, ownerId?: string): AccountFormValues {
  if (!account) {
    return { name: '', registeredCapital: { amount: '', currency: defaultCurrency }, ownerId: ownerId ?? null };
  }
  return {
    name: account.name,
    creditCode: account.creditCode,
    industry: account.industry,
    registeredCapital: {
      amount: account.registeredCapital?.amount ?? '',
      currency: account.registeredCapital?.currency ?? defaultCurrency,
    },
    headcount: account.headcount,
    province: account.province,
    city: account.city,
    region: account.region,
    address: account.address,
    website: account.website,
    phone: account.phone,
    ownerId: account.ownerId,
    parentAccountId: account.parentAccountId,
    segment: account.segment,
  };
}

/** The API payload for the form's values: trimmed, empty as null, amounts as exact decimal strings. */
export function toAccountInput(values: AccountFormValues): AccountInput {
  const amount = emptyToNull(values.registeredCapital?.amount);
  const normalized = amount === null ? null : normalizeAmount(amount);
  const website = emptyToNull(values.website);
  return {
    name: values.name.trim(),
    creditCode: emptyToNull(values.creditCode)?.toUpperCase() ?? null,
    industry: emptyToNull(values.industry),
    registeredCapital: normalized === null ? null : { amount: normalized, currency: values.registeredCapital.currency },
    headcount: numberOrNull(values.headcount),
    province: emptyToNull(values.province),
    city: emptyToNull(values.city),
    region: emptyToNull(values.region),
    address: emptyToNull(values.address),
    website: website === null ? null : withHttpScheme(website),
    phone: emptyToNull(values.phone),
    ...(values.ownerId ? { ownerId: values.ownerId } : {}),
    parentAccountId: values.parentAccountId ?? null,
    segment: values.segment ?? null,
  };
}
