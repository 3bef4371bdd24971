import { StrictMode, startTransition, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import './app/designsystemet.css';
import '@digdir/designsystemet-theme';
import './app/app.css';
import { App } from './app/app';
import { ErrorBoundary } from './app/error-boundary';
import { openAppStore } from './store/store-factory';
import { StoreProvider } from './store/store-context';
import { listenToOtherTabs } from './store/cross-tab-sync';
import { createSafeStorage } from './lib/storage';
import { createI18n, languageFromUrl, loadLanguage } from './i18n/i18n';
import { loadQuestionnaireTexts } from './lib/questionnaires';
import type { Locale } from './domain/core/types';

const storage = createSafeStorage();
const { store, ready } = openAppStore({ storage });
storage.onStatus((status) => store.getState().setStorageStatus(status));
if (storage.status() !== 'ok') store.getState().setStorageStatus(storage.status());

// ?lang=nn picks the language and is remembered (once the saved state is in: see the end).
const fromUrl = languageFromUrl(window.location.search);

const i18n = createI18n('nb');
let wantedLanguage: Locale = store.getState().language;
async function applyLanguage(language: Locale) {
  wantedLanguage = language;
  try {
    await Promise.all([loadLanguage(i18n, language), loadQuestionnaireTexts(language)]);
  } catch {
    // The language's texts could not be loaded (offline before the app was cached): keep the
    // language on screen, and let the switcher show that one.
    if (wantedLanguage === language) store.getState().setLanguage(i18n.language as Locale);
    return;
  }
  if (wantedLanguage !== language) return; // a later choice won
  if (i18n.language !== language) await i18n.changeLanguage(language);
  document.documentElement.lang = language;
  document.title = i18n.t('app.name');
}
store.subscribe((s, prev) => {
  if (s.language !== prev.language) void applyLanguage(s.language);
});

// Imported results live in IndexedDB. They load once the first screen has been committed: a
// store update during the first (time-sliced) render would force React to finish it in one
// long task. useSyncExternalStore updates cannot wait for a transition.
let networkStarted = false;
function LoadNetworkAfterFirstRender() {
  useEffect(() => {
    if (networkStarted) return; // StrictMode runs effects twice in development
    networkStarted = true;
    void Promise.all([import('./store/network-persistence'), import('./lib/network-storage')]).then(
      ([persistence, storage]) =>
        persistence.connectNetworkStorage(store, storage.createIdbNetworkStorage()),
    );
  }, []);
  return null;
}

// Offline use: the service worker precaches the app after the first visit. Registration can
// fail (some private modes, a page opened from disk); the app then simply needs the network.
function registerServiceWorker() {
  navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => undefined);
}
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  if (document.readyState === 'complete') registerServiceWorker();
  else window.addEventListener('load', registerServiceWorker, { once: true });
}

// Another tab saved answers: merge them, newest edit per statement wins.
listenToOtherTabs((raw) => store.getState().syncFromOtherTab(raw));

// A transition lets React render the first screen in slices of a few milliseconds instead of
// one long task, so a slow phone stays responsive while the app starts (Lighthouse's TBT).
function renderApp() {
  const root = createRoot(document.getElementById('root')!);
  startTransition(() => {
    root.render(
      <StrictMode>
        <I18nextProvider i18n={i18n}>
          <StoreProvider store={store}>
            <ErrorBoundary store={store}>
              <App />
            </ErrorBoundary>
            <LoadNetworkAfterFirstRender />
          </StoreProvider>
        </I18nextProvider>
      </StrictMode>,
    );
  });
}

// Bokmål is at hand at once; another saved language loads first, so no bokmål flashes by.
// (Not a top-level await: that would make the bundler split the first screen into many files.)
// Saved state the app did not seal itself is checked in full first (store/saved-state.ts).
void ready
  .then(() => {
    if (fromUrl) store.getState().setLanguage(fromUrl);
    return applyLanguage(store.getState().language);
  })
  .finally(renderApp);
