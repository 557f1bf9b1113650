import { createContext, useContext } from 'react';
import type { Me, PermissionAction } from '../api/types';
import { can } from './permissions';

export const SessionContext = createContext<Me | null>(null);

/** The signed-in user, tenant and permissions; only usable below <RequireAuth>. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error('useMe must be used inside <RequireAuth>');
  return me;
}

export function useCan(object: string, action: PermissionAction): boolean {
  return can(useMe().permissions, object, action);
}
