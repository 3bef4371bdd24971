import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../../app/test-utils';
import { createDemoBundle } from '../../domain/demo/demo-loop';
import type { Locale } from '../../domain/core/types';
import { actionTextKey, commentKey } from '../../domain/priorities/comments';
import { CURRENT_QUESTIONNAIRE } from '../../lib/questionnaires';
import { useNetworkModel } from '../../store/network-model';
import PresentScreen from '../present/present-screen';
import ReportScreen from '../report/report-screen';
import { AreaView } from './area-view';

const demo = createDemoBundle(CURRENT_QUESTIONNAIRE);
const NAMES = ['Aure', 'Sykkylven', 'Ulstein', 'Sunndal', 'Molde', 'Haram', 'Tingvoll'];

function renderDemo(ui: React.ReactElement, language: Locale) {
  const view = renderWithApp(ui, { language });
  const s = view.store.getState();
  s.hydrateNetwork(null);
  s.addImport({ fileName: 'demo', kind: 'demo' }, demo.responses, demo.actions, demo.agreements);
  return view;
}

function Area({ areaId }: { areaId: string }) {
  return <AreaView model={useNetworkModel()} areaId={areaId} />;
}

/** The area (of the current questionnaire) whose statements the demo's delegates comment most. */
const AREA = CURRENT_QUESTIONNAIRE.areas[0]!;
const areaTitle = AREA.title;
const AREA_STATEMENTS = new Set(
  CURRENT_QUESTIONNAIRE.statements.filter((s) => s.area === AREA.id).map((s) => s.id),
);

describe('comments in the area view', () => {
  it('shows each municipality’s comments beside their statement, and the facilitator can hide one', async () => {
    const user = userEvent.setup();
    const { store } = renderDemo(<Area areaId={AREA.id} />, 'nb');
    const section = await screen.findByRole('region', {
      name: `Kommentarer om ${areaTitle.nb}`,
    });
    const lists = within(section).getAllByRole('list', { name: /^Kommentarer fra .+ til «/ });
    expect(lists.length).toBeGreaterThan(1);
    const first = within(lists[0]!).getAllByRole('listitem')[0]!;
    const text = first.querySelector('q')!.textContent;
    const times = () => [...section.querySelectorAll('q')].filter((q) => q.textContent === text);
    const before = times().length;
    await user.click(
      within(first).getByRole('button', { name: /^Skjul kommentaren fra .+ til «/ }),
    );
    expect(store.getState().hiddenFreeText).toHaveLength(1);
    expect(times()).toHaveLength(before - 1);
    expect(within(section).getAllByText('Skjult av prosesslederen.').length).toBe(1);
  });

  it('hides other municipalities’ comments with their names, and keeps your own', async () => {
    const { store } = renderDemo(<Area areaId={AREA.id} />, 'en');
    store.getState().setNetworkView({ anonymised: true, viewer: '1560' });
    const section = await screen.findByRole('region', { name: `Comments on ${areaTitle.en}` });
    await waitFor(() =>
      expect(
        within(section).getAllByText('The text is hidden because names are hidden.').length,
      ).toBeGreaterThan(0),
    );
    // Only Tingvoll's own comments keep their text.
    for (const list of within(section).queryAllByRole('list', { name: /^Comments from / })) {
      if (list.querySelector('q'))
        expect(list).toHaveAccessibleName(/^Comments from Tingvoll on “/);
    }
    for (const name of NAMES.filter((n) => n !== 'Tingvoll'))
      expect(section).not.toHaveTextContent(name);
  });
});

