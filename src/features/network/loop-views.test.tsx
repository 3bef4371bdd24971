import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../app/test-utils';
import { createDemoBundle } from '../../domain/demo/demo-loop';
import type { Locale } from '../../domain/core/types';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import { useNetworkModel } from '../../store/network-model';
import { AnsweredView } from './answered-view';
import { LearnView } from './learn-view';
import { MunicipalityComments } from './municipality-comments';
import { FollowUpTable } from './follow-up-table';
import { ActionsView } from './actions-view';

const demo = createDemoBundle(CURRENT_QUESTIONNAIRE);

function Learn({ municipality }: { municipality: string }) {
  return <LearnView model={useNetworkModel()} municipality={municipality} />;
}
function Answered() {
  return <AnsweredView model={useNetworkModel()} />;
}

function renderDemo(ui: React.ReactElement, language: Locale) {
  const view = renderWithApp(ui, { language });
  const s = view.store.getState();
  s.hydrateNetwork(null);
  s.addImport({ fileName: 'demo', kind: 'demo' }, demo.responses, demo.actions, demo.agreements);
  return view;
}

describe('who has answered', () => {
  it('shows responses per municipality and role against the previous gathering, and takes a typed expected number', async () => {
    const user = userEvent.setup();
    const { store } = renderDemo(<Answered />, 'nb');
    const table = await screen.findByRole('table', {
      name: 'Besvarelser per kommune og rolle, samling 4',
    });
    // Against gathering 3, role by role: Haram, Ulstein, Sykkylven and Tingvoll miss one each,
    // Aure two and Molde three.
    expect(screen.getByText('9 besvarelser mangler.')).toBeInTheDocument();
    // Molde (first by kommunenummer): 4 in, 3 submitted, 1 in progress; 7 last time and expected.
    const totals = within(table)
      .getAllByRole('row')
      .filter((row) => within(row).queryByRole('rowheader', { name: 'Totalt' }));
    expect(
      within(totals[0]!)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['4', '3', '1', '7', '7', '3 mangler']);
    const expected = within(table).getByRole('spinbutton', {
      name: 'Forventet antall besvarelser fra Molde, Politiker',
    });
    const before = (expected as HTMLInputElement).value;
    await user.clear(expected);
    await user.type(expected, '5');
    expect((expected as HTMLInputElement).value).toBe('5');
    expect(Number(before)).not.toBe(5);
    expect(store.getState().expectedResponses['1506|2024#4|politician']).toBe(5);
    expect(within(table).getAllByText('Under arbeid').length).toBe(1);
  });
});

describe('learn from the network', () => {
  it('suggests pairs and lists peers, statements and comments, in nynorsk', async () => {
    renderDemo(<Learn municipality="1560" />, 'nn');
    expect(
      await screen.findByRole('heading', { name: 'Lær av nettverket: Tingvoll, samling 4' }),
    ).toBeInTheDocument();
    const pairs = screen.getByRole('list', { name: 'Forslag til samtalar på samlinga' });
    const items = within(pairs).getAllByRole('listitem');
    expect(items.length).toBe(3);
    expect(items[0]).toHaveTextContent(/^Tingvoll kan spørje Aure om .+: 82 mot 49\.$/);
    expect(
      screen.getAllByRole('table', { name: /^Påstandar der .+ ligg lengst framfor Tingvoll$/ })
        .length,
    ).toBeGreaterThan(3);
  });

  it('lets the facilitator hide one comment, and shows it again', async () => {
    const user = userEvent.setup();
    const { store } = renderDemo(<Learn municipality="1560" />, 'nb');
    const lists = await screen.findAllByRole('list', { name: /^Kommentarer fra / });
    const first = within(lists[0]!).getAllByRole('listitem')[0]!;
    const text = first.querySelector('q')!.textContent;
    await user.click(within(first).getByRole('button', { name: /^Skjul kommentaren til «/ }));
    expect(store.getState().hiddenFreeText).toHaveLength(1);
    expect(within(first).queryByText(text)).toBeNull();
    expect(screen.getAllByText('Skjult av prosesslederen.').length).toBeGreaterThan(0);
    await user.click(screen.getAllByRole('button', { name: /^Vis igjen / })[0]!);
    expect(store.getState().hiddenFreeText).toEqual([]);
  });

  it('shows peers as letters and hides their free text when names are hidden', async () => {
    const { store } = renderDemo(<Learn municipality="1560" />, 'en');
    store.getState().setNetworkView({ anonymised: true, viewer: '1560' });
    const pairs = await screen.findByRole('list', {
      name: 'Suggested conversations at the gathering',
    });
    for (const item of within(pairs).getAllByRole('listitem'))
      expect(item).toHaveTextContent(/^Tingvoll can ask Municipality [A-Z] about /);
    expect(document.querySelectorAll('.comment-list q')).toHaveLength(0);
    expect(
      screen.getAllByText('The text is hidden because names are hidden.').length,
    ).toBeGreaterThan(0);
    for (const name of ['Aure', 'Sykkylven', 'Ulstein', 'Sunndal', 'Molde', 'Haram'])
      expect(document.body).not.toHaveTextContent(name);
  });
});

