import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDb } from '../../platform/db/client.js';
import type { App } from '../../platform/http/types.js';
import { localeFromHeader, type Locale } from '../../platform/i18n/locale.js';
import { translate } from '../../platform/i18n/messages.js';
import { escapeHtml } from './email-render.js';
import './nurture.messages.js';
import { TRACKING_SCRIPT } from './tracking-script.js';
import { recordClick, recordOpen, recordVisit, unsubscribe, unsubscribeTarget, type VisitBeacon } from './tracking.service.js';

/** A transparent 1×1 GIF. */
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const NO_STORE = 'no-store, no-cache, must-revalidate, private';

/**
 * The public endpoints recipients and their browsers reach, outside the API and without
 * sign-in: the open pixel, click redirects, the unsubscribe page (and RFC 8058 one-click
 * POST), the website tracking script and its beacon. They never show an error: a token that
 * is not ours still gets the pixel or a neutral page, and a failure is only logged.
 */
export function registerTrackingRoutes(app: App, db: AppDb) {
  const quietly = async (request: FastifyRequest, work: () => Promise<void>) => {
    try {
      await work();
    } catch (err) {
      request.log.warn({ err }, 'nurture tracking failed');
    }
  };
  const meta = (request: FastifyRequest) => ({ userAgent: request.headers['user-agent'] });
  const common = { config: { public: true }, schema: { hide: true } } as const;

  void app.register(async (scope) => {
    // Unsubscribe forms and mail clients' one-click POSTs are form-encoded; their content is not needed.
    scope.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 4096 }, (_req, body, done) => done(null, body));

    scope.get<{ Params: { file: string } }>('/t/o/:file', common, async (request, reply) => {
      const token = request.params.file.replace(/\.gif$/, '');
      await quietly(request, () => recordOpen(db, token, meta(request)));
      return reply.header('cache-control', NO_STORE).type('image/gif').send(PIXEL);
    });

    scope.get<{ Params: { token: string } }>('/t/c/:token', common, async (request, reply) => {
      let target: string | null = null;
      await quietly(request, async () => {
        target = await recordClick(db, request.params.token, meta(request));
      });
      if (target) return reply.header('cache-control', NO_STORE).redirect(target, 302);
      return page(reply, pickLocale(request), translate(pickLocale(request), 'NURTURE_PAGE_INVALID_LINK'));
    });

    scope.get<{ Params: { token: string } }>('/u/:token', common, async (request, reply) => {
      const target = await unsubscribeTarget(db, request.params.token).catch(() => null);
      if (!target) return page(reply, pickLocale(request), translate(pickLocale(request), 'NURTURE_PAGE_INVALID_LINK'));
      const { locale } = target;
      const question = translate(locale, 'NURTURE_PAGE_UNSUBSCRIBE_QUESTION', { sender: target.sender || '—', email: target.email });
      const form = `<form method="post"><button type="submit">${escapeHtml(translate(locale, 'NURTURE_PAGE_UNSUBSCRIBE_BUTTON'))}</button></form>`;
      return page(reply, locale, question, form);
    });

    scope.post<{ Params: { token: string } }>('/u/:token', { ...common, bodyLimit: 4096 }, async (request, reply) => {
      let done: Awaited<ReturnType<typeof unsubscribe>> = null;
      await quietly(request, async () => {
        done = await unsubscribe(db, request.params.token, meta(request));
      });
      const target = done as Awaited<ReturnType<typeof unsubscribe>>;
      const locale = target?.locale ?? pickLocale(request);
      const text = target
        ? translate(locale, 'NURTURE_PAGE_UNSUBSCRIBED', { email: target.email })
        : translate(locale, 'NURTURE_PAGE_INVALID_LINK');
      return page(reply, locale, text);
    });

    scope.get('/t/script.js', common, async (_request, reply) =>
      reply.header('cache-control', 'public, max-age=3600').type('application/javascript; charset=utf-8').send(TRACKING_SCRIPT),
    );

    scope.post('/t/v', { ...common, bodyLimit: 8192 }, async (request, reply) => {
      await quietly(request, async () => {
        const beacon = parseBeacon(request.body);
        if (beacon) await recordVisit(db, beacon, meta(request));
      });
      return reply.header('access-control-allow-origin', '*').status(204).send();
    });
  });
}

/** sendBeacon posts text/plain; fetch may post JSON. */
function parseBeacon(body: unknown): VisitBeacon | null {
  let value = body;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (!value || typeof value !== 'object') return null;
  const b = value as Record<string, unknown>;
  if (typeof b.t !== 'string' || typeof b.u !== 'string' || typeof b.pv !== 'string') return null;
  return {
    t: b.t,
    u: b.u,
    pv: b.pv,
    d: typeof b.d === 'number' ? b.d : 0,
    ti: typeof b.ti === 'string' ? b.ti : undefined,
    r: typeof b.r === 'string' ? b.r : undefined,
  };
}

const pickLocale = (request: FastifyRequest): Locale => localeFromHeader(request.headers['accept-language']) ?? 'zh-CN';

function page(reply: FastifyReply, locale: Locale, text: string, extra = '') {
  const title = escapeHtml(translate(locale, 'NURTURE_PAGE_UNSUBSCRIBE_TITLE'));
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>${title}</title>
<style>body{font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei",sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}
button{font-size:1rem;padding:.5rem 1.25rem;border-radius:6px;border:1px solid #1677ff;background:#1677ff;color:#fff;cursor:pointer}</style></head>
<body><p>${escapeHtml(text)}</p>${extra}</body></html>`;
  return reply.header('cache-control', NO_STORE).type('text/html; charset=utf-8').send(html);
}
