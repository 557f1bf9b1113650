import type { AppDb } from '../db/client.js';
import { AppError } from '../http/errors.js';
import type { App } from '../http/types.js';
import { localeFromHeader } from '../i18n/locale.js';
import { resolveApiKey } from './api-keys.service.js';
import { loadUserContext } from './context-loader.js';
import { resolveSession, SESSION_COOKIE } from './sessions.service.js';

/**
 * Every API route requires a signed-in caller unless it is marked `config: { public: true }`.
 * The caller is a session cookie (web app) or a Bearer API key (integrations).
 */
export function registerAuthentication(app: App, db: AppDb) {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('user', null as never);
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url?.startsWith('/api/v1') || request.routeOptions.config.public) return;
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies[SESSION_COOKIE] as string | undefined;
    const identity = bearer ? await resolveApiKey(db, bearer) : cookie ? await resolveSession(db, cookie) : null;
    if (!identity) throw new AppError(401, 'UNAUTHENTICATED');
    const apiKeyId = (identity as { apiKeyId?: string }).apiKeyId;
    const meta = { ip: request.ip, userAgent: request.headers['user-agent'] };
    const loaded = await loadUserContext(db, identity.tenantId, identity.userId, meta, apiKeyId);
    if (!loaded) throw new AppError(401, 'UNAUTHENTICATED');
    const locale = localeFromHeader(request.headers['accept-language']) ?? loaded.ctx.locale;
    request.ctx = { ...loaded.ctx, locale };
    request.user = loaded.user;
  });
}
