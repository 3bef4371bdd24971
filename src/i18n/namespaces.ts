import { useTranslation } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import type { Locale } from '../domain/core/types';

type Bundle = Record<string, unknown>;

/**
 * Namespaces other than "common" are bundled with the lazy screens that use them, so the
 * first screen does not carry their text. A screen registers its namespace before it renders.
 */
export function registerNamespace(i18n: I18n, ns: string, bundles: Record<Locale, Bundle>): void {
  for (const [lang, bundle] of Object.entries(bundles)) {
    if (!i18n.hasResourceBundle(lang, ns)) i18n.addResourceBundle(lang, ns, bundle, true, false);
  }
}

/** useTranslation for a lazily bundled namespace, with "common" as the fallback. */
export function useNamespace(ns: string, bundles: Record<Locale, Bundle>) {
  const result = useTranslation([ns, 'common']);
  registerNamespace(result.i18n, ns, bundles);
  return result;
}
