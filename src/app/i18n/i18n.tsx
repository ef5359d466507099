import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './zh-CN';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type MessageParams = Record<string, string | number>;

export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const TIME_ZONE = 'Asia/Shanghai';
const LOCALE_STORAGE_KEY = 'service-lane.locale';

export type Catalog = Record<MessageKey, string>;
type PartialCatalog = Partial<Record<MessageKey, string>>;

/*
 * Every area file of every locale (`zh-CN/checkin.ts`, `en/orders.ts`, …) is its own chunk.
 * The first screens load only the core areas. A lazy screen loads the rest together with
 * its own code (`loadAllMessages`) and renders when both arrived.
 */
const AREA_MODULES = import.meta.glob<Record<string, PartialCatalog>>(['./zh-CN/*.ts', './en/*.ts', '!./*/index.ts']);
// The top bar, the home screen and the update prompt; the sign-in form loads its own areas.
const CORE_AREAS: readonly string[] = ['common', 'home', 'sync', 'pwa'];

const catalogs = new Map<Locale, PartialCatalog>();
const loadedAreas = new Map<string, Promise<void>>();
let activeLocale: Locale = 'zh-CN';

function areaPaths(locale: Locale, areas: readonly string[] | 'all'): string[] {
  const prefix = `./${locale}/`;
  return Object.keys(AREA_MODULES).filter((path) => {
    if (!path.startsWith(prefix)) return false;
    const area = path.slice(prefix.length, -'.ts'.length);
    return areas === 'all' || areas.includes(area);
  });
}

function loadArea(locale: Locale, path: string): Promise<void> {
  let loading = loadedAreas.get(path);
  if (!loading) {
    loading = AREA_MODULES[path]!().then((module) => {
      const catalog = catalogs.get(locale) ?? {};
      for (const messages of Object.values(module)) Object.assign(catalog, messages);
      catalogs.set(locale, catalog);
    });
    // A failed chunk load (offline before the app was cached) may be retried later.
    loading.catch(() => loadedAreas.delete(path));
    loadedAreas.set(path, loading);
  }
  return loading;
}

/** Loads the messages of the first screens in a locale (once); render after it resolves. */
export async function loadCatalog(locale: Locale): Promise<void> {
  await loadMessageAreas(CORE_AREAS, locale);
}

/** Loads the named areas (`login`, `validation`, …) of a locale, by default the one shown. */
export async function loadMessageAreas(areas: readonly string[], locale: Locale = activeLocale): Promise<void> {
  await Promise.all(areaPaths(locale, areas).map((path) => loadArea(locale, path)));
}

/** Loads every area of a locale, by default the one shown; lazy screens await it before rendering. */
export async function loadAllMessages(locale: Locale = activeLocale): Promise<void> {
  await Promise.all(areaPaths(locale, 'all').map((path) => loadArea(locale, path)));
}

function hasCoreMessages(locale: Locale): boolean {
  return areaPaths(locale, CORE_AREAS).every((path) => loadedAreas.has(path)) && catalogs.has(locale);
}

/** Checks whether a string is a message key of a loaded area. */
export function isMessageKey(key: string): key is MessageKey {
  return [...catalogs.values()].some((catalog) => Object.hasOwn(catalog, key));
}

/** Replaces `{name}` placeholders with the given parameters. */
function interpolate(template: string, params: MessageParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Translates a key in a locale, outside React (for example in the print layout) as inside.
 * The key's area must be loaded (`loadCatalog`, `loadAllMessages`); until then another
 * locale's text is used if loaded, else the key itself.
 */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const text = catalogs.get(locale)?.[key] ?? [...catalogs.values()].find((catalog) => catalog[key] !== undefined)?.[key];
  return interpolate(text ?? key, params);
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
  const [ready, setReady] = useState(() => hasCoreMessages(locale));
  // Set while rendering, because lazy screens below start loading during this render.
  activeLocale = locale;

  useEffect(() => {
    if (!ready) void loadCatalog(locale).then(() => setReady(true));
  }, [locale, ready]);

  const setLocale = useCallback((next: Locale) => {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the switch still applies to this visit.
    }
    // Every area, since a screen of any area may be open when the language changes.
    Promise.all([loadCatalog(next), loadAllMessages(next)]).then(
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
