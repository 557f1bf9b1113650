import fs from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppDb } from './platform/db/client.js';
import { registerAuthentication } from './platform/auth/auth-hook.js';
import { registerAuthRoutes } from './platform/auth/auth.routes.js';
import { registerAuditRoutes } from './platform/audit/audit.routes.js';
import { registerErrorHandling } from './platform/http/error-handler.js';
import { registerIdempotency } from './platform/http/idempotency.js';
import { lazySchemaCompilers } from './platform/http/lazy-schemas.js';
import type { App } from './platform/http/types.js';
import { registerNotificationRoutes } from './platform/notifications/notifications.routes.js';
import { registerSearchRoutes } from './platform/search/search.routes.js';
import { registerTenancyRoutes } from './platform/tenancy/tenancy.routes.js';
import { registerWebhookRoutes } from './platform/webhooks/webhooks.routes.js';
import { registerModules } from './modules/index.js';

export interface AppOptions {
  db: AppDb;
  logLevel?: string;
  secureCookies?: boolean;
  /** Per-IP limits on sign-in and sign-up; off only where one address makes all calls (tests). */
  rateLimit?: boolean;
  /** Built web app to serve at `/`; skipped when the folder does not exist. */
  webDist?: string;
}

export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: { level: opts.logLevel ?? 'warn' },
    trustProxy: true,
    ajv: { customOptions: { removeAdditional: false, allErrors: true, coerceTypes: 'array' } },
    schemaController: { compilersFactory: lazySchemaCompilers() },
  }).withTypeProvider<TypeBoxTypeProvider>();

  registerErrorHandling(app);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    allowList: opts.rateLimit === false ? () => true : undefined,
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Lead2Cash API', version: '1', description: 'Leads-to-Cash CRM. Errors: { error: { code, message, details } }.' },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'l2c_session' },
          apiKey: { type: 'http', scheme: 'bearer', description: 'An API key from POST /api/v1/api-keys' },
        },
      },
      security: [{ session: [] }, { apiKey: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  registerAuthentication(app, opts.db);
  registerIdempotency(app, opts.db);

  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/health', { config: { public: true }, schema: { hide: true } }, async () => ({ ok: true }));
  registerAuthRoutes(app, opts.db, { secureCookies: opts.secureCookies ?? false });
  registerTenancyRoutes(app);
  registerAuditRoutes(app);
  registerWebhookRoutes(app);
  registerNotificationRoutes(app);
  registerModules(app, opts.db);
  registerSearchRoutes(app);

  if (opts.webDist && fs.existsSync(opts.webDist)) await serveWebApp(app, opts.webDist);
  return app;
}

/**
 * The web app is a single page: unknown paths get index.html so client routes survive a
 * reload, but a missing file (a stale /assets/… after a rebuild) is a plain 404, not HTML.
 */
async function serveWebApp(app: App, root: string) {
  await app.register(fastifyStatic, { root, wildcard: false });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const pathname = request.url.split('?')[0];
    if (pathname.startsWith('/api/') || path.extname(pathname)) return reply.callNotFound();
    return reply.sendFile('index.html');
  });
}
