import type { AppDb } from '../db/client.js';
import { AppError } from '../http/errors.js';
import type { App } from '../http/types.js';
import { localeFromHeader } from '../i18n/locale.js';
import { apiKeyCredential, recordApiKeyUse } from './api-keys.service.js';
import { loadCaller } from './context-loader.js';
import { SESSION_COOKIE, sessionCredential } from './sessions.service.js';

/**
 * Every API route requires a signed-in caller unless it is marked `config: { public: true }`.
 * The caller is a session cookie (web app) or a Bearer API key (integrations), checked with
 * one query per request (loadCaller).
 */
export function registerAuthentication(app: App, db: AppDb) {
  app.decorateRequest('ctx', null as never);
  app.decorateRequest('user', null as never);
  app.addHook('onRequest', async (request) => {
    if (!request.routeOptions.url?.startsWith('/api/v1') || request.routeOptions.config.public) return;
    const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
    const cookie = request.cookies[SESSION_COOKIE] as string | undefined;
    const credential = bearer ? apiKeyCredential(bearer) : cookie ? sessionCredential(cookie) : null;
    const meta = { ip: request.ip, userAgent: request.headers['user-agent'] };
    const loaded = credential ? await loadCaller(db, credential, meta) : null;
    if (!loaded) throw new AppError(401, 'UNAUTHENTICATED');
    const { apiKeyId } = loaded.ctx.actor;
    if (apiKeyId) await recordApiKeyUse(db, loaded.ctx.tenantId, apiKeyId, loaded.apiKeyLastUsedAt ?? null);
    const locale = localeFromHeader(request.headers['accept-language']) ?? loaded.ctx.locale;
    request.ctx = { ...loaded.ctx, locale };
    request.user = loaded.user;
  });
}
