import { roles } from './tenancy.schema.js';
import { RecordStore, type ApiRecord } from '../records/record-store.js';
import { completeMatrix, effectivePermissions, grantsEverything, type PermissionMatrix } from '../access/permissions.js';
import { AppError } from '../http/errors.js';

export interface RoleRecord extends ApiRecord {
  key: string;
  name: string;
  permissions: PermissionMatrix;
}

export const roleStore = new RecordStore<RoleRecord>({
  object: 'roles',
  table: roles,
  sortable: { name: roles.name, key: roles.key, createdAt: roles.createdAt },
  defaultSort: 'createdAt',
  filters: { key: roles.key },
  searchColumns: [roles.name, roles.key],
  unique: { roles_key_uq: 'key' },
  toApi: (r) => ({
    key: r.key as string,
    name: r.name as string,
    permissions: effectivePermissions(r.key as string, r.permissions as PermissionMatrix),
  }),
  // A saved matrix names every object (`none` where the editor sent nothing), so defaults for
  // objects added later (effectivePermissions) never reach into a role an admin has edited since.
  toColumns: ({ key, name, permissions }) => ({
    key,
    name,
    permissions: permissions === undefined ? undefined : completeMatrix(permissions as PermissionMatrix),
  }),
  async validate(_ctx, next, existing) {
    // The admin role's rights are fixed, so a tenant can never lock itself out.
    // (Its stored matrix may predate objects added since; only a change of it is checked.)
    const changed = existing !== undefined && next.permissions !== existing.permissions;
    if (existing?.key === 'admin' && changed && !grantsEverything(next.permissions as PermissionMatrix)) {
      throw new AppError(409, 'ADMIN_ROLE_LOCKED');
    }
  },
});
