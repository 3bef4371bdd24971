import { describe, expect, it, vi } from 'vitest';
import { lazy, Suspense } from 'react';
import { screen } from '@testing-library/react';
import { ErrorBoundary } from './error-boundary';
import { memoryStateStorage, renderWithApp } from './test-utils';
import { createAppStore } from '../store/app-store';

function Broken(): never {
  throw new TypeError("Cannot read properties of undefined (reading 'id')");
}

describe('the error page', () => {
  it('says that a screen did not arrive over the network, and offers the answers and a reload', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createAppStore({ storage: memoryStateStorage() });
    const Missing = lazy(() =>
      Promise.reject(
        new TypeError('Failed to fetch dynamically imported module: /assets/delegate-screens-1.js'),
      ),
    );
    renderWithApp(
      <ErrorBoundary store={store}>
        <Suspense fallback={null}>
          <Missing />
        </Suspense>
      </ErrorBoundary>,
      { store, language: 'nn' },
    );
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Denne delen av Næringsspeilet kom ikkje fram',
      }),
    ).toBeVisible();
    expect(screen.getByText(/Sjekk nettet og last sida på nytt/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Last ned svara mine' })).toBeVisible();
    expect(screen.getByRole('button', { name: 'Last sida på nytt' })).toBeVisible();
    vi.restoreAllMocks();
  });

  it('says that something went wrong for any other error', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const store = createAppStore({ storage: memoryStateStorage() });
    renderWithApp(
      <ErrorBoundary store={store}>
        <Broken />
      </ErrorBoundary>,
      { store },
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Noe gikk galt' })).toBeVisible();
    expect(screen.queryByText(/kom ikke fram/)).toBeNull();
    vi.restoreAllMocks();
  });
});
