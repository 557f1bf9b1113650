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
  targets: 'object.targets',
  imports: 'object.imports',
  scoring_rules: 'object.scoring_rules',
  assignment_rules: 'object.assignment_rules',
  nurture_programs: 'object.nurture_programs',
  email_templates: 'object.email_templates',
  registry_companies: 'object.registry_companies',
  sales_processes: 'object.sales_processes',
  loss_reasons: 'object.loss_reasons',
  product_lines: 'object.product_lines',
  users: 'nav.users',
  teams: 'nav.teams',
  roles: 'nav.roles',
  api_keys: 'nav.apiKeys',
  webhooks: 'nav.webhooks',
  audit: 'nav.audit',
};