function Comments({ number, name }: { number: string; name: string }) {
  return (
    <MunicipalityComments model={useNetworkModel()} municipality={{ number, name }} label={name} />
  );
}

describe('comments beside their statements', () => {
  it('shows a municipality’s own comments even when names are hidden, and hides others’', async () => {
    const { store } = renderDemo(<Comments number="1580" name="Haram" />, 'nn');
    await screen.findByRole('heading', { name: 'Kommentarar frå Haram' });
    const lists = screen.getAllByRole('list', { name: /^Kommentarar til «/ });
    expect(lists.length).toBeGreaterThan(3);
    // Haram writes nynorsk.
    const texts = [...document.querySelectorAll('.comment-list q')].map((q) => q.textContent);
    expect(texts.join(' ')).toMatch(/\b(ikkje|ein|kvar|frå|dei|vart)\b/);
    expect(texts.join(' ')).not.toMatch(/\b(ikke|hver|hvor|fra)\b/);
    store.getState().setNetworkView({ anonymised: true, viewer: '1580' });
    await waitFor(() =>
      expect(document.querySelectorAll('.comment-list q').length).toBeGreaterThan(0),
    );
    store.getState().setNetworkView({ anonymised: true, viewer: '1560' });
    await waitFor(() => expect(document.querySelectorAll('.comment-list q')).toHaveLength(0));
    expect(screen.getAllByText('Teksten er skjult fordi namna er skjulte.').length).toBeGreaterThan(
      0,
    );
  });
});

function FollowUp({ number }: { number: string }) {
  return <FollowUpTable model={useNetworkModel()} municipality={number} />;
}

describe('follow-up at the chosen gathering', () => {
  it('lists actions agreed earlier with status, notes and score change; those not followed up first', async () => {
    renderDemo(<FollowUp number="1576" />, 'en');
    const table = await screen.findByRole('table', {
      name: 'Follow-up at gathering 4: actions agreed earlier',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual([
      'Bygge utleieboliger for nye arbeidstakere (agreed at gathering 1)',
      'Forhåndskonferanse i byggesaker innen to uker (agreed at gathering 3)',
    ]);
    for (const row of rows) expect(row).toHaveTextContent('Not followed up');
    expect(rows[0]).toHaveTextContent(
      'Gathering 2 (In progress): Tomt er avklart. · Gathering 3 (In progress): Anbudet er ute.',
    );
    expect(rows[0]).toHaveTextContent(/[▲▼▶] /);
  });

  it('tags nothing where every open action was followed up', async () => {
    renderDemo(<FollowUp number="1560" />, 'nb');
    const table = await screen.findByRole('table', {
      name: 'Oppfølging på samling 4: tiltak avtalt tidligere',
    });
    expect(table).not.toHaveTextContent('Ikke fulgt opp');
    expect(table).toHaveTextContent('Samling 4 (I gang): Høring i desember.');
  });
});

function Actions({ number }: { number: string }) {
  return <ActionsView model={useNetworkModel()} municipality={number} area={null} />;
}

describe('actions with names hidden', () => {
  it('hides another municipality’s action texts, keeps area and status, and the facilitator can hide one', async () => {
    const user = userEvent.setup();
    const { store } = renderDemo(<Actions number="1563" />, 'nb');
    const list = await screen.findByRole('list', { name: 'Tiltak for Sunndal' });
    expect(list).toHaveTextContent('Egen kontaktperson for små bedrifter');
    await user.click(
      within(list).getAllByRole('button', { name: /^Skjul teksten til tiltaket på / })[0]!,
    );
    expect(store.getState().hiddenFreeText).toEqual(['action:demo-act-1563-1']);
    expect(list).not.toHaveTextContent('Egen kontaktperson for små bedrifter');
    expect(list).toHaveTextContent('Skjult av prosesslederen.');
    store.getState().setNetworkView({ anonymised: true, viewer: '1560' });
    await waitFor(() => expect(list).not.toHaveTextContent('Felles næringsfond'));
    expect(list).toHaveTextContent('Teksten er skjult fordi navnene er skjult.');
    expect(list).toHaveTextContent('Planlagt');
  });
});
