import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeResponse, miniQuestionnaire as q } from '../testing/fixtures';
import {
  ROLES,
  type AnswerValue,
  type GatheringRound,
  type Response,
  type Role,
} from '../core/types';
import {
  aggregateResponses,
  type AreaAggregate,
  type MunicipalityAggregate,
} from '../scoring/aggregate';
import {
  RANK_TOLERANCE,
  aggregatesAt,
  areaRanking,
  competitionRanks,
  heatmapRows,
  latestGathering,
  networkOverall,
  networkStats,
  profileSeries,
  gatheringsPresent,
} from './network-statistics';
import { mean, median } from '../core/statistics';

const NAMES: Record<string, string> = {
  '1506': 'Molde',
  '1516': 'Ulstein',
  '1528': 'Sykkylven',
  '1580': 'Haram',
};

/** A hand-made aggregate for the mini questionnaire (areas a, b, c). */
function agg(
  number: string,
  means: [number | null, number | null, number | null],
  overall: number | null,
  round: GatheringRound = 1,
): MunicipalityAggregate {
  const byRole = Object.fromEntries(
    ROLES.map((r) => [r, { mean: null, n: 0 }]),
  ) as AreaAggregate['byRole'];
  return {
    municipality: { number, name: NAMES[number] ?? number },
    period: '2024',
    round,
    respondents: 4,
    respondentsByRole: { politician: 2, administration: 1, business: 1, other: 0 },
    overall,
    areas: (['a', 'b', 'c'] as const).map((areaId, i) => ({
      areaId,
      mean: means[i] ?? null,
      n: means[i] === null ? 0 : 3,
      sd: null,
      min: null,
      max: null,
      disagreement: areaId === 'a' && number === '1580',
      byRole,
      importance: null,
      coverage: null,
    })),
    demo: false,
  };
}

// Round 1: four municipalities.
const round1 = [
  agg('1580', [20, 70, null], 45),
  agg('1506', [80, null, null], 70),
  agg('1528', [60, 40, null], 50),
  agg('1516', [60, 10, null], 35),
];

describe('networkStats (hand-checked)', () => {
  const [a, b, c] = networkStats(q, round1);

  it('area a: 80, 60, 60, 20', () => {
    expect(a).toEqual({
      areaId: 'a',
      n: 4,
      median: 60, // (60 + 60) / 2
      min: 20,
      max: 80,
      mean: 55, // 220 / 4
      ranks: { '1506': 1, '1516': 2, '1528': 2, '1580': 4 }, // "1224"
    });
  });

  it('area b: a municipality without a mean is left out', () => {
    expect(b).toEqual({
      areaId: 'b',
      n: 3,
      median: 40, // the middle of 10, 40, 70
      min: 10,
      max: 70,
      mean: 40,
      ranks: { '1580': 1, '1528': 2, '1516': 3 },
    });
  });

  it('area c: nobody has a mean, so everything is null', () => {
    expect(c).toEqual({
      areaId: 'c',
      n: 0,
      median: null,
      min: null,
      max: null,
      mean: null,
      ranks: {},
    });
  });

  it('overall: 70, 50, 45, 35', () => {
    expect(networkOverall(round1)).toEqual({
      n: 4,
      median: 47.5, // (45 + 50) / 2
      min: 35,
      max: 70,
      mean: 50, // 200 / 4
      ranks: { '1506': 1, '1528': 2, '1580': 3, '1516': 4 },
    });
  });

  it('uses only the latest round when given several', () => {
    const round2 = [agg('1580', [90, null, null], 90, 2), agg('1506', [10, null, null], 10, 2)];
    const mixed = [...round1, ...round2];
    expect(networkStats(q, mixed)).toEqual(networkStats(q, round2));
    expect(networkStats(q, mixed)[0]).toMatchObject({
      n: 2,
      median: 50,
      ranks: { '1580': 1, '1506': 2 },
    });
    expect(networkOverall(mixed)).toEqual(networkOverall(round2));
    expect(networkStats(q, aggregatesAt(mixed, { period: '2024', round: 1 }))).toEqual(
      networkStats(q, round1),
    );
  });

  it('handles no aggregates at all', () => {
    expect(networkStats(q, []).every((s) => s.n === 0 && s.median === null)).toBe(true);
    expect(networkOverall([])).toEqual({
      n: 0,
      median: null,
      min: null,
      max: null,
      mean: null,
      ranks: {},
    });
  });
});

describe('competitionRanks', () => {
  it.each<[string, Record<string, number>, Record<string, number>]>([
    ['distinct', { x: 3, y: 2, z: 1 }, { x: 1, y: 2, z: 3 }],
    ['"1224"', { a: 9, b: 5, c: 5, d: 1 }, { a: 1, b: 2, c: 2, d: 4 }],
    ['all tied', { a: 5, b: 5, c: 5 }, { a: 1, b: 1, c: 1 }],
    ['tie at the top', { a: 5, b: 5, c: 1 }, { a: 1, b: 1, c: 3 }],
    [
      'a difference below the tolerance is a tie',
      { a: 60, b: 60 + RANK_TOLERANCE / 10 },
      { a: 1, b: 1 },
    ],
    ['a real difference is not', { a: 60, b: 60.001 }, { a: 2, b: 1 }],
  ])('%s', (_name, values, expected) => {
    expect(competitionRanks(new Map(Object.entries(values)))).toEqual(expected);
  });
});

