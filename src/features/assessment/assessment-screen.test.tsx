import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memoryStateStorage, renderWithApp } from '../../app/test-utils';
import { createAppStore, type AppStore } from '../../store/app-store';
import { AssessmentScreen } from './assessment-screen';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import { localize } from '../../domain/questionnaire/localize';

function start(store: AppStore) {
  store.getState().startResponse({
    municipality: { number: '1516', name: 'Ulstein' },
    role: 'politician',
    gathering: { round: 1, date: '2024-02-15' },
    questionnaire: { id: CURRENT_QUESTIONNAIRE.id, version: CURRENT_QUESTIONNAIRE.version },
  });
}

/** A fresh store with a response started, and the questionnaire page of one area. */
function renderStarted(areaId: string) {
  const store = createAppStore({ storage: memoryStateStorage() });
  start(store);
  renderWithApp(<AssessmentScreen areaId={areaId} />, { store });
  return store;
}

const strategy = CURRENT_QUESTIONNAIRE.statements.filter((s) => s.area === 'strategy');

describe('AssessmentScreen', () => {
  it('shows each statement as a radio group with levels, "don\'t know" and "not relevant"', () => {
    renderStarted('strategy');
    const first = screen.getByRole('group', {
      name: new RegExp(localize(strategy[0]!.text, 'nb').slice(0, 30)),
    });
    const radios = within(first).getAllByRole('radio');
    expect(radios.map((r) => r.getAttribute('value'))).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      'dontKnow',
      'notRelevant',
    ]);
    expect(within(first).getByRole('radio', { name: 'Vet ikke' })).toBeInTheDocument();
    expect(within(first).getByRole('radio', { name: /^5 / })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Område 1 av 9');
  });

  it('saves an answer, a comment and the importance as they are given', async () => {
    const user = userEvent.setup();
    const store = renderStarted('strategy');
    const group = screen.getByRole('group', {
      name: new RegExp(localize(strategy[1]!.text, 'nb').slice(0, 30)),
    });
    await user.click(within(group).getByRole('radio', { name: /^4 / }));
    await user.click(
      within(group).getByRole('button', { name: 'Legg til kommentar til påstand 2' }),
    );
    await user.type(within(group).getByRole('textbox', { name: 'Kommentar' }), 'Vedtatt i 2022');
    const importance = screen.getByRole('group', { name: /Hvor viktig er/ });
    await user.click(within(importance).getByRole('radio', { name: '5 Svært viktig' }));

    const response = Object.values(store.getState().responses)[0]!;
    expect(response.answers[strategy[1]!.id]).toMatchObject({
      value: 4,
      comment: 'Vedtatt i 2022',
    });
    expect(response.importance.strategy).toBe(5);
    expect(screen.getByText('1 av 46 påstander besvart')).toBeInTheDocument();
    expect(within(group).getByRole('radio', { name: /^4 / })).toBeChecked();
  });

  it('updates the statement, the progress and the area count as answers change', async () => {
    const user = userEvent.setup();
    const store = renderStarted('strategy');
    const nav = screen.getByRole('navigation', { name: 'Områder' });
    const current = within(nav).getByRole('link', { current: 'step' });
    expect(current).toHaveTextContent(`0/${strategy.length}`);
    const [first, second] = strategy.map((s) =>
      screen.getByRole('group', { name: new RegExp(localize(s.text, 'nb').slice(0, 30)) }),
    );

    await user.click(within(first!).getByRole('radio', { name: /^2 / }));
    await user.click(within(second!).getByRole('radio', { name: 'Vet ikke' }));
    await user.click(within(first!).getByRole('radio', { name: /^5 / }));

    expect(within(first!).getByRole('radio', { name: /^5 / })).toBeChecked();
    expect(within(first!).getByRole('radio', { name: /^2 / })).not.toBeChecked();
    expect(within(second!).getByRole('radio', { name: 'Vet ikke' })).toBeChecked();
    expect(current).toHaveTextContent(`2/${strategy.length}`);
    expect(screen.getByText('2 av 46 påstander besvart')).toBeInTheDocument();
    const answers = Object.values(store.getState().responses)[0]!.answers;
    expect(answers[strategy[0]!.id]?.value).toBe(5);
    expect(answers[strategy[1]!.id]?.value).toBe('dontKnow');
  });

  it('offers a jump to every area, with the current one marked', () => {
    renderStarted('services');
    const nav = screen.getByRole('navigation', { name: 'Områder' });
    const links = within(nav).getAllByRole('link');
    expect(links).toHaveLength(CURRENT_QUESTIONNAIRE.areas.length + 1);
    expect(within(nav).getByRole('link', { current: 'step' })).toHaveTextContent(
      'Tjenester og saksbehandling',
    );
  });

  it('shows the level descriptions on demand', async () => {
    const user = userEvent.setup();
    renderStarted('strategy');
    const level5 = localize(CURRENT_QUESTIONNAIRE.areas[0]!.levels[4]!, 'nb');
    expect(screen.getByText(level5)).not.toBeVisible();
    await user.click(screen.getByText('Slik ser nivåene 1–5 ut i dette området'));
    expect(screen.getByText(level5)).toBeVisible();
  });
});
