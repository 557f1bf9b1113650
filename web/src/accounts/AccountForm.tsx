import { useMemo } from 'react';
import { accountsApi } from '../api/resources';
import type { Account } from '../api/types';
import { useMe } from '../auth/session-context';
import { useI18n } from '../i18n/i18n-context';
import { changedFields } from '../shared/diff-fields';
import { RecordFormDrawer } from '../shared/RecordFormDrawer';
import {
  ACCOUNT_FIELD_ALIASES,
  ACCOUNT_FORM_FIELDS,
  toAccountFormValues,
  toAccountInput,
  type AccountFormValues,
} from './account-form-values';
import { AccountInputs } from './AccountInputs';
import { useAccountCache } from './use-account-cache';

interface AccountFormProps {
  open: boolean;
  /** The account to edit; null creates a new one. */
  account: Account | null;
  onClose: () => void;
  onSaved?: (account: Account) => void;
}

/** Create or edit an account. An edit sends only the changed fields, with the version it started from. */
export function AccountForm({ open, account, onClose, onSaved }: AccountFormProps) {
  const { t } = useI18n();
  const me = useMe();
  const cache = useAccountCache();
  const initialValues = useMemo(
    () => toAccountFormValues(account, me.tenant.currency || 'CNY', account ? undefined : me.user.id),
    [account, me.tenant.currency, me.user.id],
  );

  const submit = async (values: AccountFormValues): Promise<Account> => {
    if (!account) return accountsApi.create(toAccountInput(values));
    const before = toAccountInput(toAccountFormValues(account, me.tenant.currency || 'CNY'));
    const patch = changedFields(before, toAccountInput(values));
    return accountsApi.update(account.id, { ...patch, version: account.version });
  };

  return (
    <RecordFormDrawer<AccountFormValues, Account>
      open={open}
      title={account ? t('account.edit') : t('account.create')}
      testId="account-form"
      initialValues={initialValues}
      fieldNames={ACCOUNT_FORM_FIELDS}
      fieldAliases={ACCOUNT_FIELD_ALIASES}
      onSubmit={submit}
      onSaved={(saved) => {
        cache.saved(saved);
        onSaved?.(saved);
        onClose();
      }}
      onClose={onClose}
      onReload={
        account
          ? async () => toAccountFormValues(await cache.reload(account.id), me.tenant.currency || 'CNY')
          : undefined
      }
    >
      <AccountInputs
        accountId={account?.id}
        ownerOption={
          account?.ownerId
            ? { value: account.ownerId, label: account.ownerName ?? account.ownerId }
            : { value: me.user.id, label: me.user.name }
        }
        parentOption={
          account?.parentAccountId
            ? { value: account.parentAccountId, label: account.parentAccountName ?? account.parentAccountId }
            : null
        }
      />
    </RecordFormDrawer>
  );
}
