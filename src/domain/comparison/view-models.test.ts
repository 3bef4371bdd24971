import { describe, expect, it } from 'vitest';
import { makeAggregate, miniQuestionnaire as q } from '../testing/fixtures';
import { municipalityNamer } from './anonymise';
import { networkStats } from './network-statistics';
import { MEDIAN_ROW_KEY, heatmapView } from './view-models';

const HARAM = { number: '1580', name: 'Haram' };
const MOLDE = { number: '1506', name: 'Molde' };
const ULSTEIN = { number: '1516', name: 'Ulstein' };

// One round, areas a, b, c. Haram's respondents disagree on a.
const current = [
  makeAggregate(HARAM, 1, [20, 70, null], { disagreement: [true, false, false], respondents: 5 }),
  makeAggregate(MOLDE, 1, [80, null, null], { respondents: 2 }),
  makeAggregate(ULSTEIN, 1, [60, 10, null], { respondents: 4 }),
];
const network = { questionnaire: q, current, stats: networkStats(q, current) };

describe('heatmapView', () => {
  it('has a row per municipality by kommunenummer, then the median row (hand-checked)', () => {
    const rows = heatmapView(network, (m) => m.name, 'Median');
    expect(rows.map((r) => [r.key, r.label, r.respondents])).toEqual([
      ['1506', 'Molde', 2],
      ['1516', 'Ulstein', 4],
      ['1580', 'Haram', 5],
      [MEDIAN_ROW_KEY, 'Median', null],
    ]);
    expect(rows.map((r) => r.cells.map((c) => c.value))).toEqual([
      [80, null, null],
      [60, 10, null],
      [20, 70, null],
      // a: 20, 60, 80 → 60; b: 10, 70 → (10 + 70) / 2 = 40; c: nobody
      [60, 40, null],
    ]);
  });

  it('flags disagreement where the aggregate does, never on the median row', () => {
    const rows = heatmapView(network, (m) => m.name, 'Median');
    expect(rows.map((r) => r.cells.map((c) => c.flagged))).toEqual([
      [false, false, false],
      [false, false, false],
      [true, false, false],
      [false, false, false],
    ]);
    expect(rows.at(-1)!.municipality).toBeNull();
    expect(rows[2]!.municipality).toEqual(HARAM);
  });

  it('names municipalities with the function given, so hidden names show as letters', () => {
    const name = municipalityNamer(
      new Map([
        ['1506', 'A'],
        ['1580', 'B'],
      ]),
      (letter) => `Kommune ${letter}`,
    );
    expect(heatmapView(network, name, 'Median').map((r) => r.label)).toEqual([
      'Kommune A',
      'Ulstein',
      'Kommune B',
      'Median',
    ]);
  });

  it('is only the median row when no municipality has data', () => {
    const empty = { questionnaire: q, current: [], stats: networkStats(q, []) };
    expect(heatmapView(empty, (m) => m.name, 'Median')).toEqual([
      {
        key: MEDIAN_ROW_KEY,
        label: 'Median',
        municipality: null,
        respondents: null,
        cells: [
          { key: 'a', value: null, flagged: false },
          { key: 'b', value: null, flagged: false },
          { key: 'c', value: null, flagged: false },
        ],
      },
    ]);
  });
});
