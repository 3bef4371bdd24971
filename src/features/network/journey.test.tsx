import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp, memoryStateStorage } from '../../app/test-utils';
import { createAppStore } from '../../store/app-store';
import { createDemoBundle } from '../../domain/demo/demo-loop';
import type { Locale } from '../../domain/core/types';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import { NETWORK_VIEWS, type NetworkView } from '../../lib/router';
import NetworkScreen from './network-screen';
import { JOURNEY, stepOf } from './journey';

const demo = createDemoBundle(CURRENT_QUESTIONNAIRE);

function renderScreen(view: NetworkView, param: string | null, language: Locale = 'nb') {
  const store = createAppStore({ storage: memoryStateStorage() });
  store.getState().hydrateNetwork(null);
  store
    .getState()
    .addImport({ fileName: 'demo', kind: 'demo' }, demo.responses, demo.actions, demo.agreements);
  return renderWithApp(<NetworkScreen view={view} param={param} />, { store, language });
}

const stepNames = () =>
  within(screen.getByRole('navigation', { name: 'Stegene i en samling' }))
    .getAllByRole('link')
    .map((a) => a.textContent);

describe('the journey through a gathering', () => {
  it('puts every view of the network screen in exactly one step, and at most 7 steps', () => {
    expect(JOURNEY.length).toBeLessThanOrEqual(7);
    for (const view of NETWORK_VIEWS) {
      expect(JOURNEY[stepOf(view)]!.stops.some((s) => 'view' in s && s.view === view)).toBe(true);
    }
  });

  it('numbers the steps, marks the current one and shows its views as a second level', () => {
    renderScreen('profile', '1580');
    expect(stepNames()).toEqual([
      '1 Samle inn',
      '2 Sammenligne',
      '3 Lære',
      '4 Bli enige og handle',
      '5 Dele',
    ]);
    const steps = screen.getByRole('navigation', { name: 'Stegene i en samling' });
    expect(within(steps).getByRole('link', { name: '2 Sammenligne' })).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(within(steps).getByRole('link', { name: '1 Samle inn' })).not.toHaveAttribute(
      'aria-current',
    );
    const views = screen.getByRole('navigation', { name: 'Visninger i steget «Sammenligne»' });
    expect(
      within(views)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Oversikt', 'Kommuneprofil', 'Per område', 'Utvikling']);
    expect(within(views).getByRole('link', { name: 'Kommuneprofil' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // The chosen municipality follows the user into the next step's municipality views.
    expect(within(views).getByRole('link', { name: 'Utvikling' })).toHaveAttribute(
      'href',
      '#/network/trends/1580',
    );
    expect(within(steps).getByRole('link', { name: '3 Lære' })).toHaveAttribute(
      'href',
      '#/network/priorities/1580',
    );
    expect(within(views).getByRole('link', { name: 'Oversikt' })).toHaveAttribute(
      'href',
      '#/network/overview/1580',
    );
    expect(within(steps).getByRole('link', { name: '1 Samle inn' })).toHaveAttribute(
      'href',
      '#/network/data',
    );
  });

  it('leads the share step to the reports, the exports and presentation mode', () => {
    renderScreen('share', '1580', 'en');
    const views = screen.getByRole('navigation', { name: 'Views in the step “Share”' });
    expect(
      within(views)
        .getAllByRole('link')
        .map((a) => [a.textContent, a.getAttribute('href')]),
    ).toEqual([
      ['Ways to share', '#/network/share/1580'],
      ['Municipality report', '#/report/1580'],
      ['Network report', '#/report/network'],
      ['Export tables and files', '#/network/data'],
      ['Presentation mode', '#/present/1'],
    ]);
    expect(screen.getByRole('link', { name: '5 Share' })).toHaveAttribute('aria-current', 'step');
  });

  it('sets the context once, above the step, and sums it up in one line', async () => {
    const user = userEvent.setup();
    const { store } = renderScreen('overview', null, 'nn');
    expect(screen.getAllByRole('combobox', { name: 'Samling' })).toHaveLength(1);
    const summary = screen.getByText(/^Utgangspunkt:/);
    expect(summary.textContent).toBe(
      'Utgangspunkt: Samling 4 · ingen kommune vald · namn blir viste',
    );
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Kommunen dykkar (blir alltid vist med namn)' }),
      'Haram',
    );
    await user.click(screen.getByRole('switch', { name: 'Skjul namna på dei andre kommunane' }));
    expect(store.getState().networkView.anonymised).toBe(true);
    expect(summary.textContent).toBe('Utgangspunkt: Samling 4 · Haram · namn er skjulte');
  });
});
