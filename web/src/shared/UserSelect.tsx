import { useCallback } from 'react';
import { usersApi } from '../api/resources';
import type { User } from '../api/types';
import { RemoteSelect, type SelectOption } from './RemoteSelect';

interface UserSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  initialOption?: SelectOption | null;
  placeholder?: string;
  allowClear?: boolean;
  testId?: string;
  className?: string;
}

/** Picks a user (owner, assignee) by name or e-mail. */
export function UserSelect(props: UserSelectProps) {
  const toOption = useCallback((user: User): SelectOption => ({ value: user.id, label: user.name }), []);
  return <RemoteSelect<User> resource="users" fetchPage={usersApi.list} toOption={toOption} {...props} />;
}
