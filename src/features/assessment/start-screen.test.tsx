import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../app/test-utils';
import { StartScreen } from './start-screen';
import InvitedStart from './invited-start';
import { createI18n } from '../../i18n/i18n';

describe('StartScreen', () => {
  it('lists every problem in the form, in the user language, and keeps what was entered', async () => {
    const user = userEvent.setup();
    const { store } = renderWithApp(<StartScreen />, { language: 'nn' });
    await user.click(screen.getByRole('radio', { name: 'Politikar' }));
    await user.click(screen.getByRole('button', { name: 'Start spørjeskjemaet' }));
    expect(screen.getByText('Dette må rettast før du kan starte:')).toBeVisible();
    expect(screen.getByRole('link', { name: 'Vel kommune.' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Vel kva samling svaret gjeld.' })).toBeVisible();
    expect(screen.getByRole('radio', { name: 'Politikar' })).toBeChecked();
    expect(store.getState().responses).toEqual({});
  });

  it('asks for a name and a four-digit number for another municipality', async () => {
    const user = userEvent.setup();
    renderWithApp(<StartScreen />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), 'Annen kommune');
    await user.type(screen.getByRole('textbox', { name: 'Kommunenummer' }), '15a');
    await user.click(screen.getByRole('button', { name: 'Start spørreskjemaet' }));
    const number = screen.getByRole('textbox', { name: 'Kommunenummer' });
    expect(number).toHaveAttribute('aria-invalid', 'true');
    expect(number).toHaveAccessibleDescription(/Fire siffer.*Kommunenummeret må være fire siffer/);
  });

  it('suggests nynorsk when a nynorsk municipality is chosen', async () => {
    const user = userEvent.setup();
    const { store } = renderWithApp(<StartScreen />);
    expect(screen.queryByRole('button', { name: 'Byt til nynorsk' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), 'Ulstein (1516)');
    await user.click(screen.getByRole('button', { name: 'Byt til nynorsk' }));
    expect(store.getState().language).toBe('nn');
  });

  it('loads the nynorsk texts for the suggestion when the app has only bokmål loaded', async () => {
    const user = userEvent.setup();
    const i18n = createI18n('nb');
    expect(i18n.hasResourceBundle('nn', 'common')).toBe(false);
    renderWithApp(<StartScreen />, { i18n });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), 'Ulstein (1516)');
    expect(await screen.findByRole('button', { name: 'Byt til nynorsk' })).toBeVisible();
    expect(screen.getByText(/Ulstein/, { selector: 'p' })).toHaveAttribute('lang', 'nn');
  });

  it('does not suggest nynorsk for a neutral municipality', async () => {
    const user = userEvent.setup();
    renderWithApp(<StartScreen />);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), 'Molde (1506)');
    expect(screen.queryByRole('button', { name: 'Byt til nynorsk' })).toBeNull();
  });

  it('starts a response with municipality, role, gathering and initials', async () => {
    const user = userEvent.setup();
    const { store } = renderWithApp(<StartScreen />);
    expect(screen.queryByRole('combobox', { name: 'Spørreskjema' })).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), 'Haram (1580)');
    await user.click(screen.getByRole('radio', { name: 'Administrasjon' }));
    await user.click(screen.getByRole('radio', { name: 'Samling 3' }));
    const date = screen.getByLabelText('Dato for samlingen');
    await user.clear(date);
    await user.type(date, '2024-09-12');
    await user.type(screen.getByRole('textbox', { name: 'Initialer (valgfritt)' }), 'AB');
    await user.click(screen.getByRole('button', { name: 'Start spørreskjemaet' }));
    const responses = Object.values(store.getState().responses);
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({
      municipality: { number: '1580', name: 'Haram' },
      respondent: { role: 'administration', initials: 'AB' },
      gathering: { period: '2024', round: 3, date: '2024-09-12' },
      // The current version; version 1 stays known but is not offered for new responses.
      questionnaire: { id: 'god-vertskommune', version: 2 },
    });
    expect(window.location.hash).toBe('#/assessment/strategy');
  });

  it('takes a period the facilitator named, and refuses one that does not start with a year', async () => {
    const user = userEvent.setup();
    const { store } = renderWithApp(<StartScreen />, { language: 'nn' });
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kommune' }), 'Haram (1580)');
    await user.click(screen.getByRole('radio', { name: 'Administrasjon' }));
    await user.click(screen.getByRole('radio', { name: 'Samling 1' }));
    const date = screen.getByLabelText('Dato for samlinga');
    await user.clear(date);
    await user.type(date, '2025-02-13');
    const period = screen.getByRole('textbox', { name: 'Periode (valfritt)' });
    expect(period).toHaveAccessibleDescription(/året for samlinga \(2025\)/);
    await user.type(period, 'Vår 2025');
    await user.click(screen.getByRole('button', { name: 'Start spørjeskjemaet' }));
    expect(period).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().responses).toEqual({});
    await user.clear(period);
    await user.type(period, '2024–2025');
    await user.click(screen.getByRole('button', { name: 'Start spørjeskjemaet' }));
    const [response] = Object.values(store.getState().responses);
    expect(response!.gathering).toEqual({ period: '2024–2025', round: 1, date: '2025-02-13' });
  });

  it('opens filled in from an invite, keeps the address for sending, and switches to nynorsk for Haram', () => {
    localStorage.clear();
    const { store } = renderWithApp(
      <InvitedStart query="v=1&round=3&date=2024-09-12&q=god-vertskommune&qv=2&m=1580&to=kari%40haram.kommune.no" />,
    );
    expect(screen.getByTestId('start-municipality')).toHaveValue('1580');
    expect(screen.getByDisplayValue('2024-09-12')).toHaveAttribute('id', 'gathering-date');
    expect(store.getState().language).toBe('nn');
    expect(JSON.parse(localStorage.getItem('naeringsspeilet-invite')!)).toMatchObject({
      email: 'kari@haram.kommune.no',
    });
  });

  it('fills in another municipality from an invite', () => {
    renderWithApp(
      <InvitedStart query="v=1&round=1&date=2024-02-01&q=god-vertskommune&qv=2&m=4601&name=Bergen" />,
    );
    expect(screen.getByTestId('start-municipality')).toHaveValue('other');
    expect(screen.getByRole('textbox', { name: 'Kommunenummer' })).toHaveValue('4601');
    expect(screen.getByRole('radio', { name: 'Samling 1' })).toBeChecked();
  });

  it('says when an invite cannot be read, and opens empty', () => {
    renderWithApp(<InvitedStart query="v=1&round=9" />);
    expect(screen.getByText(/Invitasjonen er ufullstendig eller skadet/)).toBeVisible();
    expect(screen.getByTestId('start-municipality')).toHaveValue('');
  });
});
