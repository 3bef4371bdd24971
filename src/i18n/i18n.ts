import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LOCALES, type Locale } from '../domain/types';
import nb from './locales/nb/common.json';
import nn from './locales/nn/common.json';
import en from './locales/en/common.json';

export const resources = {
  nb: { common: nb },
  nn: { common: nn },
  en: { common: en },
} as const;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Creates an i18next instance. The app uses one; component tests make their own. */
export function createI18n(language: Locale = 'nb'): I18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources,
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

/** `?lang=nn` in the address picks the language. */
export function languageFromUrl(search: string): Locale | null {
  const lang = new URLSearchParams(search).get('lang');
  return isLocale(lang) ? lang : null;
}
