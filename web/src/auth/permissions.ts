import type { AccessLevel, PermissionAction, PermissionMap } from '../api/types';

/** The access level a role has for an object and action; anything not granted is 'none'. */
export function accessLevel(permissions: PermissionMap | undefined, object: string, action: PermissionAction): AccessLevel {
  return permissions?.[object]?.[action] ?? 'none';
}

/** Whether the action is possible at all (on at least one's own records). Record-level checks stay on the server. */
export function can(permissions: PermissionMap | undefined, object: string, action: PermissionAction): boolean {
  return accessLevel(permissions, object, action) !== 'none';
}
