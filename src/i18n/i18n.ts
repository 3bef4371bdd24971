import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../domain/core/types';
import nb from './locales/nb/common.json';

export type CommonBundle = typeof nb;

/**
 * Bokmål ships with the first screen; nynorsk and English are chunks of their own that load
 * when chosen (the service worker precaches them, so switching works offline too).
 */
const loaders: Record<Locale, () => Promise<CommonBundle>> = {
  nb: () => Promise.resolve(nb),
  nn: () => import('./locales/nn/common.json').then((m) => m.default),
  en: () => import('./locales/en/common.json').then((m) => m.default),
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/**
 * Creates an i18next instance with the "common" texts given (bokmål by default). The app uses
 * one and loads other languages with `loadLanguage`; component tests pass every language.
 */
export function createI18n(
  language: Locale = 'nb',
  common: Partial<Record<Locale, CommonBundle>> = { nb },
): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: Object.fromEntries(
      Object.entries(common).map(([lang, bundle]) => [lang, { common: bundle }]),
    ),
    lng: language,
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    defaultNS: 'common',
    ns: ['common'],
    fallbackNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

/** Makes sure the "common" texts of `language` are in `i18n`, loading them if need be. */
export async function loadLanguage(i18n: I18n, language: Locale): Promise<void> {
  if (i18n.hasResourceBundle(language, 'common')) return;
  i18n.addResourceBundle(language, 'common', await loaders[language](), true, false);
}

/** `?lang=nn` in the address picks the language. */
export function languageFromUrl(search: string): Locale | null {
  const lang = new URLSearchParams(search).get('lang');
  return isLocale(lang) ? lang : null;
}
