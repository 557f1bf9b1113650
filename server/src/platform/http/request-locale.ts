import type { FastifyRequest } from 'fastify';
import { DEFAULT_LOCALE, localeFromHeader, type Locale } from '../i18n/locale.js';

/** The caller's language: Accept-Language first, then the signed-in user's setting. */
export function requestLocale(request: FastifyRequest): Locale {
  return localeFromHeader(request.headers['accept-language']) ?? request.ctx?.locale ?? DEFAULT_LOCALE;
}
