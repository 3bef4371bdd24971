import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp, memoryStateStorage } from '../../app/test-utils';
import { createAppStore } from '../../store/app-store';
import { StartScreen } from './start-screen';
import { KeepAnswersSuggestion } from './keep-answers';

const input = {
  municipality: { number: '1580', name: 'Haram' },
  gathering: { round: 2 as const, date: '2024-05-03' },
  questionnaire: { id: 'god-vertskommune', version: 2 },
};

function storeWithTwo() {
  let tick = 0;
  const store = createAppStore({
    storage: memoryStateStorage(),
    now: () => new Date(Date.UTC(2024, 4, 1, 10, 0, tick++)),
  });
  const s = store.getState();
  s.startResponse({ ...input, role: 'politician' });
  s.setAnswer('strategy-1', 4);
  s.submitResponse();
  s.startResponse({ ...input, role: 'administration', initials: 'KS' });
  s.setAnswer('strategy-1', 3);
  return store;
}

describe('a delegate’s unfinished answers', () => {
  it('come first on the start screen, with “continue”', async () => {
    const user = userEvent.setup();
    const store = storeWithTwo();
    renderWithApp(<StartScreen />, { store, language: 'nn' });
    // The list of saved responses loads with them (a first visit has none).
    await screen.findByRole('heading', { level: 2, name: 'Hald fram der du slapp' });
    await screen.findByRole('table');
    const first = screen.getAllByRole('heading', { level: 2 })[0]!;
    expect(first).toHaveTextContent('Hald fram der du slapp');
    const list = first.closest('section')!;
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
    expect(within(list).getByText(/Haram, Administrasjon \(KS\), Samling 2/)).toBeVisible();
    // In the table too, the unfinished response is the first row.
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Administrasjon');
    await user.click(within(list).getByRole('button', { name: /Hald fram/ }));
    expect(window.location.hash).toMatch(/^#\/assessment/);
  });

  it('are offered a safety copy after the first answer, on browsers that delete data', async () => {
    const user = userEvent.setup();
    const store = storeWithTwo();
    const { unmount } = renderWithApp(<KeepAnswersSuggestion deletesData={() => true} />, {
      store,
    });
    expect(screen.getByText(/kan slette dem etter noen dager/)).toBeVisible();
    expect(screen.getByRole('button', { name: 'Lagre sikkerhetskopi av svarene' })).toBeVisible();
    await user.click(screen.getByRole('button', { name: 'Ikke nå' }));
    expect(screen.queryByText(/kan slette dem etter noen dager/)).toBeNull();
    unmount();
    // Not on other browsers, and not before the first answer.
    renderWithApp(<KeepAnswersSuggestion deletesData={() => false} />, { store: storeWithTwo() });
    expect(screen.queryByText(/kan slette dem etter noen dager/)).toBeNull();
    const fresh = createAppStore({ storage: memoryStateStorage() });
    fresh.getState().startResponse({ ...input, role: 'business' });
    renderWithApp(<KeepAnswersSuggestion deletesData={() => true} />, { store: fresh });
    expect(screen.queryByText(/kan slette dem etter noen dager/)).toBeNull();
  });
});
