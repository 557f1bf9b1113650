import type { AccessLevel, PermissionAction } from '../api/types';
import type { MessageKey } from '../i18n/messages-en-us';

export const LEVEL_LABELS: Record<AccessLevel, MessageKey> = {
  all: 'role.level.all',
  team: 'role.level.team',
  own: 'role.level.own',
  none: 'role.level.none',
};

export const ACTION_LABELS: Record<PermissionAction, MessageKey> = {
  create: 'role.action.create',
  read: 'role.action.read',
  update: 'role.action.update',
  delete: 'role.action.delete',
};

export const LEVEL_COLORS: Record<AccessLevel, string> = {
  all: 'green',
  team: 'blue',
  own: 'gold',
  none: 'default',
};

/** Labels of permission objects that are not menu entries. */
export const OBJECT_LABELS: Readonly<Record<string, MessageKey>> = {
  leads: 'nav.leads',
  campaigns: 'nav.campaigns',
  accounts: 'nav.accounts',
  contacts: 'nav.contacts',
  opportunities: 'nav.opportunities',
  activities: 'nav.activities',
  notes: 'object.notes',
  quotes: 'nav.quotes',
  orders: 'nav.orders',
  contracts: 'object.contracts',
  payments: 'object.payments',
  tickets: 'object.tickets',
  products: 'object.products',
  analytics: 'nav.analytics',
  imports: 'object.imports',
  users: 'nav.users',
  teams: 'nav.teams',
  roles: 'nav.roles',
  api_keys: 'nav.apiKeys',
  webhooks: 'nav.webhooks',
  audit: 'nav.audit',
};
