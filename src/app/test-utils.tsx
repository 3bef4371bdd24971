import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import type { ReactElement } from 'react';
import type { i18n as I18n } from 'i18next';
import { createAppStore, type AppStore } from '../store/app-store';
import { StoreProvider } from '../store/store-context';
import { createI18n } from '../i18n/i18n';
import { ALL_COMMON } from '../i18n/all-languages';
import type { Locale } from '../domain/core/types';

export function memoryStateStorage() {
  const map = new Map<string, string>();
  return {
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    map,
  };
}

/** Renders UI with a fresh store and i18n instance, as the app does. */
export function renderWithApp(
  ui: ReactElement,
  options: { language?: Locale; store?: AppStore; i18n?: I18n } = {},
) {
  const store = options.store ?? createAppStore({ storage: memoryStateStorage() });
  const language = options.language ?? 'nb';
  store.getState().setLanguage(language);
  const i18n = options.i18n ?? createI18n(language, ALL_COMMON);
  const result = render(
    <I18nextProvider i18n={i18n}>
      <StoreProvider store={store}>{ui}</StoreProvider>
    </I18nextProvider>,
  );
  return { ...result, store, i18n };
}
