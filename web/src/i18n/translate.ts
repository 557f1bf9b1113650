import type { Locale } from '../api/types';

export type Dictionary = Readonly<Record<string, string>>;
export type TranslateParams = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders; a placeholder without a value stays visible rather than vanishing. */
export function interpolate(template: string, params?: TranslateParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

/**
 * Looks a key up in the current locale, then in the fallback locale, and finally shows the key
 * itself — a missing translation must never blank out a button.
 */
export function translate(
  dictionaries: Readonly<Partial<Record<Locale, Dictionary>>>,
  locale: Locale,
  fallback: Locale,
  key: string,
  params?: TranslateParams,
): string {
  const template = dictionaries[locale]?.[key] ?? dictionaries[fallback]?.[key] ?? key;
  return interpolate(template, params);
}
