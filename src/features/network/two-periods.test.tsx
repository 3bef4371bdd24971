import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithApp, memoryStateStorage } from '../../app/test-utils';
import { createAppStore } from '../../store/app-store';
import { createDemoNetwork } from '../../domain/demo/demo-network';
import { aggregateResponses } from '../../domain/scoring/aggregate';
import type { Response } from '../../domain/core/types';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import NetworkScreen from './network-screen';
import ReportScreen from '../report/report-screen';

/** The demo network's first two gatherings of 2024. */
function firstTwo(): Response[] {
  return createDemoNetwork(CURRENT_QUESTIONNAIRE).filter((r) => r.gathering.round <= 2);
}

/** The demo network's first two gatherings of 2024, and the same answers a year later. */
function twoYears(): Response[] {
  const demo = firstTwo();
  const nextYear = demo.map((r) => ({
    ...r,
    id: `${r.id}-2025`,
    gathering: { round: r.gathering.round, date: r.gathering.date.replace('2024', '2025') },
  }));
  return [...demo, ...nextYear];
}

function storeWith(responses: readonly Response[]) {
  const store = createAppStore({ storage: memoryStateStorage() });
  store.getState().hydrateNetwork(null);
  store.getState().addImport({ fileName: 'two-years.json', kind: 'file' }, responses, []);
  return store;
}

describe('a network with two periods', () => {
  it('keeps them apart in the picker, the heatmap and the trends, and names each period', () => {
    const responses = twoYears();
    const store = storeWith(responses);
    const { unmount } = renderWithApp(<NetworkScreen view="overview" param={null} />, { store });
    const picker = screen.getByRole('combobox', { name: 'Samling' });
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Samling 1 i 2024', 'Samling 2 i 2024', 'Samling 1 i 2025', 'Samling 2 i 2025']);
    expect(screen.getByRole('table', { name: /samling 2 i 2025/ })).toBeTruthy();
    // The heatmap counts one year's delegations, never both years' together.
    const perGathering = aggregateResponses(CURRENT_QUESTIONNAIRE, responses);
    const haram = perGathering.filter((a) => a.municipality.number === '1580');
    expect(haram.map((a) => [a.period, a.round])).toEqual([
      ['2024', 1],
      ['2024', 2],
      ['2025', 1],
      ['2025', 2],
    ]);
    const row = screen.getByRole('rowheader', { name: /Haram/ }).closest('tr')!;
    expect(row.textContent).toContain(String(haram[3]!.respondents));
    unmount();

    renderWithApp(<NetworkScreen view="trends" param="1580" />, { store });
    const trends = screen.getByRole('table', { name: /Haram/ });
    const headers = within(trends)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual(
      expect.arrayContaining([
        'Samling 1 i 2024',
        'Samling 2 i 2024',
        'Samling 1 i 2025',
        'Samling 2 i 2025',
      ]),
    );
  });

  it('names the period in the reports, and not while there is one', () => {
    const store = storeWith(twoYears());
    const { unmount } = renderWithApp(<ReportScreen param="network" />, { store });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('samling 2 i 2025');
    unmount();
    const oneYear = storeWith(firstTwo());
    renderWithApp(<ReportScreen param="network" />, { store: oneYear, language: 'en' });
    const heading = screen.getByRole('heading', { level: 1 }).textContent;
    expect(heading).toContain('gathering 2');
    expect(heading).not.toContain('2024');
  });

  it('follows up an action of last year’s last gathering at this year’s first', () => {
    const responses = twoYears().filter(
      (r) => r.gathering.date.startsWith('2024') || r.gathering.round === 1,
    );
    const store = storeWith(responses);
    store.getState().addAction({
      municipality: { number: '1580', name: 'Haram' },
      areaId: 'strategy',
      title: 'Rullere næringsplanen',
      period: '2024',
      round: 2,
    });
    renderWithApp(<NetworkScreen view="actions" param="1580" />, { store, language: 'nn' });
    // On the action's card and in the follow-up table.
    expect(screen.getAllByText(/avtalt på samling 2 i 2024/)).toHaveLength(2);
    expect(screen.getByText(/ikkje følgt opp på samling 1 i 2025/i)).toBeTruthy();
  });
});
