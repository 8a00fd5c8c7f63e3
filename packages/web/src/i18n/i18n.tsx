import { isLocale, type Locale } from '@civic/core';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { setApiLanguage } from '../api.ts';
import { en, type MessageKey, type Messages } from './en.ts';
import { formatDate, formatDateTime, formatDecimalMoney, formatMoney, formatNumber } from './format.ts';
import { kk } from './kk.ts';
import { ru } from './ru.ts';

const CATALOGUES: Readonly<Record<Locale, Messages>> = { en, ru, kk };
export const LANGUAGE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  ru: 'Русский',
  kk: 'Қазақша',
};
const STORAGE_KEY = 'civic.locale';

export interface I18n {
  readonly locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, params?: Readonly<Record<string, string | number>>): string;
  date(isoDate: string): string;
  dateTime(iso: string): string;
  number(value: number | bigint): string;
  money(minor: bigint | number | string, currency: string): string;
  /** Money as exact decimal text from the API ("2500000.00"). */
  amount(decimal: string, currency: string): string;
}

const I18nContext = createContext<I18n | null>(null);

/** The language saved in this browser, if any. */
export function storedLocale(): Locale | undefined {
  const v = window.localStorage.getItem(STORAGE_KEY);
  return isLocale(v) ? v : undefined;
}

function initialLocale(): Locale {
  const fromBrowser = navigator.language.slice(0, 2);
  return storedLocale() ?? (isLocale(fromBrowser) ? fromBrowser : 'en');
}

function applyLocale(locale: Locale): void {
  document.documentElement.lang = locale;
  setApiLanguage(locale);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = initialLocale();
    applyLocale(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    window.localStorage.setItem(STORAGE_KEY, l);
    applyLocale(l);
    setState(l);
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (key, params) => {
        const template = CATALOGUES[locale][key] ?? en[key];
        return params
          ? template.replace(/\{(\w+)\}/g, (_m, k: string) => String(params[k] ?? `{${k}}`))
          : template;
      },
      date: (d) => formatDate(locale, d),
      dateTime: (d) => formatDateTime(locale, d),
      number: (n) => formatNumber(locale, n),
      money: (m, c) => formatMoney(locale, m, c),
      amount: (d, c) => formatDecimalMoney(locale, d, c),
    }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}
