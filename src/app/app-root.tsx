import { StrictMode, useEffect, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { i18n as I18n } from 'i18next';
import { App } from './app';
import { ErrorBoundary } from './error-boundary';
import type { AppStore } from '../store/app-store';
import { StoreProvider } from '../store/store-context';
import { PrerenderContext } from '../lib/first-visit';

interface Props {
  store: AppStore;
  i18n: I18n;
  /** Rendering (or taking over) the pre-rendered first visit: see src/lib/first-visit.ts. */
  prerendered: boolean;
  /** Called once, after the first commit in the browser (never in the build's pre-render). */
  onCommitted: () => void;
  /** What could not be loaded before the first render (main.tsx): shown instead of the app. */
  startupError?: Error | undefined;
}

/**
 * The whole app, as the browser renders it and as the build pre-renders it: one tree, so that
 * React can take the pre-rendered page over (ids from useId depend on the tree's shape).
 */
export function AppRoot({ store, i18n, prerendered, onCommitted, startupError }: Props) {
  // True for the take-over only: a start screen opened later is an ordinary one.
  const [takingOver, setTakingOver] = useState(prerendered);
  return (
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <StoreProvider store={store}>
          <PrerenderContext value={takingOver}>
            <ErrorBoundary store={store} initialError={startupError}>
              <App />
            </ErrorBoundary>
          </PrerenderContext>
          <Committed
            onCommitted={() => {
              setTakingOver(false);
              onCommitted();
            }}
          />
        </StoreProvider>
      </I18nextProvider>
    </StrictMode>
  );
}

function Committed({ onCommitted }: { onCommitted: () => void }) {
  // Once: the first commit (the callback is new on every render).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(onCommitted, []);
  return null;
}
