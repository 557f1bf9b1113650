import type { DashboardView } from '../api/analytics';
import type { AccessLevel } from '../api/types';

/**
 * The dashboards a reader may open, their own first: who sees everyone (executives, admins) gets
 * the executive one and may look at a manager's or a rep's; a manager (team) the manager's and a
 * rep's; a rep (own) the rep's. Without analytics rights, none.
 */
export function dashboardViews(level: AccessLevel): DashboardView[] {
  if (level === 'all') return ['executive', 'manager', 'rep'];
  if (level === 'team') return ['manager', 'rep'];
  if (level === 'own') return ['rep'];
  return [];
}
