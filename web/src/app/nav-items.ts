import type { MessageKey } from '../i18n/messages-en-us';

export interface NavItem {
  key: string;
  path: string;
  labelKey: MessageKey;
  /** One sentence on what the module does, shown while it is still being built. */
  descriptionKey: MessageKey;
  /** The permission object that governs the module, when there is one. */
  object?: string;
  /** What the role must be allowed to do with `object` to see the entry (default: read). */
  action?: 'read' | 'create';
  children?: readonly NavItem[];
}

/** Every module of Lead2Cash, in menu order; the routes are built from this list. */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'dashboard', path: '/dashboard', labelKey: 'nav.dashboard', descriptionKey: 'module.dashboard' },
  { key: 'leads', path: '/leads', labelKey: 'nav.leads', descriptionKey: 'module.leads', object: 'leads' },
  { key: 'campaigns', path: '/campaigns', labelKey: 'nav.campaigns', descriptionKey: 'module.campaigns', object: 'campaigns' },
  { key: 'nurture', path: '/nurture', labelKey: 'nav.nurture', descriptionKey: 'module.nurture', object: 'nurture_programs' },
  { key: 'accounts', path: '/accounts', labelKey: 'nav.accounts', descriptionKey: 'module.accounts', object: 'accounts' },
  { key: 'contacts', path: '/contacts', labelKey: 'nav.contacts', descriptionKey: 'module.contacts', object: 'contacts' },
  {
    key: 'opportunities',
    path: '/opportunities',
    labelKey: 'nav.opportunities',
    descriptionKey: 'module.opportunities',
    object: 'opportunities',
  },
  { key: 'activities', path: '/activities', labelKey: 'nav.activities', descriptionKey: 'module.activities', object: 'activities' },
  // Every role reads some leads, accounts or contacts: the page shows the objects the role can read.
  { key: 'duplicates', path: '/duplicates', labelKey: 'nav.duplicates', descriptionKey: 'module.duplicates' },
  { key: 'quotes', path: '/quotes', labelKey: 'nav.quotes', descriptionKey: 'module.quotes', object: 'quotes' },
  { key: 'orders', path: '/orders', labelKey: 'nav.orders', descriptionKey: 'module.orders', object: 'orders' },
  { key: 'analytics', path: '/analytics', labelKey: 'nav.analytics', descriptionKey: 'module.analytics', object: 'analytics' },
  {
    key: 'settings',
    path: '/settings',
    labelKey: 'nav.settings',
    descriptionKey: 'module.settings',
    children: [
      { key: 'settings-users', path: '/settings/users', labelKey: 'nav.users', descriptionKey: 'module.users', object: 'users' },
      { key: 'settings-teams', path: '/settings/teams', labelKey: 'nav.teams', descriptionKey: 'module.teams', object: 'teams' },
      { key: 'settings-roles', path: '/settings/roles', labelKey: 'nav.roles', descriptionKey: 'module.roles', object: 'roles' },
      {
        key: 'settings-sales-processes',
        path: '/settings/sales-processes',
        labelKey: 'nav.salesProcesses',
        descriptionKey: 'module.salesProcesses',
        object: 'sales_processes',
      },
      {
        key: 'settings-loss-reasons',
        path: '/settings/loss-reasons',
        labelKey: 'nav.lossReasons',
        descriptionKey: 'module.lossReasons',
        object: 'loss_reasons',
      },
      { key: 'settings-products', path: '/settings/products', labelKey: 'nav.products', descriptionKey: 'module.products', object: 'products' },
      {
        key: 'settings-scoring',
        path: '/settings/scoring',
        labelKey: 'nav.scoring',
        descriptionKey: 'module.scoring',
        object: 'scoring_rules',
      },
      {
        key: 'settings-predictive',
        path: '/settings/predictive-scoring',
        labelKey: 'nav.predictive',
        descriptionKey: 'module.predictive',
        object: 'scoring_rules',
      },
      {
        key: 'settings-registry',
        path: '/settings/registry',
        labelKey: 'nav.registry',
        descriptionKey: 'module.registry',
        object: 'registry_companies',
      },
      {
        key: 'settings-api-keys',
        path: '/settings/api-keys',
        labelKey: 'nav.apiKeys',
        descriptionKey: 'module.apiKeys',
        object: 'api_keys',
      },
      {
        key: 'settings-webhooks',
        path: '/settings/webhooks',
        labelKey: 'nav.webhooks',
        descriptionKey: 'module.webhooks',
        object: 'webhooks',
      },
      { key: 'settings-audit', path: '/settings/audit', labelKey: 'nav.audit', descriptionKey: 'module.audit', object: 'audit' },
      {
        key: 'settings-history-import',
        path: '/settings/history-import',
        labelKey: 'nav.historyImport',
        descriptionKey: 'module.historyImport',
        object: 'analytics',
        action: 'create',
      },
    ],
  },
];

/**
 * The entries a user may open: those whose object the role may read (or create, when the entry
 * says so). A group without entries left disappears. (Hiding is a courtesy; the server enforces access.)
 */
export function visibleNav(items: readonly NavItem[], allowed: (object: string, action: 'read' | 'create') => boolean): NavItem[] {
  const result: NavItem[] = [];
  for (const item of items) {
    if (item.object && !allowed(item.object, item.action ?? 'read')) continue;
    if (item.children) {
      const children = visibleNav(item.children, allowed);
      if (children.length > 0) result.push({ ...item, children });
      continue;
    }
    result.push(item);
  }
  return result;
}

export function flattenNav(items: readonly NavItem[] = NAV_ITEMS): NavItem[] {
  return items.flatMap((item) => [item, ...flattenNav(item.children ?? [])]);
}

/** The menu entry for a location: the deepest item whose path prefixes it, plus its open parents. */
export function navSelection(pathname: string, items: readonly NavItem[] = NAV_ITEMS): { selected: string | null; open: string[] } {
  for (const item of items) {
    const matches = pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (!matches) continue;
    if (item.children) {
      const inner = navSelection(pathname, item.children);
      if (inner.selected) return { selected: inner.selected, open: [item.key, ...inner.open] };
    }
    return { selected: item.key, open: [] };
  }
  return { selected: null, open: [] };
}

export function findNavItem(key: string): NavItem | undefined {
  return flattenNav().find((item) => item.key === key);
}