describe('gatherings', () => {
  const nextYear = { ...agg('1506', [2, 2, 2], 2, 1), period: '2025' };
  const mixed = [
    agg('1580', [1, 1, 1], 1, 2),
    agg('1506', [1, 1, 1], 1, 1),
    agg('1528', [1, 1, 1], 1, 2),
    nextYear,
  ];

  it('aggregatesAt keeps one gathering: the same round of another period is another', () => {
    expect(
      aggregatesAt(mixed, { period: '2024', round: 2 }).map((a) => a.municipality.number),
    ).toEqual(['1580', '1528']);
    expect(aggregatesAt(mixed, { period: '2024', round: 1 })).toHaveLength(1);
    expect(aggregatesAt(mixed, { period: '2025', round: 1 })).toEqual([nextYear]);
    expect(aggregatesAt(mixed, { period: '2024', round: 3 })).toEqual([]);
  });

  it('gatheringsPresent lists each once, by period then round; latestGathering is the last', () => {
    expect(gatheringsPresent(mixed)).toEqual([
      { period: '2024', round: 1 },
      { period: '2024', round: 2 },
      { period: '2025', round: 1 },
    ]);
    expect(latestGathering(mixed)).toEqual({ period: '2025', round: 1 });
    expect(gatheringsPresent([])).toEqual([]);
    expect(latestGathering([])).toBeNull();
    // The statistics describe the latest gathering: next year's round 1, not this year's 2.
    expect(networkStats(q, mixed)[0]!.n).toBe(1);
  });
});

describe('chart series', () => {
  const stats = networkStats(q, round1);

  it('heatmapRows: municipalities by number, areas in questionnaire order, with n and flags', () => {
    const rows = heatmapRows(q, round1);
    expect(rows.map((r) => r.municipality.number)).toEqual(['1506', '1516', '1528', '1580']);
    expect(rows[3]).toEqual({
      municipality: { number: '1580', name: 'Haram' },
      respondents: 4,
      overall: 45,
      demo: false,
      cells: [
        { areaId: 'a', value: 20, n: 3, disagreement: true },
        { areaId: 'b', value: 70, n: 3, disagreement: false },
        { areaId: 'c', value: null, n: 0, disagreement: false },
      ],
    });
  });

  it('profileSeries: one municipality on the peer band', () => {
    expect(profileSeries('1516', round1, stats)).toEqual([
      { areaId: 'a', value: 60, min: 20, median: 60, max: 80 },
      { areaId: 'b', value: 10, min: 10, median: 40, max: 70 },
      { areaId: 'c', value: null, min: null, median: null, max: null },
    ]);
  });

  it('profileSeries: a municipality not in the data has no values but keeps the band', () => {
    expect(profileSeries('9999', round1, stats).map((p) => [p.value, p.median])).toEqual([
      [null, 60],
      [null, 40],
      [null, null],
    ]);
  });

  it('areaRanking: highest first, ties by number, no mean last', () => {
    expect(
      areaRanking('a', round1).map((r) => [r.municipality.number, r.mean, r.n, r.rank]),
    ).toEqual([
      ['1506', 80, 3, 1],
      ['1516', 60, 3, 2],
      ['1528', 60, 3, 2],
      ['1580', 20, 3, 4],
    ]);
    expect(areaRanking('b', round1).map((r) => [r.municipality.number, r.mean, r.rank])).toEqual([
      ['1580', 70, 1],
      ['1528', 40, 2],
      ['1516', 10, 3],
      ['1506', null, null],
    ]);
  });

  it('areaRanking agrees with networkStats ranks', () => {
    for (const s of stats) {
      for (const row of areaRanking(s.areaId, round1)) {
        expect(row.rank).toBe(s.ranks[row.municipality.number] ?? null);
      }
    }
  });
});

// ------------------------------------------------------------------------------------------
// Properties over real aggregates

const responseArb: fc.Arbitrary<Response> = fc
  .record({
    id: fc.uuid(),
    role: fc.constantFrom<Role>(...ROLES),
    number: fc.constantFrom('1506', '1516', '1528', '1560', '1580'),
    round: fc.constantFrom<GatheringRound>(1, 2),
    answers: fc.dictionary(
      fc.constantFrom(...q.statements.map((s) => s.id)),
      fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 'dontKnow'),
    ),
  })
  .map(({ id, role, number, round, answers }) =>
    makeResponse({
      id,
      role,
      municipality: { number, name: NAMES[number] ?? 'Tingvoll' },
      gathering: { round, date: '2024-02-15' },
      answers,
    }),
  );

