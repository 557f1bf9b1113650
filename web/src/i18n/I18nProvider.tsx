import { useCallback, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import 'dayjs/locale/en';
import type { Locale } from '../api/types';
import { setRequestLocale } from '../api/http-client';
import { readStorage, writeStorage } from '../shared/local-storage';
import { I18nContext, type I18nValue } from './i18n-context';
import { dayjsLocaleOf, detectInitialLocale, isLocale, LOCALE_STORAGE_KEY } from './locales';
import { enUS, type MessageKey } from './messages-en-us';
import { zhCN } from './messages-zh-cn';
import { translate, type TranslateParams } from './translate';

const DICTIONARIES = { 'en-US': enUS, 'zh-CN': zhCN } as const;

function applyLocale(locale: Locale): void {
  setRequestLocale(locale);
  dayjs.locale(dayjsLocaleOf(locale));
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
}

function initialLocale(): Locale {
  const browser = typeof navigator === 'undefined' ? [] : navigator.languages;
  const locale = detectInitialLocale(readStorage(LOCALE_STORAGE_KEY), browser);
  applyLocale(locale);
  return locale;
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [hasExplicitChoice, setExplicit] = useState(() => isLocale(readStorage(LOCALE_STORAGE_KEY)));

  const setLocale = useCallback((next: Locale, options?: { persist?: boolean }) => {
    applyLocale(next);
    if (options?.persist ?? true) {
      writeStorage(LOCALE_STORAGE_KEY, next);
      setExplicit(true);
    }
    setLocaleState(next);
  }, []);

  const t = useCallback(
    (key: MessageKey, params?: TranslateParams) => translate(DICTIONARIES, locale, 'en-US', key, params),
    [locale],
  );

  const value = useMemo<I18nValue>(
    () => ({ locale, setLocale, hasExplicitChoice, t }),
    [locale, setLocale, hasExplicitChoice, t],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}
