import { roles } from './tenancy.schema.js';
import { RecordStore, type ApiRecord } from '../records/record-store.js';
import type { PermissionMatrix } from '../access/permissions.js';
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
    permissions: r.permissions as PermissionMatrix,
  }),
  toColumns: ({ key, name, permissions }) => ({ key, name, permissions }),
  async validate(_ctx, next, existing) {
    // The admin role's rights are fixed, so a tenant can never lock itself out.
    if (existing?.key === 'admin' && JSON.stringify(next.permissions) !== JSON.stringify(existing.permissions)) {
      throw new AppError(409, 'ADMIN_ROLE_LOCKED');
    }
  },
});
