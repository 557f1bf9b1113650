import { createContext, useContext } from 'react';
import type { Locale } from '../api/types';
import type { MessageKey } from './messages-en-us';
import type { TranslateParams } from './translate';

export type TranslateFn = (key: MessageKey, params?: TranslateParams) => string;

export interface I18nValue {
  locale: Locale;
  /** Switches the UI language; `persist` keeps the choice in localStorage (an explicit user choice). */
  setLocale: (locale: Locale, options?: { persist?: boolean }) => void;
  /** True when the user picked the language here, as opposed to it being detected. */
  hasExplicitChoice: boolean;
  t: TranslateFn;
}

export const I18nContext = createContext<I18nValue | null>(null);

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}
