import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GATHERING_ROUNDS, type GatheringRound } from '../core/types';
import {
  FLAT_DELTA,
  areaTrends,
  direction,
  trendChartSeries,
  type GatheringScores,
} from './trends';

const g = (round: GatheringRound) => ({ period: '2024', round });

describe('direction', () => {
  it.each([
    [0, 'flat'],
    [0.99, 'flat'],
    [-0.99, 'flat'],
    [1, 'up'], // exactly one point is a change
    [-1, 'down'],
    [12.5, 'up'],
    [-30, 'down'],
    [2.3 - 1.3, 'up'], // 0.9999999999999998: float noise for one point is still a change
  ])('delta %s → %s', (delta, expected) => {
    expect(FLAT_DELTA).toBe(1);
    expect(direction(delta)).toBe(expected);
  });
});

describe('areaTrends (hand-checked)', () => {
  const own: GatheringScores[] = [
    { gathering: g(1), scores: { strategy: 40, dialogue: 55, services: null } },
    { gathering: g(2), scores: { strategy: 52.5, dialogue: 55.5 } },
    { gathering: g(4), scores: { strategy: 47.5, dialogue: 70, services: 60 } },
  ];
  const network: GatheringScores[] = [
    { gathering: g(1), scores: { strategy: 50, dialogue: 60, services: 58 } },
    { gathering: g(2), scores: { strategy: 52, dialogue: 61, services: 59 } },
    { gathering: g(3), scores: { strategy: 55, dialogue: 62, services: 60 } },
    { gathering: g(4), scores: { strategy: 56, dialogue: 64 } },
  ];
  const [strategy, dialogue, services] = areaTrends(own, network, [
    'strategy',
    'dialogue',
    'services',
  ]);

  it('gives one point per round present in either input, in round order', () => {
    expect(strategy!.points.map((p) => p.gathering.round)).toEqual([1, 2, 3, 4]);
    expect(strategy!.points.map((p) => p.score)).toEqual([40, 52.5, null, 47.5]);
    expect(strategy!.points.map((p) => p.networkMedian)).toEqual([50, 52, 55, 56]);
  });

  it('compares each score with the previous round that has one, skipping a missed gathering', () => {
    expect(strategy!.points).toEqual([
      {
        gathering: g(1),
        score: 40,
        networkMedian: 50,
        vsNetwork: -10,
        previous: null,
        delta: null,
        direction: null,
      },
      // 52.5 − 40 = 12.5
      {
        gathering: g(2),
        score: 52.5,
        networkMedian: 52,
        vsNetwork: 0.5,
        previous: g(1),
        delta: 12.5,
        direction: 'up',
      },
      {
        gathering: g(3),
        score: null,
        networkMedian: 55,
        vsNetwork: null,
        previous: null,
        delta: null,
        direction: null,
      },
      // round 3 missing: 47.5 − 52.5 = −5 since round 2
      {
        gathering: g(4),
        score: 47.5,
        networkMedian: 56,
        vsNetwork: -8.5,
        previous: g(2),
        delta: -5,
        direction: 'down',
      },
    ]);
    expect(strategy!.latest).toEqual(strategy!.points[3]);
  });

  it('calls a change under one point flat', () => {
    // 55.5 − 55 = 0.5
    expect(dialogue!.points[1]).toMatchObject({ delta: 0.5, direction: 'flat', previous: g(1) });
    // 70 − 55.5 = 14.5
    expect(dialogue!.latest).toMatchObject({ gathering: g(4), delta: 14.5, direction: 'up' });
  });

  it('has no change for the first score, and no median where the network has none', () => {
    expect(services!.points.map((p) => p.score)).toEqual([null, null, null, 60]);
    expect(services!.latest).toMatchObject({
      gathering: g(4),
      score: 60,
      networkMedian: null,
      vsNetwork: null,
      previous: null,
      delta: null,
      direction: null,
    });
  });

  it('gives the chart series of the municipality against the network median', () => {
    expect(trendChartSeries(strategy!)).toEqual([
      { gathering: '2024#1', municipality: 40, networkMedian: 50 },
      { gathering: '2024#2', municipality: 52.5, networkMedian: 52 },
      { gathering: '2024#3', municipality: null, networkMedian: 55 },
      { gathering: '2024#4', municipality: 47.5, networkMedian: 56 },
    ]);
  });

  it('reports an area that is nowhere as all nulls, with no latest point', () => {
    const [unknown] = areaTrends(own, network, ['regional']);
    expect(unknown!.points.every((p) => p.score === null && p.networkMedian === null)).toBe(true);
    expect(unknown!.latest).toBeNull();
  });

  it('puts next year’s round 1 after this year’s round 4', () => {
    const [t] = areaTrends(
      [
        { gathering: { period: '2025', round: 1 }, scores: { a: 70 } },
        { gathering: { period: '2024', round: 4 }, scores: { a: 50 } },
        { gathering: { period: '2024', round: 1 }, scores: { a: 40 } },
      ],
      [],
      ['a'],
    );
    expect(t!.points.map((p) => [p.gathering.period, p.gathering.round, p.score])).toEqual([
      ['2024', 1, 40],
      ['2024', 4, 50],
      ['2025', 1, 70],
    ]);
    expect(t!.latest).toMatchObject({ delta: 20, previous: { period: '2024', round: 4 } });
  });

  it('can be asked for fixed rounds, and a later entry for a round wins', () => {
    const [t] = areaTrends(
      [
        { gathering: g(2), scores: { a: 10 } },
        { gathering: g(2), scores: { a: 30 } },
      ],
      [],
      ['a'],
      GATHERING_ROUNDS.map(g),
    );
    expect(t!.points.map((p) => [p.gathering.round, p.score])).toEqual([
      [1, null],
      [2, 30],
      [3, null],
      [4, null],
    ]);
  });

  it('ignores inherited keys and non-finite scores', () => {
    const [c, b, d] = areaTrends(
      [{ gathering: g(1), scores: { b: Number.NaN, d: 20 } }],
      [],
      ['constructor', 'b', 'd'],
    );
    expect(c!.points[0]!.score).toBeNull();
    expect(b!.points[0]!.score).toBeNull();
    expect(d!.points[0]!.score).toBe(20);
  });
});

describe('properties', () => {
  const roundScoresArb = fc
    .subarray([...GATHERING_ROUNDS] as GatheringRound[])
    .chain((rounds) =>
      fc.tuple(
        ...rounds.map((round) =>
          fc
            .option(fc.double({ min: 0, max: 100, noNaN: true }), { nil: null })
            .map((a): GatheringScores => ({ gathering: g(round), scores: { a } })),
        ),
      ),
    );

  it('the deltas of the scored rounds add up to last minus first, whatever the input order', () => {
    fc.assert(
      fc.property(
        roundScoresArb.chain((rounds) =>
          fc.shuffledSubarray(rounds, { minLength: rounds.length, maxLength: rounds.length }),
        ),
        (rounds) => {
          const [t] = areaTrends(rounds, [], ['a']);
          const scored = t!.points.filter((p) => p.score !== null);
          if (scored.length === 0) return;
          const sum = scored.reduce((s, p) => s + (p.delta ?? 0), 0);
          expect(sum).toBeCloseTo(scored.at(-1)!.score! - scored[0]!.score!, 6);
          for (const p of scored) {
            if (p.delta !== null) expect(p.direction).toBe(direction(p.delta));
          }
          expect(t!.points.map((p) => p.gathering.round)).toEqual(
            [...t!.points.map((p) => p.gathering.round)].sort((x, y) => x - y),
          );
        },
      ),
    );
  });
});
