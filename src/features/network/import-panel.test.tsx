import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../app/test-utils';
import { createResultsFile, serializeResultsFile } from '../../domain/files/results-file';
import { makeResponse } from '../../domain/testing/fixtures';
import type { Locale, Response } from '../../domain/core/types';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import { ImportPanel, ImportReports } from './import-panel';

const REF = { id: CURRENT_QUESTIONNAIRE.id, version: CURRENT_QUESTIONNAIRE.version };
const TINGVOLL = { number: '1560', name: 'Tingvoll' };

/** A response to the bundled questionnaire from Tingvoll, gathering 2. */
function response(id: string, respondent: Response['respondent'], updatedAt: string): Response {
  return {
    ...makeResponse({
      id,
      questionnaire: REF,
      municipality: TINGVOLL,
      respondent,
      gathering: { round: 2, date: '2024-05-03' },
      answers: { 'strategy-1': 4 },
    }),
    updatedAt,
  };
}

function file(name: string, responses: readonly Response[]): File {
  const text = serializeResultsFile(
    createResultsFile(responses, {
      appVersion: 'test',
      exportedAt: '2024-05-03T12:00:00.000Z',
      questionnaire: REF,
    }),
  );
  return new File([text], name, { type: 'application/json' });
}

const politician = { id: 'p-kari', role: 'politician' as const };
const good = response('good', politician, '2024-05-02T10:00:00.000Z');
const future = response('future', politician, '9999-12-31T23:59:59.000Z');
const unknown: Response = {
  ...good,
  id: 'unknown',
  answers: { 'strategy-99': { value: 5, updatedAt: '2024-05-02T10:00:00.000Z' } },
};
/** Four responses by one delegate (new ids): three are set aside. */
const copies = [0, 1, 2, 3].map((i) =>
  response(`copy-${i}`, politician, `2024-05-02T0${i}:00:00.000Z`),
);

async function importAll(language: Locale, files: File[]) {
  const user = userEvent.setup();
  const view = renderWithApp(
    <>
      <ImportPanel />
      <ImportReports />
    </>,
    { language },
  );
  view.store.getState().hydrateNetwork(null);
  const label = { nb: 'Velg filer', nn: 'Vel filer', en: 'Choose files' }[language];
  await user.upload(await screen.findByLabelText(label), files);
  const list = { nb: 'Resultat per fil', nn: 'Resultat per fil', en: 'Result per file' }[language];
  const reports = await screen.findByRole('list', { name: list });
  // One item per file (the set-aside notice has a list of its own inside an item).
  const items = within(reports)
    .getAllByRole('listitem')
    .filter((li) => li.parentElement === reports);
  return { store: view.store, items };
}

describe('import report', () => {
  it('names the response dated in the future and the one with an unknown statement, and changes nothing', async () => {
    const { store, items } = await importAll('nb', [
      file('framtid.json', [future]),
      file('ukjent.json', [unknown]),
    ]);
    const [first, second] = items;
    expect(first).toHaveTextContent(
      'framtid.json: Besvarelsen fra Tingvoll (politiker, samling 2) er datert fram i tid: 31. desember 9999. Filen er ikke lest inn, og ingenting er endret.',
    );
    expect(second).toHaveTextContent(
      'ukjent.json: Besvarelsen fra Tingvoll (politiker, samling 2) svarer på påstanden «strategy-99», som versjon 2 av spørreskjemaet ikke har.',
    );
    expect(store.getState().network.responses).toEqual({});
    expect(store.getState().network.sources).toEqual([]);
  });

  it.each<[Locale, string]>([
    [
      'nn',
      'Svaret frå Tingvoll (politikar, samling 2) er datert fram i tid: 31. desember 9999. Fila er ikkje lesen inn, og ingenting er endra.',
    ],
    [
      'en',
      'The response from Tingvoll (politician, gathering 2) is dated in the future: 31 December 9999. The file was not imported, and nothing has changed.',
    ],
  ])('says it in %s too', async (language, text) => {
    const { items } = await importAll(language, [file('future.json', [future])]);
    expect(items[0]).toHaveTextContent(text);
  });

  it('says how many responses were set aside, and for whom', async () => {
    const { store, items } = await importAll('nb', [file('kopiar.json', [good, ...copies])]);
    const report = items[0]!;
    expect(report).toHaveTextContent('kopiar.json: 5 besvarelser lest inn (Tingvoll)');
    expect(report).toHaveTextContent(
      '4 besvarelser er lagt til side fordi samme person har sendt flere besvarelser til samme samling. Bare den nyeste fra hver person teller:',
    );
    const setAside = within(report).getByRole('list', { name: 'Besvarelser lagt til side' });
    expect(
      within(setAside)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Tingvoll (politiker, samling 2): 4 besvarelser']);
    // All five are held; aggregation counts the newest, good (10:00).
    expect(Object.keys(store.getState().network.responses)).toHaveLength(5);
  });

  it('says nothing of setting aside when every respondent has one response', async () => {
    const { items } = await importAll('en', [file('one.json', [good])]);
    expect(items[0]).toHaveTextContent('one.json: 1 response imported (Tingvoll)');
    expect(items[0]).not.toHaveTextContent(/set aside/);
  });
});
