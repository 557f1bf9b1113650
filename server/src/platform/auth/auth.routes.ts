import { Type } from 'typebox';
import { eq } from 'drizzle-orm';
import type { AppDb } from '../db/client.js';
import { ErrorResponse, LocaleSchema, Nullable, RecordBase, Uuid } from '../http/schemas.js';
import { registerResourceRoutes } from '../http/resource-routes.js';
import type { App } from '../http/types.js';
import { signUp } from '../tenancy/signup.service.js';
import { tenants } from '../tenancy/tenancy.schema.js';
import { updateUser, userStore } from '../tenancy/users.service.js';
import { apiKeyStore, createApiKey } from './api-keys.service.js';
import { loadUserContext } from './context-loader.js';
import { checkCredentials } from './login.service.js';
import { endSession, SESSION_COOKIE, SESSION_TTL_MS, startSession } from './sessions.service.js';

const Locale = LocaleSchema;
const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 8, maxLength: 200 });

const SignedInUser = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.String(),
  locale: Type.String(),
  roleId: Uuid,
  roleKey: Type.String(),
  teamId: Nullable(Uuid),
});

const Me = Type.Object({
  user: SignedInUser,
  tenant: Type.Object({
    id: Uuid,
    name: Type.String(),
    timezone: Type.String(),
    currency: Type.String(),
    locale: Type.String(),
    fiscalYearStartMonth: Type.Integer(),
  }),
  permissions: Type.Record(Type.String(), Type.Record(Type.String(), Type.String())),
});

const ApiKey = Type.Object({
  ...RecordBase,
  name: Type.String(),
  prefix: Type.String(),
  ownerId: Uuid,
  ownerName: Type.Optional(Nullable(Type.String())),
  lastUsedAt: Nullable(Type.String()),
});

const tags = ['Auth'];

export function registerAuthRoutes(app: App, db: AppDb, opts: { secureCookies: boolean }) {
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: opts.secureCookies,
    maxAge: SESSION_TTL_MS / 1000,
  };
  const meta = (request: { ip: string; headers: Record<string, string | string[] | undefined> }) => ({
    ip: request.ip,
    userAgent: request.headers['user-agent'] as string | undefined,
  });

  async function me(tenantId: string, userId: string, m: { ip?: string; userAgent?: string }) {
    const loaded = (await loadUserContext(db, tenantId, userId, m))!;
    const [tenant] = await db.select().from(tenants).where(eq(tenants.id, tenantId));
    return {
      user: loaded.user,
      tenant: {
        id: tenant.id,
        name: tenant.name,
        timezone: tenant.timezone,
        currency: tenant.currency,
        locale: tenant.locale,
        fiscalYearStartMonth: tenant.fiscalYearStartMonth,
      },
      permissions: loaded.ctx.permissions,
    };
  }

  app.post('/api/v1/auth/signup', {
    config: { public: true, rateLimit: { max: 10, timeWindow: '1 hour' } },
    schema: {
      tags,
      summary: 'Create a tenant and its admin, and sign in',
      body: Type.Object(
        {
          tenantName: Type.String({ minLength: 1, maxLength: 200 }),
          name: Type.String({ minLength: 1, maxLength: 100 }),
          email: Email,
          password: Password,
          locale: Type.Optional(Locale),
        },
        { additionalProperties: false },
      ),
      response: { 201: Me, 400: ErrorResponse, 409: ErrorResponse },
    },
  }, async (request, reply) => {
    const tenant = await signUp(db, request.body);
    const cookie = await startSession(db, tenant.tenantId, tenant.admin.id, meta(request));
    reply.setCookie(SESSION_COOKIE, cookie, cookieOptions);
    return reply.status(201).send(await me(tenant.tenantId, tenant.admin.id, meta(request)));
  });

  app.post('/api/v1/auth/login', {
    config: { public: true, rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'Sign in with e-mail and password (sets the session cookie)',
      body: Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 200 }) }),
      response: { 200: Me, 401: ErrorResponse, 429: ErrorResponse },
    },
  }, async (request, reply) => {
    const { tenantId, userId } = await checkCredentials(db, request.body.email, request.body.password);
    const cookie = await startSession(db, tenantId, userId, meta(request));
    reply.setCookie(SESSION_COOKIE, cookie, cookieOptions);
    return me(tenantId, userId, meta(request));
  });

  app.post('/api/v1/auth/logout', {
    config: { public: true },
    schema: { tags, summary: 'Sign out: the session ends on the server', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const cookie = request.cookies[SESSION_COOKIE];
    if (cookie) await endSession(db, cookie);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/v1/me', {
    schema: { tags, summary: 'The signed-in user, tenant and permissions', response: { 200: Me, 401: ErrorResponse } },
  }, async (request) => me(request.ctx.tenantId, request.user.id, meta(request)));

  app.patch('/api/v1/me', {
    schema: {
      tags,
      summary: 'Change your own settings',
      body: Type.Object(
        { locale: Type.Optional(Locale), name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
        { additionalProperties: false },
      ),
      response: { 200: Me, 400: ErrorResponse },
    },
  }, async (request) => {
    const self = { ...request.ctx, permissions: { users: { update: 'all' as const, read: 'all' as const } } };
    const current = await userStore.get(self, request.user.id);
    await updateUser(self, request.user.id, request.body, current.version);
    return me(request.ctx.tenantId, request.user.id, meta(request));
  });

  app.post('/api/v1/me/password', {
    schema: {
      tags,
      summary: 'Change your password (ends your other sessions)',
      body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Password }, { additionalProperties: false }),
      response: { 204: Type.Null(), 400: ErrorResponse, 401: ErrorResponse },
    },
  }, async (request, reply) => {
    await checkCredentials(db, request.user.email, request.body.currentPassword);
    const self = { ...request.ctx, permissions: { users: { update: 'all' as const, read: 'all' as const } } };
    const current = await userStore.get(self, request.user.id);
    await updateUser(self, request.user.id, { password: request.body.newPassword }, current.version);
    const cookie = await startSession(db, request.ctx.tenantId, request.user.id, meta(request));
    reply.setCookie(SESSION_COOKIE, cookie, cookieOptions);
    return reply.status(204).send(null);
  });

  registerResourceRoutes(app, {
    path: '/api/v1/api-keys',
    tag: 'API keys',
    store: apiKeyStore,
    record: ApiKey,
    create: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false }),
    created: Type.Object({ ...ApiKey.properties, key: Type.String({ description: 'Shown only once' }) }),
    onCreate: (ctx, body) => createApiKey(ctx, body.name as string),
    remove: true,
  });
}
