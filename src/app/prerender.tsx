import { renderToString } from 'react-dom/server';
import { AppRoot } from './app-root';
import { createAppStore } from '../store/app-store';
import { createSafeStorage } from '../lib/storage';
import { createI18n } from '../i18n/i18n';
import { bootScript } from '../lib/first-visit';
import { STORE_KEY } from '../store/persisted';
import { loadQuestionnaireTexts } from '../lib/questionnaires';

/**
 * The first visit to `#/` in bokmål on a device with nothing saved, as HTML for index.html's
 * root. The build calls this in Node (vite.config.ts, `firstVisitHtml`); the browser takes
 * the page over with the same tree (src/main.tsx). See src/lib/first-visit.ts.
 */
export async function renderFirstVisit(): Promise<string> {
  await loadQuestionnaireTexts('nb');
  const store = createAppStore({ storage: createSafeStorage(() => undefined) });
  return renderToString(
    <AppRoot store={store} i18n={createI18n('nb')} prerendered onCommitted={() => undefined} />,
  );
}

/** The head script that tells a first visit from the others, before the first paint. */
export function firstVisitBootScript(): string {
  return bootScript(STORE_KEY);
}