function shuffle<T>(list: readonly T[], seeds: fc.Stream<number>): T[] {
  return list
    .map((item) => ({ item, k: seeds.next().value as number }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.item);
}

describe('network properties (fast-check)', () => {
  it('the order of responses and of aggregates never changes any result', () => {
    fc.assert(
      fc.property(
        fc.array(responseArb, { maxLength: 20 }),
        fc.infiniteStream(fc.nat()),
        (responses, seeds) => {
          const aggs = aggregateResponses(q, responses);
          const shuffledAggs = aggregateResponses(q, shuffle(responses, seeds));
          const reordered = shuffle(aggs, seeds);
          for (const other of [shuffledAggs, reordered]) {
            expect(networkStats(q, other)).toEqual(networkStats(q, aggs));
            expect(networkOverall(other)).toEqual(networkOverall(aggs));
            expect(heatmapRows(q, other)).toEqual(heatmapRows(q, aggs));
            expect(areaRanking('a', other)).toEqual(areaRanking('a', aggs));
            expect(profileSeries('1580', other, networkStats(q, other))).toEqual(
              profileSeries('1580', aggs, networkStats(q, aggs)),
            );
          }
        },
      ),
    );
  });

  it('statistics are consistent: min ≤ median ≤ max, mean inside, ranks from 1 to n', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 20 }), (responses) => {
        for (const s of [
          ...networkStats(q, aggregateResponses(q, responses)),
          networkOverall(aggregateResponses(q, responses)),
        ]) {
          const ranks = Object.values(s.ranks);
          expect(ranks).toHaveLength(s.n);
          if (s.n === 0) {
            expect([s.median, s.min, s.max, s.mean]).toEqual([null, null, null, null]);
            continue;
          }
          expect(s.min!).toBeLessThanOrEqual(s.median!);
          expect(s.median!).toBeLessThanOrEqual(s.max!);
          expect(s.mean!).toBeGreaterThanOrEqual(s.min! - 1e-9);
          expect(s.mean!).toBeLessThanOrEqual(s.max! + 1e-9);
          expect(Math.min(...ranks)).toBe(1);
          expect(Math.max(...ranks)).toBeLessThanOrEqual(s.n);
          expect(s.min! >= 0 && s.max! <= 100).toBe(true);
        }
      }),
    );
  });
});

describe('network statistics against straightforward implementations (fast-check)', () => {
  /** 1 + the number of values clearly higher, counted pair by pair. */
  function referenceRanks(values: ReadonlyMap<string, number>): Record<string, number> {
    const all = [...values.values()];
    const out: Record<string, number> = {};
    for (const key of [...values.keys()].sort()) {
      out[key] = 1 + all.filter((o) => o - values.get(key)! > RANK_TOLERANCE).length;
    }
    return out;
  }

  // Values on and around the tolerance: ties, near-ties and clear differences.
  const near = fc
    .tuple(fc.constantFrom(0, 50, 100 / 3, 100), fc.integer({ min: -4, max: 4 }))
    .map(([base, k]) => base + (k * RANK_TOLERANCE) / 2);
  const valueArb = fc.oneof(near, fc.double({ min: 0, max: 100, noNaN: true }));

  it('competitionRanks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^\d{4}$/), valueArb), {
          selector: ([key]) => key,
          maxLength: 60,
        }),
        (entries) => {
          const values = new Map(entries);
          expect(competitionRanks(values)).toEqual(referenceRanks(values));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('competitionRanks with NaN and infinities', () => {
    const values = new Map([
      ['a', NaN],
      ['b', Infinity],
      ['c', 5],
      ['d', -Infinity],
      ['e', Infinity],
    ]);
    expect(competitionRanks(values)).toEqual(referenceRanks(values));
  });

  it('networkStats', () => {
    // As networkStats was first written: each area's mean looked up in each aggregate.
    const reference = (aggs: readonly MunicipalityAggregate[]) => {
      const latest = latestGathering(aggs);
      const current = latest === null ? [] : aggregatesAt(aggs, latest);
      return q.areas.map((area) => {
        const values = new Map<string, number>();
        for (const a of current) {
          const m = a.areas.find((x) => x.areaId === area.id)?.mean;
          if (m !== undefined && m !== null) values.set(a.municipality.number, m);
        }
        const list = [...values.values()];
        return {
          areaId: area.id,
          n: list.length,
          median: median(list),
          min: list.length === 0 ? null : Math.min(...list),
          max: list.length === 0 ? null : Math.max(...list),
          mean: mean(list),
          ranks: referenceRanks(values),
        };
      });
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom('1506', '1516', '1528', '1580', '9999'),
            fc.tuple(
              fc.option(valueArb, { nil: null }),
              fc.option(valueArb, { nil: null }),
              fc.option(valueArb, { nil: null }),
            ),
            fc.constantFrom<GatheringRound>(1, 2),
            fc.boolean(),
          ),
          { maxLength: 12 },
        ),
        (rows) => {
          const aggs = rows.map(([number, means, round, reversed]) => {
            const a = agg(number, means, null, round);
            // Areas in another order than the questionnaire's must not matter.
            return reversed ? { ...a, areas: [...a.areas].reverse() } : a;
          });
          expect(networkStats(q, aggs)).toEqual(reference(aggs));
        },
      ),
      { numRuns: 300 },
    );
  });
});
