import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const TIME_ZONE = 'Asia/Shanghai';
const LOCALE_STORAGE_KEY = 'service-lane.locale';

export type Catalog = Record<MessageKey, string>;

// Each locale's catalog is its own chunk, so the app loads only the language it shows.
const CATALOG_LOADERS: Record<Locale, () => Promise<Catalog>> = {
  'zh-CN': () => import('./zh-CN').then((module) => module.zhCN),
  en: () => import('./en').then((module) => module.en),
};
const loadedCatalogs = new Map<Locale, Catalog>();

/** Loads a locale's catalog (once); `translate` and the provider need it loaded first. */
export async function loadCatalog(locale: Locale): Promise<Catalog> {
  const loaded = loadedCatalogs.get(locale);
  if (loaded) return loaded;
  const catalog = await CATALOG_LOADERS[locale]();
  loadedCatalogs.set(locale, catalog);
  return catalog;
}

/** Whether a string is a message key; every catalog has the same keys, so any loaded one answers. */
export function isMessageKey(key: string): key is MessageKey {
  const catalog = loadedCatalogs.values().next().value;
  return catalog !== undefined && Object.hasOwn(catalog, key);
}

/** Replaces `{name}` placeholders with the given parameters. */
function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Translates a key in a locale, outside React (for example in the print layout) as inside.
 * The locale's catalog must be loaded (`await loadCatalog(locale)`); until then another
 * loaded catalog answers, and with none loaded the key itself is returned.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const catalog = loadedCatalogs.get(locale) ?? loadedCatalogs.values().next().value;
  return interpolate(catalog?.[key] ?? key, params);
}

/** Returns the saved locale, zh-CN unless the user switched to English before. */
export function loadLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
    return saved === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export interface I18n {
  locale: Locale;
  t: (key: MessageKey, params?: MessageParams) => string;
  setLocale: (locale: Locale) => void;
  formatDate: (iso: string | Date) => string;
  formatTime: (iso: string | Date) => string;
  formatDateTime: (iso: string | Date) => string;
}

const I18nContext = createContext<I18n | null>(null);

/** Formats a date as 2026-12-04 in Asia/Shanghai, whatever the locale, as the dealership's papers do. */
export function formatShanghaiDate(value: string | Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(value));
}

/** Formats a time as 14:30 in Asia/Shanghai. */
export function formatShanghaiTime(value: string | Date): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(value));
}

/**
 * Provides the locale and translations. Children render once the locale's catalog is loaded;
 * preload it (`loadCatalog`) before rendering to avoid an empty first frame.
 */
export function I18nProvider({ children, initialLocale }: { children: ReactNode; initialLocale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale ?? loadLocale);
  const [ready, setReady] = useState(() => loadedCatalogs.has(locale));

  useEffect(() => {
    if (ready) return;
    void loadCatalog(locale).then(() => setReady(true));
  }, [locale, ready]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the switch still applies to this visit.
    }
    loadCatalog(next).then(
      () => setLocaleState(next),
      (error: unknown) => console.error(`loading the ${next} message catalog failed`, error),
    );
  }, []);

  // Screen readers and the browser's hyphenation and font choice follow the page language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18n>(() => ({
    locale,
    t: (key, params) => translate(locale, key, params),
    setLocale,
    formatDate: formatShanghaiDate,
    formatTime: formatShanghaiTime,
    formatDateTime: (value) => `${formatShanghaiDate(value)} ${formatShanghaiTime(value)}`,
  }), [locale, setLocale]);

  return <I18nContext.Provider value={value}>{ready ? children : null}</I18nContext.Provider>;
}

/** The current locale and translation function. */
export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n: no I18nProvider above this component');
  return context;
}
