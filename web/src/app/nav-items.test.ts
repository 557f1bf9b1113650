import { describe, expect, it } from 'vitest';
import { flattenNav, navSelection, NAV_ITEMS, visibleNav, type NavItem } from './nav-items';
import { recordPath } from './record-paths';

describe('navigation', () => {
  it('lists every module of the product', () => {
    expect(NAV_ITEMS.map((item) => item.key)).toEqual([
      'dashboard',
      'leads',
      'campaigns',
      'nurture',
      'accounts',
      'contacts',
      'opportunities',
      'activities',
      'duplicates',
      'quotes',
      'orders',
      'analytics',
      'settings',
    ]);
    expect(flattenNav().filter((item) => item.path.startsWith('/settings/')).map((item) => item.key)).toEqual([
      'settings-users',
      'settings-teams',
      'settings-roles',
      'settings-sales-processes',
      'settings-loss-reasons',
      'settings-products',
      'settings-scoring',
      'settings-predictive',
      'settings-registry',
      'settings-api-keys',
      'settings-webhooks',
      'settings-audit',
      'settings-history-import',
    ]);
  });

  it('has unique keys and paths', () => {
    const items = flattenNav();
    expect(new Set(items.map((item) => item.key)).size).toBe(items.length);
    expect(new Set(items.map((item) => item.path)).size).toBe(items.length);
  });

  it('selects the entry of a record page and opens its parents', () => {
    expect(navSelection('/accounts/123')).toEqual({ selected: 'accounts', open: [] });
    expect(navSelection('/settings/roles')).toEqual({ selected: 'settings-roles', open: ['settings'] });
    expect(navSelection('/accountsX')).toEqual({ selected: null, open: [] });
  });
});

describe('visibleNav', () => {
  it('hides what the role cannot read, and a group left empty', () => {
    const readable = new Set(['accounts', 'contacts', 'activities', 'leads', 'api_keys']);
    const keys = (items: readonly NavItem[]): string[] =>
      items.flatMap((item) => [item.key, ...keys(item.children ?? [])]);
    const visible = keys(visibleNav(NAV_ITEMS, (object, action) => action === 'read' && readable.has(object)));
    expect(visible).toContain('dashboard');
    expect(visible).toContain('accounts');
    expect(visible).not.toContain('opportunities');
    expect(visible).toEqual(expect.arrayContaining(['settings', 'settings-api-keys']));
    expect(visible).not.toContain('settings-audit');
    // Reading analytics shows the analytics; importing history takes the create right.
    const analyst = keys(visibleNav(NAV_ITEMS, (object, action) => object === 'analytics' && action === 'read'));
    expect(analyst).toContain('analytics');
    expect(analyst).not.toContain('settings-history-import');
    expect(keys(visibleNav(NAV_ITEMS, () => false))).not.toContain('settings');
  });
});

describe('recordPath', () => {
  it('leads to record pages where they exist, else to the module', () => {
    expect(recordPath('accounts', 'a 1')).toBe('/accounts/a%201');
    expect(recordPath('contacts', 'c1')).toBe('/contacts/c1');
    expect(recordPath('leads', 'l1')).toBe('/leads');
    expect(recordPath('unknown', 'x')).toBe('/dashboard');
  });
});
