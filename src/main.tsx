import { startTransition } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import './app/designsystemet.css';
import '@digdir/designsystemet-theme';
import './app/app.css';
import { AppRoot } from './app/app-root';
import { preloadDelegateScreens } from './app/app';
import { openAppStore } from './store/store-factory';
import { listenToOtherTabs } from './store/cross-tab-sync';
import { createSafeStorage } from './lib/storage';
import { createI18n, languageFromUrl, loadLanguage } from './i18n/i18n';
import { hasQuestionnaireTexts, loadQuestionnaireTexts } from './lib/questionnaires';
import { NotLoadedError } from './lib/not-loaded';
import type { Locale } from './domain/core/types';
import {
  hasPrerenderedScreen,
  HYDRATED_MARK,
  PRERENDER_ATTRIBUTE,
  replayEarlyClicks,
} from './lib/first-visit';

const storage = createSafeStorage();
const { store, ready } = openAppStore({ storage });
storage.onStatus((status) => store.getState().setStorageStatus(status));
if (storage.status() !== 'ok') store.getState().setStorageStatus(storage.status());

// Another screen than the pre-rendered start page (an invite, a resumed response): its code,
// in one file with the delegation's other screens, loads while the saved state is read.
if (!hasPrerenderedScreen(document.getElementById('root')!)) preloadDelegateScreens();

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
let committed = false;
function afterFirstCommit() {
  if (committed) return; // StrictMode runs effects twice in development
  committed = true;
  // React has the page: from here a choice in the form reaches the store (npm run bench).
  performance.mark(HYDRATED_MARK);
  // After the start screen has adopted what was chosen before (a layout effect, done by now).
  setTimeout(replayEarlyClicks, 0);
  preloadDelegateScreens();
  // The service worker caches this code when first used, not ahead (vite.config.ts): offline on
  // a phone that never had it, there is no imported data to show, so nothing is lost.
  void Promise.all([import('./store/network-persistence'), import('./lib/network-storage')]).then(
    ([persistence, storage]) =>
      persistence.connectNetworkStorage(store, storage.createIdbNetworkStorage()),
    () => undefined,
  );
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

// The build pre-renders a first visit to #/ in bokmål into index.html (src/lib/first-visit.ts).
// When this visit is that one, React takes the page over; otherwise the page's head script has
// hidden it, and the app renders from scratch. A transition lets React render the first screen
// in slices of a few milliseconds instead of one long task, so a slow phone stays responsive
// while the app starts (Lighthouse's TBT); taking over is sliced the same way.
function renderApp() {
  const container = document.getElementById('root')!;
  // Without the questionnaire's texts in the language on screen (they did not arrive: the
  // network failed before the app was cached), the app says so instead of blank statements.
  const startupError = hasQuestionnaireTexts(i18n.language as Locale)
    ? undefined
    : new NotLoadedError(`The questionnaire texts in ${i18n.language} did not load`);
  const prerendered = startupError === undefined && hasPrerenderedScreen(container);
  const app = (
    <AppRoot
      store={store}
      i18n={i18n}
      prerendered={prerendered}
      onCommitted={afterFirstCommit}
      startupError={startupError}
    />
  );
  if (prerendered) {
    hydrateRoot(container, app, {
      onRecoverableError: (error) => console.warn('Taking over the pre-rendered page:', error),
    });
    return;
  }
  container.replaceChildren();
  document.documentElement.removeAttribute(PRERENDER_ATTRIBUTE);
  const root = createRoot(container);
  startTransition(() => root.render(app));
}

// The language's texts (the interface's and the questionnaire's, bokmål's too) load first, so no
// other language flashes by and no statement shows blank.
// (Not a top-level await: that would make the bundler split the first screen into many files.)
// Saved state the app did not seal itself is checked in full first (store/saved-state.ts).
void ready
  .then(async () => {
    if (fromUrl) store.getState().setLanguage(fromUrl);
    await applyLanguage(store.getState().language);
    // A language that did not load gives way to the one on screen: its questionnaire texts too.
    await loadQuestionnaireTexts(i18n.language as Locale).catch(() => undefined);
  })
  .finally(renderApp);
