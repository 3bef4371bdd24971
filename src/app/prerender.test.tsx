import { describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { hydrateRoot } from 'react-dom/client';
import { firstVisitBootScript, renderFirstVisit } from './prerender';
import { AppRoot } from './app-root';
import { createAppStore } from '../store/app-store';
import { createI18n } from '../i18n/i18n';
import { memoryStateStorage } from './test-utils';
import { todayIso } from '../i18n/format';
import { STORE_KEY } from '../store/persisted';

describe('the pre-rendered first visit', () => {
  it('is the start form in bokmål, with no date from the build', async () => {
    document.body.innerHTML = `<div id="root">${await renderFirstVisit()}</div>`;
    expect(
      screen.getByRole('heading', {
        level: 1,
        name: 'Hvor god vertskommune er vi for næringslivet?',
      }),
    ).toBeInTheDocument();
    const form = screen.getByRole('form', { name: 'Ny besvarelse' });
    expect(within(form).getByRole('combobox', { name: 'Kommune' })).toHaveValue('');
    expect(within(form).getByLabelText('Dato for samlingen')).toHaveValue('');
    expect(document.body.textContent).not.toContain(String(new Date().getFullYear()));
  });

  it('is taken over by the app without a mismatch, keeping what was chosen before', async () => {
    document.body.innerHTML = `<div id="root">${await renderFirstVisit()}</div>`;
    const container = document.getElementById('root')!;
    // The delegate chooses before the app has loaded: only the page knows.
    const form = screen.getByRole('form', { name: 'Ny besvarelse' });
    const select = within(form).getByRole<HTMLSelectElement>('combobox', { name: 'Kommune' });
    select.value = '1516';
    within(form).getByRole<HTMLInputElement>('radio', { name: 'Politiker' }).checked = true;
    within(form).getByRole<HTMLInputElement>('radio', { name: 'Samling 3' }).checked = true;
    within(form).getByLabelText<HTMLInputElement>(/Initialer/).value = 'KN';

    const storage = memoryStateStorage();
    const store = createAppStore({ storage });
    const recoverable = vi.fn();
    let root: ReturnType<typeof hydrateRoot> | undefined;
    act(() => {
      root = hydrateRoot(
        container,
        <AppRoot store={store} i18n={createI18n('nb')} prerendered onCommitted={() => undefined} />,
        { onRecoverableError: recoverable },
      );
    });
    expect(recoverable).not.toHaveBeenCalled();
    await waitFor(() =>
      expect(screen.getByLabelText('Dato for samlingen')).toHaveValue(todayIso()),
    );
    expect(screen.getByRole('combobox', { name: 'Kommune' })).toHaveValue('1516');
    expect(screen.getByRole('radio', { name: 'Politiker' })).toBeChecked();

    await userEvent.click(screen.getByRole('button', { name: 'Start spørreskjemaet' }));
    const [response] = Object.values(store.getState().responses);
    expect(response).toMatchObject({
      municipality: { number: '1516', name: 'Ulstein' },
      respondent: { role: 'politician', initials: 'KN' },
      gathering: { round: 3, date: todayIso() },
    });
    // …and it is saved, so it survives a reload.
    expect(storage.map.get(STORE_KEY)).toContain(response!.id);
    // The questionnaire (a screen of its own, loaded on demand) opens at the first area.
    expect(await screen.findByRole('heading', { level: 1 })).toHaveTextContent(/^Område 1 av/);
    act(() => root!.unmount());
  });

  it('comes with the head script that tells a first visit from the others', () => {
    expect(firstVisitBootScript()).toContain(JSON.stringify(STORE_KEY));
  });
});