describe('comments in presentation mode', () => {
  it('shows an area’s comments only when the facilitator reveals them, and hides them again', async () => {
    const user = userEvent.setup();
    renderDemo(<PresentScreen slide={2} />, 'nb');
    const button = await screen.findByRole('button', { name: 'Vis kommentarer' });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('heading', { name: /^Kommentarer om / })).toBeNull();
    expect(document.querySelectorAll('.present-comments q')).toHaveLength(0);
    button.focus();
    await user.keyboard('{Enter}');
    expect(button).toHaveAttribute('aria-expanded', 'true');
    expect(button).toHaveAccessibleName('Skjul kommentarene');
    expect(
      screen.getByRole('heading', { name: `Kommentarer om ${areaTitle.nb}` }),
    ).toBeInTheDocument();
    expect(document.querySelectorAll('.present-comments q').length).toBeGreaterThan(1);
    // The results themselves are still behind their own reveal.
    expect(screen.getByRole('button', { name: 'Vis resultatet' })).toBeInTheDocument();
    await user.click(button);
    expect(document.querySelectorAll('.present-comments q')).toHaveLength(0);
  });

  it('never shows what the facilitator has hidden, nor others’ free text when names are hidden', async () => {
    const user = userEvent.setup();
    const { store } = renderDemo(<PresentScreen slide={2} />, 'nn');
    await user.click(await screen.findByRole('button', { name: 'Vis kommentarar' }));
    const all = [...document.querySelectorAll('.present-comments q')].map((q) => q.textContent);
    expect(all.length).toBeGreaterThan(1);
    // The facilitator hides every comment on the area: none reaches the projector.
    const keys = demo.responses.flatMap((r) =>
      Object.entries(r.answers)
        .filter(([id, a]) => AREA_STATEMENTS.has(id) && (a?.comment ?? '').trim() !== '')
        .map(([id]) => commentKey(r.id, id)),
    );
    for (const key of keys) store.getState().setFreeTextHidden(key, true);
    await waitFor(() => expect(document.querySelectorAll('.present-comments q')).toHaveLength(0));
    expect(screen.getByText(`${all.length} kommentarar er ikkje viste.`)).toBeInTheDocument();
    for (const key of keys) store.getState().setFreeTextHidden(key, false);
    await waitFor(() =>
      expect(document.querySelectorAll('.present-comments q')).toHaveLength(all.length),
    );
    // Hide every comment but Tingvoll's: the facilitator's hidden texts stay hidden.
    store.getState().setNetworkView({ anonymised: true, viewer: '1560' });
    await waitFor(() =>
      expect(document.querySelectorAll('.present-comments q').length).toBeLessThan(all.length),
    );
    expect(screen.getByText(/^\d+ kommentarar er ikkje viste\.$/)).toBeInTheDocument();
    const shown = document.querySelector('.present-comments')!;
    for (const name of NAMES.filter((n) => n !== 'Tingvoll'))
      expect(shown).not.toHaveTextContent(name);
    // Results revealed: other municipalities' action titles are hidden with the names.
    await user.click(screen.getByRole('button', { name: 'Vis resultatet' }));
    expect(screen.getByRole('heading', { name: /^Dette gjer dei andre på / })).toBeInTheDocument();
    expect(screen.getAllByText('Teksten er skjult fordi namna er skjulte.').length).toBeGreaterThan(
      0,
    );
    for (const a of demo.actions.filter((x) => x.municipality.number !== '1560'))
      expect(document.body).not.toHaveTextContent(a.title);
  });
});

describe('the printed report', () => {
  it('shows a municipality’s own action texts, and hides another’s with the names', async () => {
    const own = demo.actions.find((a) => a.status !== 'dropped' && a.owner !== '')!;
    const number = own.municipality.number;
    const { store } = renderDemo(<ReportScreen param={number} />, 'nb');
    const section = await screen.findByRole('region', { name: 'Tiltak vi har blitt enige om' });
    expect(section).toHaveTextContent(own.title);
    expect(section).toHaveTextContent(own.owner);
    // Hidden by the facilitator: gone from the report too.
    store.getState().setFreeTextHidden(actionTextKey(own.id), true);
    await waitFor(() => expect(section).not.toHaveTextContent(own.title));
    expect(section).not.toHaveTextContent(own.owner);
    expect(within(section).getAllByText('Skjult av prosesslederen.').length).toBe(1);
    store.getState().setFreeTextHidden(actionTextKey(own.id), false);
    // Names hidden, seen from another municipality: no action text, but area and status show.
    const viewer = number === '1560' ? '1506' : '1560';
    store.getState().setNetworkView({ anonymised: true, viewer });
    await waitFor(() => expect(section).not.toHaveTextContent(own.title));
    expect(section).not.toHaveTextContent(own.owner);
    expect(
      within(section).getAllByText('Teksten er skjult fordi navnene er skjult.').length,
    ).toBeGreaterThan(0);
    // The municipality itself sees its own.
    store.getState().setNetworkView({ anonymised: true, viewer: number });
    await waitFor(() => expect(section).toHaveTextContent(own.title));
  });
});
