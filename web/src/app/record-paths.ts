import { NAV_ITEMS } from './nav-items';

/** Objects that have their own record page. */
const RECORD_PAGES: Readonly<Record<string, string>> = {
  accounts: '/accounts',
  contacts: '/contacts',
};

/** Where a search hit or timeline entry leads: the record page, else the module's list. */
export function recordPath(object: string, id: string): string {
  const base = RECORD_PAGES[object];
  if (base) return `${base}/${encodeURIComponent(id)}`;
  const module = NAV_ITEMS.find((item) => item.key === object);
  return module ? module.path : '/dashboard';
}
