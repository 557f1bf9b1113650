import { useCallback } from 'react';
import { accountsApi } from '../api/resources';
import type { Account } from '../api/types';
import { RemoteSelect, type SelectOption } from '../shared/RemoteSelect';

interface AccountSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialOption?: SelectOption | null;
  /** An account that cannot be chosen (an account cannot be its own parent). */
  excludeId?: string;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
}

export function AccountSelect(props: AccountSelectProps) {
  const toOption = useCallback(
    (account: Account): SelectOption => ({
      value: account.id,
      label: account.city ? `${account.name} · ${account.city}` : account.name,
    }),
    [],
  );
  return <RemoteSelect<Account> resource="accounts" fetchPage={accountsApi.list} toOption={toOption} {...props} />;
}
