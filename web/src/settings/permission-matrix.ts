import type { AccessLevel, PermissionAction, PermissionMap } from '../api/types';

export const PERMISSION_ACTIONS: readonly PermissionAction[] = ['create', 'read', 'update', 'delete'];
export const ACCESS_LEVELS: readonly AccessLevel[] = ['all', 'team', 'own', 'none'];

/**
 * The objects a role can be given access to (the server's list, today's modules and those to
 * come), in the order of the lead-to-cash flow. The server refuses objects it does not know.
 */
export const PERMISSION_OBJECTS: readonly string[] = [
  'campaigns',
  'leads',
  'imports',
  'scoring_rules',
  'assignment_rules',
  'nurture_programs',
  'email_templates',
  'registry_companies',
  'accounts',
  'contacts',
  'activities',
  'notes',
  'opportunities',
  'sales_processes',
  'loss_reasons',
  'product_lines',
  'products',
  'quotes',
  'orders',
  'contracts',
  'payments',
  'tickets',
  'analytics',
  'targets',
  'users',
  'teams',
  'roles',
  'api_keys',
  'webhooks',
  'audit',
];

/** Known objects first, then any other object the role already mentions. */
export function matrixObjects(permissions: PermissionMap): string[] {
  const extra = Object.keys(permissions).filter((object) => !PERMISSION_OBJECTS.includes(object)).sort();
  return [...PERMISSION_OBJECTS, ...extra];
}

/** A complete matrix: every object and action present, missing ones as 'none'. */
export function completeMatrix(permissions: PermissionMap): PermissionMap {
  const result: PermissionMap = {};
  for (const object of matrixObjects(permissions)) {
    result[object] = {};
    for (const action of PERMISSION_ACTIONS) result[object][action] = permissions[object]?.[action] ?? 'none';
  }
  return result;
}

export function withLevel(
  permissions: PermissionMap,
  object: string,
  action: PermissionAction,
  level: AccessLevel,
): PermissionMap {
  return { ...permissions, [object]: { ...permissions[object], [action]: level } };
}

/** Sets one level for every action of an object ("read-only" is then a second step). */
export function withObjectLevel(permissions: PermissionMap, object: string, level: AccessLevel): PermissionMap {
  const row: Partial<Record<PermissionAction, AccessLevel>> = {};
  for (const action of PERMISSION_ACTIONS) row[action] = level;
  return { ...permissions, [object]: row };
}

/** Number of object × action cells that differ: the Save button says how much will change. */
export function countMatrixChanges(before: PermissionMap, after: PermissionMap): number {
  const a = completeMatrix(before);
  const b = completeMatrix(after);
  let count = 0;
  for (const object of new Set([...Object.keys(a), ...Object.keys(b)])) {
    for (const action of PERMISSION_ACTIONS) {
      if ((a[object]?.[action] ?? 'none') !== (b[object]?.[action] ?? 'none')) count++;
    }
  }
  return count;
}
