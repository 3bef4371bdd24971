import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../app/test-utils';
import { ResultsScreen } from './results-screen';
import { CURRENT_QUESTIONNAIRE as q } from '../../lib/questionnaires';
import { statementsForRole } from '../../domain/questionnaire/model';
import type { Level, Role } from '../../domain/core/types';

// jsdom cannot measure SVG: the chart is replaced, and the numbers are read from its table twin.
vi.mock('../../charts/lazy', () => ({
  LazyAreaScoreChart: ({ label }: { label: string }) => <div role="img" aria-label={label} />,
}));

describe('ResultsScreen', () => {
  it('shows area scores, overall score, coverage, strongest, weakest and most important', () => {
    const { store, unmount } = renderWithApp(<div />);
    unmount();
    store.getState().startResponse({
      municipality: { number: '1560', name: 'Tingvoll' },
      role: 'administration',
      gathering: { round: 2, date: '2024-05-03' },
      questionnaire: { id: q.id, version: q.version },
    });
    // Area i (0-based) gets level (i % 5) + 1 on every statement: scores 0, 25, 50, 75, 100, 0, 25, 50, 75.
    const statements = statementsForRole(q, 'administration');
    q.areas.forEach((area, i) => {
      for (const s of statements.filter((st) => st.area === area.id)) {
        store.getState().setAnswer(s.id, ((i % 5) + 1) as 1 | 2 | 3 | 4 | 5);
      }
    });
    // One "don't know" in the last area lowers its coverage, not its score.
    const lastArea = statements.filter((s) => s.area === q.areas[8]!.id);
    store.getState().setAnswer(lastArea[0]!.id, 'dontKnow');
    store.getState().setImportance('dialogue', 5);
    store.getState().setImportance('services', 4);

    renderWithApp(<ResultsScreen />, { store, language: 'en' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Results for Tingvoll');
    const table = screen.getByRole('table', { name: 'Score, coverage and importance by area' });
    const rows = within(table).getAllByRole('row').slice(1);
    const scores = rows.map((r) => within(r).getAllByRole('cell')[0]!.textContent);
    expect(scores).toEqual(['0', '25', '50', '75', '100', '0', '25', '50', '75']);
    // 49 statements, 46 for administration; 1 "don't know" => 45/46 rated = 98 %.
    expect(screen.getByText('98%')).toBeInTheDocument();
    // mean of the nine area scores = 400 / 9 = 44.4 -> 44
    expect(screen.getByText('44')).toBeInTheDocument();
    expect(within(rows[8]!).getAllByRole('cell')[1]).toHaveTextContent('80%');

    const strongest = screen.getByRole('region', { name: 'Strongest areas' });
    expect(
      within(strongest)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Whole-community development: housing, schools and attractiveness: 100',
      'Knowing our own business base: 75 (tied at number 2)',
      'Regional cooperation and adaptability: 75 (tied at number 2)',
    ]);
    const weakest = screen.getByRole('region', { name: 'Weakest areas' });
    expect(
      within(weakest)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Strategy and long-term direction: 0 (tied at number 1)',
      'Services and permit handling: 0 (tied at number 1)',
      // Two areas tied at 25 for third: both are listed, as four is still short.
      'Political and administrative ownership: 25 (tied at number 3)',
      'Land, planning and infrastructure: 25 (tied at number 3)',
    ]);
    const important = screen.getByRole('region', { name: 'The areas you rated most important' });
    expect(within(important).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('img', { name: /Bar chart of the score/ })).toBeInTheDocument();
  });

  /** A response from Tingvoll where area i is answered `levels[i]` on every statement. */
  function respond(role: Role, levels: readonly (Level | 'dontKnow')[]) {
    const { store, unmount } = renderWithApp(<div />);
    unmount();
    store.getState().startResponse({
      municipality: { number: '1560', name: 'Tingvoll' },
      role,
      gathering: { round: 2, date: '2024-05-03' },
      questionnaire: { id: q.id, version: q.version },
    });
    const statements = statementsForRole(q, role);
    q.areas.forEach((area, i) => {
      for (const s of statements.filter((st) => st.area === area.id)) {
        store.getState().setAnswer(s.id, levels[i]!);
      }
    });
    return store;
  }
  const items = (region: HTMLElement) =>
    within(region)
      .queryAllByRole('listitem')
      .map((li) => li.textContent);

  it('seven areas at 50 (business, Tingvoll): no lists, but a sentence that all are equal', () => {
    // Level 3 gives 50; two areas answered only "don't know" have no score.
    const store = respond('business', [3, 3, 3, 'dontKnow', 3, 3, 'dontKnow', 3, 3]);
    renderWithApp(<ResultsScreen />, { store, language: 'en' });
    expect(screen.queryByRole('region', { name: 'Strongest areas' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Weakest areas' })).not.toBeInTheDocument();
    const both = screen.getByRole('region', { name: 'Strongest and weakest areas' });
    expect(within(both).queryByRole('listitem')).not.toBeInTheDocument();
    expect(both).toHaveTextContent(
      'All 7 areas with a score have the same score, 50. None of them stands out as strongest or weakest.',
    );
  });

  it('shows tied areas with a shared number, each in one list only', () => {
    // Scores 100, 75, 75, 75, 50, 50, 25, 0, 0.
    const store = respond('administration', [5, 4, 4, 4, 3, 3, 2, 1, 1]);
    renderWithApp(<ResultsScreen />, { store, language: 'nb' });
    const strongest = screen.getByRole('region', { name: 'Sterkeste områder' });
    expect(items(strongest)).toEqual([
      'Strategi og langsiktig retning: 100',
      'Forankring i politikk og administrasjon: 75 (delt 2. plass)',
      'Dialog og samarbeid med næringslivet: 75 (delt 2. plass)',
      'Kjennskap til eget næringsliv: 75 (delt 2. plass)',
    ]);
    // The list's own numbers: 1, 2, 2, 2.
    expect(
      within(strongest)
        .getAllByRole('listitem')
        .map((li) => (li as HTMLLIElement).value),
    ).toEqual([1, 2, 2, 2]);
    const weakest = screen.getByRole('region', { name: 'Svakeste områder' });
    expect(items(weakest)).toEqual([
      'Gründere, virkemidler og innkjøp: 0 (delt 1. plass)',
      'Regionalt samarbeid og omstillingsevne: 0 (delt 1. plass)',
      'Areal, planer og infrastruktur: 25',
    ]);
    const listed = [...items(strongest), ...items(weakest)].map((text) => text.split(':')[0]);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('says so in nynorsk when a tie is too large to list', () => {
    // Scores 75, then seven at 50, then 25.
    const store = respond('politician', [4, 3, 3, 3, 3, 3, 3, 3, 2]);
    renderWithApp(<ResultsScreen />, { store, language: 'nn' });
    const strongest = screen.getByRole('region', { name: 'Dei sterkaste områda' });
    expect(items(strongest)).toEqual(['Strategi og langsiktig retning: 75']);
    expect(strongest).toHaveTextContent(
      '7 område deler 2. plass med skår 50. Det er for mange til å vise her; sjå tabellen over.',
    );
    const weakest = screen.getByRole('region', { name: 'Dei svakaste områda' });
    expect(items(weakest)).toEqual(['Regionalt samarbeid og omstillingsevne: 25']);
    expect(weakest).toHaveTextContent('7 område deler 2. plass med skår 50.');
  });

  it('says so when no response is open', () => {
    renderWithApp(<ResultsScreen />, { language: 'nn' });
    expect(
      screen.getByText('Start eit nytt svar eller opne eit lagra svar frå startsida.'),
    ).toBeInTheDocument();
  });
});
