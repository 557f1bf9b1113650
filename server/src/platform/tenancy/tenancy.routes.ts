import { Type } from 'typebox';
import { ACTIONS, LEVELS, OBJECTS } from '../access/permissions.js';
import { registerResourceRoutes } from '../http/resource-routes.js';
import { ErrorResponse, LocaleSchema, Nullable, RecordBase, Uuid, VersionField } from '../http/schemas.js';
import type { App } from '../http/types.js';
import { roleStore } from './roles.service.js';
import { getTenantSettings, updateTenantSettings } from './tenant-settings.service.js';
import { createTeam, teamStore, updateTeam } from './teams.service.js';
import { createUser, updateUser, userStore, type NewUser } from './users.service.js';

const Locale = LocaleSchema;
const Level = Type.Union(LEVELS.map((l) => Type.Literal(l)));
const Permissions = Type.Object(
  Object.fromEntries(
    OBJECTS.map((o) => [
      o,
      Type.Optional(Type.Object(Object.fromEntries(ACTIONS.map((a) => [a, Type.Optional(Level)])), { additionalProperties: false })),
    ]),
  ),
  { additionalProperties: false },
);

const User = Type.Object({
  ...RecordBase,
  name: Type.String(),
  email: Type.String(),
  roleId: Uuid,
  teamId: Nullable(Uuid),
  locale: Type.String(),
  active: Type.Boolean(),
});
const userFields = {
  name: Type.String({ minLength: 1, maxLength: 100 }),
  email: Type.String({ format: 'email', maxLength: 254 }),
  roleId: Uuid,
  teamId: Type.Optional(Nullable(Uuid)),
  locale: Type.Optional(Locale),
  password: Type.Optional(Type.String({ minLength: 8, maxLength: 200 })),
};

const Team = Type.Object({ ...RecordBase, name: Type.String(), parentId: Nullable(Uuid) });
const Role = Type.Object({ ...RecordBase, key: Type.String(), name: Type.String(), permissions: Permissions });

const settingsFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  timezone: Type.String({ maxLength: 64, examples: ['Asia/Shanghai'] }),
  currency: Type.String({ pattern: '^[A-Z]{3}$' }),
  locale: Locale,
  fiscalYearStartMonth: Type.Integer({ minimum: 1, maximum: 12, description: 'First month of the fiscal year' }),
};
const TenantSettings = Type.Object({ id: Uuid, ...settingsFields });

export function registerTenancyRoutes(app: App) {
  app.get('/api/v1/tenant', {
    schema: { tags: ['Tenant'], summary: 'Tenant settings: time zone, currency, language, fiscal calendar', response: { 200: TenantSettings } },
  }, async (request) => getTenantSettings(request.ctx));

  app.patch('/api/v1/tenant', {
    schema: {
      tags: ['Tenant'],
      summary: 'Change tenant settings (admins)',
      body: Type.Partial(Type.Object(settingsFields, { additionalProperties: false })),
      response: { 200: TenantSettings, 400: ErrorResponse, 403: ErrorResponse },
    },
  }, async (request) => updateTenantSettings(request.ctx, request.body));

  registerResourceRoutes(app, {
    path: '/api/v1/users',
    tag: 'Users',
    store: userStore,
    record: User,
    create: Type.Object(userFields, { additionalProperties: false }),
    update: Type.Object(
      {
        ...Object.fromEntries(Object.entries(userFields).map(([k, v]) => [k, Type.Optional(v)])),
        active: Type.Optional(Type.Boolean()),
        version: Type.Optional(VersionField),
      },
      { additionalProperties: false },
    ),
    onCreate: (ctx, body) => createUser(ctx, body as unknown as NewUser),
    onUpdate: (ctx, id, patch, version) => updateUser(ctx, id, patch, version),
    exportFields: ['id', 'name', 'email', 'roleId', 'teamId', 'active', 'createdAt'],
  });

  registerResourceRoutes(app, {
    path: '/api/v1/teams',
    tag: 'Teams',
    store: teamStore,
    record: Team,
    create: Type.Object(
      { name: Type.String({ minLength: 1, maxLength: 100 }), parentId: Type.Optional(Nullable(Uuid)) },
      { additionalProperties: false },
    ),
    update: Type.Object(
      {
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        parentId: Type.Optional(Nullable(Uuid)),
        version: Type.Optional(VersionField),
      },
      { additionalProperties: false },
    ),
    onCreate: (ctx, body) => createTeam(ctx, body as { name: string; parentId?: string | null }),
    onUpdate: (ctx, id, patch, version) => updateTeam(ctx, id, patch, version),
    remove: true,
  });

  registerResourceRoutes(app, {
    path: '/api/v1/roles',
    tag: 'Roles',
    store: roleStore,
    record: Role,
    create: Type.Object(
      { key: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }), name: Type.String({ minLength: 1, maxLength: 100 }), permissions: Permissions },
      { additionalProperties: false },
    ),
    update: Type.Object(
      {
        name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
        permissions: Type.Optional(Permissions),
        version: Type.Optional(VersionField),
      },
      { additionalProperties: false },
    ),
    remove: true,
  });
}
