import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderWithApp } from '../../app/test-utils';
import { ResultsScreen } from './results-screen';
import { CURRENT_QUESTIONNAIRE as q } from '../../lib/questionnaires';
import { statementsForRole } from '../../domain/questionnaire/model';

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
      'Knowing our own business base: 75',
      'Regional cooperation and adaptability: 75',
    ]);
    const weakest = screen.getByRole('region', { name: 'Weakest areas' });
    expect(
      within(weakest)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Strategy and long-term direction: 0',
      'Services and permit handling: 0',
      'Political and administrative ownership: 25',
    ]);
    const important = screen.getByRole('region', { name: 'The areas you rated most important' });
    expect(within(important).getAllByRole('listitem')).toHaveLength(2);
    expect(screen.getByRole('img', { name: /Bar chart of the score/ })).toBeInTheDocument();
  });

  it('says so when no response is open', () => {
    renderWithApp(<ResultsScreen />, { language: 'nn' });
    expect(
      screen.getByText('Start eit nytt svar eller opne eit lagra svar frå startsida.'),
    ).toBeInTheDocument();
  });
});
