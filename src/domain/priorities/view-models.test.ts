import { describe, expect, it } from 'vitest';
import { networkStats } from '../comparison/network-statistics';
import { makeAggregate, miniQuestionnaire as q } from '../testing/fixtures';
import { municipalityTrends, priorityInputs } from './view-models';

const HARAM = { number: '1580', name: 'Haram' };
const MOLDE = { number: '1506', name: 'Molde' };
const ULSTEIN = { number: '1516', name: 'Ulstein' };

const round1 = [
  makeAggregate(HARAM, 1, [20, 70, null]),
  makeAggregate(MOLDE, 1, [80, null, null]),
  makeAggregate(ULSTEIN, 1, [60, 10, null], {
    importance: [4, 2, null],
    coverage: [1, 0.5, null],
  }),
];
// Molde has no responses at the second gathering.
const round2 = [makeAggregate(HARAM, 2, [40, 50, null]), makeAggregate(ULSTEIN, 2, [70, 30, null])];
const history = {
  questionnaire: q,
  all: [...round1, ...round2],
  gatherings: [
    { period: '2024', round: 1 as const },
    { period: '2024', round: 2 as const },
  ],
};

describe('priorityInputs', () => {
  it("sets each of the municipality's areas against the network median (hand-checked)", () => {
    const stats = networkStats(q, round1); // medians: a 60 (20, 60, 80), b 40 (10, 70), c none
    const ulstein = round1[2]!;
    expect(priorityInputs(ulstein, stats)).toEqual([
      {
        areaId: 'a',
        score: 60,
        importance: 4,
        coverage: 1,
        networkMedian: 60,
        roleMeans: ulstein.areas[0]!.byRole,
      },
      {
        areaId: 'b',
        score: 10,
        importance: 2,
        coverage: 0.5,
        networkMedian: 40,
        roleMeans: ulstein.areas[1]!.byRole,
      },
      {
        areaId: 'c',
        score: null,
        importance: null,
        coverage: null,
        networkMedian: null,
        roleMeans: ulstein.areas[2]!.byRole,
      },
    ]);
  });
});

describe('municipalityTrends', () => {
  it('gives each area its scores against the median of each gathering (hand-checked)', () => {
    const [a, b, c] = municipalityTrends(history, ULSTEIN.number);
    // Round 1 medians: a 60, b 40. Round 2 medians: a (40 + 70) / 2 = 55, b (30 + 50) / 2 = 40.
    expect(
      a!.points.map((p) => [p.gathering.round, p.score, p.networkMedian, p.vsNetwork]),
    ).toEqual([
      [1, 60, 60, 0],
      [2, 70, 55, 15],
    ]);
    expect(a!.latest).toMatchObject({
      gathering: { period: '2024', round: 2 },
      delta: 10,
      direction: 'up',
      previous: { period: '2024', round: 1 },
    });
    expect(b!.points.map((p) => [p.score, p.networkMedian, p.vsNetwork])).toEqual([
      [10, 40, -30],
      [30, 40, -10],
    ]);
    expect(b!.latest).toMatchObject({ delta: 20, direction: 'up' });
    expect(c!.latest).toBeNull();
  });

  it('stops at the round asked for, as the report of an earlier gathering does', () => {
    const [a] = municipalityTrends(history, ULSTEIN.number, { period: '2024', round: 1 });
    expect(a!.points.map((p) => p.gathering.round)).toEqual([1]);
    expect(a!.latest).toMatchObject({
      gathering: { period: '2024', round: 1 },
      score: 60,
      delta: null,
    });
  });

  it('keeps the last gathering with a score as "now" for a municipality that missed one', () => {
    const [a] = municipalityTrends(history, MOLDE.number);
    expect(a!.points.map((p) => [p.gathering.round, p.score, p.networkMedian])).toEqual([
      [1, 80, 60],
      [2, null, 55],
    ]);
    expect(a!.latest).toMatchObject({
      gathering: { period: '2024', round: 1 },
      score: 80,
      vsNetwork: 20,
    });
  });
});
