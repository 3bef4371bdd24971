import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp, memoryStateStorage } from '../../app/test-utils';
import { createAppStore } from '../../store/app-store';
import { createDemoNetwork } from '../../domain/demo/demo-network';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import NetworkScreen from './network-screen';

const MB = 1024 * 1024;

function stubStorage(granted: boolean, usage = 5 * MB, quota = 1000 * MB) {
  const persist = vi.fn(() => Promise.resolve(granted));
  vi.stubGlobal('navigator', {
    ...navigator,
    storage: {
      persist,
      persisted: () => Promise.resolve(false),
      estimate: () => Promise.resolve({ usage, quota }),
    },
  });
  return persist;
}

/** A network of the demo's responses, imported as a file (or loaded as the demo). */
function storeWithNetwork(kind: 'file' | 'demo' = 'file') {
  const store = createAppStore({ storage: memoryStateStorage() });
  store.getState().hydrateNetwork(null);
  store
    .getState()
    .addImport({ fileName: 'demo.json', kind }, createDemoNetwork(CURRENT_QUESTIONNAIRE), []);
  return store;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('keeping the network safe', () => {
  it('asks the browser to keep the data once a network is loaded, and says what it answered', async () => {
    const persist = stubStorage(true);
    renderWithApp(<NetworkScreen view="data" param={null} />, { store: storeWithNetwork() });
    expect(
      await screen.findByText(
        'Nettleseren har lovet å ta vare på dataene her, også når plassen blir knapp.',
      ),
    ).toBeVisible();
    expect(persist).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/Lagringsplassen er snart full/)).toBeNull();
  });

  it('says when it was refused, and how much room is used and left when it runs low', async () => {
    stubStorage(false, 900 * MB, 1000 * MB);
    renderWithApp(<NetworkScreen view="data" param={null} />, {
      store: storeWithNetwork(),
      language: 'en',
    });
    expect(await screen.findByText(/The browser has not promised to keep the data/)).toBeVisible();
    expect(
      await screen.findByText('Storage is running low: 900 MB is used, and 100 MB is left.'),
    ).toBeVisible();
  });

  it('reminds of a backup after an import, and “not now” puts it off until the next change', async () => {
    stubStorage(true);
    const user = userEvent.setup();
    const store = storeWithNetwork();
    renderWithApp(<NetworkScreen view="overview" param={null} />, { store, language: 'nn' });
    expect(screen.getByText(/Dataa har endra seg sidan siste tryggingskopi/)).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Ikkje no' }));
    expect(screen.queryByText(/Dataa har endra seg sidan siste tryggingskopi/)).toBeNull();
    expect(store.getState().backupReminderPutOffAt).not.toBeNull();
  });

  it('does not ask for a backup of the made-up demo network', () => {
    stubStorage(true);
    renderWithApp(<NetworkScreen view="overview" param={null} />, {
      store: storeWithNetwork('demo'),
      language: 'nn',
    });
    expect(screen.getByText(/Demodata/)).toBeVisible();
    expect(screen.queryByText(/Dataa har endra seg sidan siste tryggingskopi/)).toBeNull();
  });

  it('offers the restore in a browser that has no network yet', () => {
    stubStorage(true);
    const store = createAppStore({ storage: memoryStateStorage() });
    store.getState().hydrateNetwork(null);
    renderWithApp(<NetworkScreen view="overview" param={null} />, { store });
    expect(screen.getByLabelText('Gjenopprett fra sikkerhetskopi')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Ta sikkerhetskopi' })).toBeNull();
  });
});
