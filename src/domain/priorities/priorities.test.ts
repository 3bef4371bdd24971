import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROLES } from '../core/types';
import {
  DEFAULT_PRIORITY_OPTIONS,
  improvementAreas,
  priorityParts,
  quadrant,
  quadrantPoints,
  rankImprovementAreas,
  reasonsFor,
  type PriorityInput,
  type Quadrant,
} from './priorities';
import type { RoleMean } from './role-gaps';
import { levelToScore } from '../scoring/tally';

function area(overrides: Partial<PriorityInput> & { areaId?: string } = {}): PriorityInput {
  return {
    areaId: 'a',
    score: 70,
    importance: 3,
    coverage: 1,
    networkMedian: 70,
    roleMeans: {},
    ...overrides,
  };
}

describe('defaults', () => {
  it('are the thresholds documented in docs/priorities.md', () => {
    expect(DEFAULT_PRIORITY_OPTIONS).toEqual({
      importanceSplit: 3.5,
      scoreSplit: 50,
      belowNetworkPoints: 10,
      roleGapPoints: 20,
      minRoleN: 2,
      lowCoverage: 0.6,
    });
  });
});

describe('quadrant', () => {
  it.each<[number | null, number | null, Quadrant | null]>([
    [4.6, 38, 'concentrateHere'],
    [3.5, 49.9, 'concentrateHere'], // 3.5 is high importance (at the split)
    [3.5, 50, 'keepUpGoodWork'], // 50 is a high score (at the split)
    [5, 100, 'keepUpGoodWork'],
    [3.49, 49.9, 'lowPriority'],
    [1, 0, 'lowPriority'],
    [3.4, 50, 'possibleOverkill'],
    [null, 50, null],
    [4, null, null],
    [Number.NaN, 50, null],
  ])('importance %s, score %s → %s', (importance, score, expected) => {
    expect(quadrant(importance, score)).toBe(expected);
  });

  it('treats a score computed from mean level 3 as exactly at the split', () => {
    expect(levelToScore(3)).toBe(50);
    expect(quadrant(4, levelToScore(3))).toBe('keepUpGoodWork');
    // 49.999999999999986 is float noise for 50, not a low score
    expect(quadrant(4, 50 - 1.4e-14)).toBe('keepUpGoodWork');
  });

  it('honours custom splits', () => {
    expect(quadrant(3.2, 55, { importanceSplit: 3, scoreSplit: 60 })).toBe('concentrateHere');
  });
});

describe('reasonsFor and priorityParts (hand-checked)', () => {
  it('the issue example: important (4.6) but low (38), and 21 points below the median (59)', () => {
    const input = area({ importance: 4.6, score: 38, networkMedian: 59, coverage: 1 });
    expect(reasonsFor(input)).toEqual([
      { code: 'importantButLow', importance: 4.6, score: 38 },
      { code: 'belowNetwork', points: 21, median: 59, score: 38 },
    ]);
    const parts = priorityParts(input);
    // 4.6 / 5 × (100 − 38) = 0.92 × 62 = 57.04; 59 − 38 = 21; no role gap; full coverage
    expect(parts.importanceGap).toBeCloseTo(57.04, 9);
    expect(parts.belowNetwork).toBe(21);
    expect(parts.roleGap).toBe(0);
    expect(parts.coverage).toBe(0);
  });

  it('all four reasons at once, in fixed order', () => {
    const input = area({
      importance: 4.6,
      score: 38,
      networkMedian: 59,
      coverage: 0.45,
      roleMeans: {
        politician: { mean: 60, n: 3 },
        administration: { mean: 50, n: 2 },
        business: { mean: 33, n: 2 },
      },
    });
    expect(reasonsFor(input)).toEqual([
      { code: 'importantButLow', importance: 4.6, score: 38 },
      { code: 'belowNetwork', points: 21, median: 59, score: 38 },
      { code: 'roleGap', high: 'politician', low: 'business', points: 27 }, // 60 − 33
      { code: 'lowCoverage', coverage: 0.45 },
    ]);
    const [ranked] = rankImprovementAreas([input], ['a']);
    // 57.04 + 21 + 27 / 2 + (1 − 0.45) × 50 = 57.04 + 21 + 13.5 + 27.5 = 119.04
    expect(ranked!.parts.roleGap).toBe(13.5);
    expect(ranked!.parts.coverage).toBeCloseTo(27.5, 9);
    expect(ranked!.priority).toBeCloseTo(119.04, 9);
    expect(ranked!.quadrant).toBe('concentrateHere');
    expect(ranked!.flagged).toBe(true);
  });

  it('belowNetwork starts at exactly 10 points below the median', () => {
    expect(reasonsFor(area({ score: 49, networkMedian: 59 }))).toEqual([
      { code: 'belowNetwork', points: 10, median: 59, score: 49 },
    ]);
    expect(reasonsFor(area({ score: 49.5, networkMedian: 59 }))).toEqual([]); // 9.5 below
    // float noise: 59 − 49.00000000000001 is 9.99999999999999, still 10 points
    expect(reasonsFor(area({ score: 49 + 1e-14, networkMedian: 59 }))).toHaveLength(1);
    expect(reasonsFor(area({ score: 49, networkMedian: null }))).toEqual([]);
  });

  it('roleGap counts only roles with at least 2 respondents', () => {
    const roleMeans = {
      politician: { mean: 90, n: 1 }, // hidden: one person
      administration: { mean: 60, n: 2 },
      business: { mean: 45, n: 2 },
    };
    // shown gap 60 − 45 = 15 < 20: not flagged (it would be 90 − 45 = 45 with the politician)
    expect(reasonsFor(area({ roleMeans }))).toEqual([]);
    expect(priorityParts(area({ roleMeans })).roleGap).toBe(7.5);
    // exactly 20 points is flagged
    const wide = { administration: { mean: 65, n: 2 }, business: { mean: 45, n: 4 } };
    expect(reasonsFor(area({ roleMeans: wide }))).toEqual([
      { code: 'roleGap', high: 'administration', low: 'business', points: 20 },
    ]);
  });

  it('an area without a score is still flagged for low coverage', () => {
    const input = area({ score: null, importance: 4.2, coverage: 0.3, networkMedian: 55 });
    expect(reasonsFor(input)).toEqual([{ code: 'lowCoverage', coverage: 0.3 }]);
    // no score: no importance gap and no distance to the median; (1 − 0.3) × 50 = 35
    expect(priorityParts(input)).toEqual({
      importanceGap: 0,
      belowNetwork: 0,
      roleGap: 0,
      coverage: 35,
    });
    expect(rankImprovementAreas([input], ['a'])[0]!.quadrant).toBeNull();
  });

  it('coverage of exactly 0.6 is not low; null coverage gives no reason and no points', () => {
    expect(reasonsFor(area({ coverage: 0.6 }))).toEqual([]);
    expect(reasonsFor(area({ coverage: 0.59 }))).toEqual([{ code: 'lowCoverage', coverage: 0.59 }]);
    expect(reasonsFor(area({ coverage: null }))).toEqual([]);
    expect(priorityParts(area({ coverage: null })).coverage).toBe(0);
  });

  it('a well-scored important area has points but no reasons', () => {
    const input = area({ importance: 4, score: 70, networkMedian: 65, coverage: 1 });
    expect(reasonsFor(input)).toEqual([]);
    // 4 / 5 × 30 = 24, at or above the median: 0
    expect(priorityParts(input).importanceGap).toBeCloseTo(24, 9);
    expect(priorityParts(input).belowNetwork).toBe(0);
  });

  it('missing importance counts as the neutral 3 in the points, but never flags', () => {
    const input = area({ importance: null, score: 40, networkMedian: 45 });
    expect(reasonsFor(input)).toEqual([]);
    // 3 / 5 × 60 = 36; 45 − 40 = 5
    expect(priorityParts(input).importanceGap).toBeCloseTo(36, 9);
    expect(priorityParts(input).belowNetwork).toBe(5);
  });

  it('honours custom thresholds', () => {
    const input = area({ score: 60, networkMedian: 66 });
    expect(reasonsFor(input)).toEqual([]);
    expect(reasonsFor(input, { belowNetworkPoints: 5 })).toEqual([
      { code: 'belowNetwork', points: 6, median: 66, score: 60 },
    ]);
  });
});

describe('rankImprovementAreas (hand-checked)', () => {
  it('puts flagged areas before unflagged ones, even with fewer points', () => {
    // unflagged: 3.4 / 5 × 70 = 47.6, + 35 − 30 = 5 → 52.6 (lowPriority, only 5 below median)
    const quiet = area({ areaId: 'quiet', importance: 3.4, score: 30, networkMedian: 35 });
    // flagged for a role gap: 5 / 5 × 15 = 15, + 20 / 2 = 10 → 25
    const split = area({
      areaId: 'split',
      importance: 5,
      score: 85,
      networkMedian: 80,
      roleMeans: { politician: { mean: 95, n: 2 }, business: { mean: 75, n: 3 } },
    });
    const ranked = rankImprovementAreas([quiet, split], ['quiet', 'split']);
    expect(ranked.map((a) => [a.areaId, a.rank, a.flagged])).toEqual([
      ['split', 1, true],
      ['quiet', 2, false],
    ]);
    expect(ranked[0]!.priority).toBeCloseTo(25, 9);
    expect(ranked[1]!.priority).toBeCloseTo(52.6, 9);
    expect(improvementAreas([quiet, split], ['quiet', 'split']).map((a) => a.areaId)).toEqual([
      'split',
    ]);
  });

  it('breaks ties by questionnaire order, not input order', () => {
    const a = area({ areaId: 'a' });
    const b = area({ areaId: 'b' });
    expect(rankImprovementAreas([a, b], ['b', 'a']).map((x) => x.areaId)).toEqual(['b', 'a']);
    expect(rankImprovementAreas([b, a], ['a', 'b']).map((x) => x.areaId)).toEqual(['a', 'b']);
    // areas missing from the order come last, by id
    const z = area({ areaId: 'z' });
    expect(rankImprovementAreas([z, b, a], ['b']).map((x) => x.areaId)).toEqual(['b', 'a', 'z']);
  });

  it('the worked example in docs/priorities.md', () => {
    const roles = (p: number, a: number, b?: RoleMean) => ({
      politician: { mean: p, n: 3 },
      administration: { mean: a, n: 3 },
      ...(b ? { business: b } : {}),
    });
    const input: PriorityInput[] = [
      {
        areaId: 'strategy',
        importance: 4.6,
        score: 38,
        coverage: 0.9,
        networkMedian: 59,
        roleMeans: roles(45, 35, { mean: 20, n: 1 }),
      },
      {
        areaId: 'dialogue',
        importance: 4.2,
        score: 62,
        coverage: 0.95,
        networkMedian: 60,
        roleMeans: roles(75, 65, { mean: 48, n: 2 }),
      },
      {
        areaId: 'business-base',
        importance: 3.8,
        score: null,
        coverage: 0.45,
        networkMedian: 55,
        roleMeans: {},
      },
      {
        areaId: 'community',
        importance: 4,
        score: 72,
        coverage: 0.9,
        networkMedian: 64,
        roleMeans: roles(75, 70),
      },
      {
        areaId: 'services',
        importance: 3,
        score: 44,
        coverage: 1,
        networkMedian: 50,
        roleMeans: roles(50, 40),
      },
    ];
    const order = ['strategy', 'dialogue', 'business-base', 'community', 'services'];
    const ranked = rankImprovementAreas(input, order);
    // strategy:      0.92 × 62 = 57.04 + 21 + (45 − 35) / 2 = 5 + 0.1 × 50 = 5 → 88.04
    // dialogue:      0.84 × 38 = 31.92 + 0 + (75 − 48) / 2 = 13.5 + 0.05 × 50 = 2.5 → 47.92
    // business-base: no score → 0 + 0 + 0 + 0.55 × 50 = 27.5 → 27.5
    // services:      0.6 × 56 = 33.6 + 6 + 5 + 0 → 44.6 (no reason: 6 < 10 below, lowPriority)
    // community:     0.8 × 28 = 22.4 + 0 + 2.5 + 5 → 29.9 (no reason: keepUpGoodWork)
    expect(
      ranked.map((a) => [a.rank, a.areaId, Math.round(a.priority * 100) / 100, a.quadrant]),
    ).toEqual([
      [1, 'strategy', 88.04, 'concentrateHere'],
      [2, 'dialogue', 47.92, 'keepUpGoodWork'],
      [3, 'business-base', 27.5, null],
      [4, 'services', 44.6, 'lowPriority'],
      [5, 'community', 29.9, 'keepUpGoodWork'],
    ]);
    expect(ranked.map((a) => a.reasons)).toEqual([
      [
        { code: 'importantButLow', importance: 4.6, score: 38 },
        { code: 'belowNetwork', points: 21, median: 59, score: 38 },
      ],
      [{ code: 'roleGap', high: 'politician', low: 'business', points: 27 }],
      [{ code: 'lowCoverage', coverage: 0.45 }],
      [],
      [],
    ]);
  });
});

describe('quadrantPoints', () => {
  it('places areas with importance and score, and lists the rest as unplaced', () => {
    expect(
      quadrantPoints([
        { areaId: 'a', importance: 4.6, score: 38 },
        { areaId: 'b', importance: null, score: 60 },
        { areaId: 'c', importance: 2, score: 80 },
      ]),
    ).toEqual({
      points: [
        { areaId: 'a', importance: 4.6, score: 38, quadrant: 'concentrateHere' },
        { areaId: 'c', importance: 2, score: 80, quadrant: 'possibleOverkill' },
      ],
      unplaced: ['b'],
    });
  });
});

// ---- properties ----

const IDS = ['strategy', 'anchoring', 'dialogue', 'business-base', 'community', 'services'];
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const double = (min: number, max: number) => fc.double({ min, max, noNaN: true });
const roleMeanArb: fc.Arbitrary<RoleMean> = fc.record({
  mean: optional(double(0, 100)),
  n: fc.integer({ min: 0, max: 6 }),
});
const roleMeansArb = fc.record(
  Object.fromEntries(ROLES.map((r) => [r, roleMeanArb])) as Record<
    (typeof ROLES)[number],
    fc.Arbitrary<RoleMean>
  >,
  { requiredKeys: [] },
);
const fieldsArb = fc.record({
  score: optional(double(0, 100)),
  importance: optional(double(1, 5)),
  coverage: optional(double(0, 1)),
  networkMedian: optional(double(0, 100)),
  roleMeans: roleMeansArb,
});
const areasArb: fc.Arbitrary<PriorityInput[]> = fc
  .shuffledSubarray(IDS, { minLength: 1 })
  .chain((ids) =>
    fc
      .array(fieldsArb, { minLength: ids.length, maxLength: ids.length })
      .map((fields) => ids.map((areaId, i) => ({ areaId, ...fields[i]! }))),
  );

function find(ranked: ReturnType<typeof rankImprovementAreas>, areaId: string) {
  return ranked.find((a) => a.areaId === areaId)!;
}

describe('properties', () => {
  it('the ranking does not depend on input order', () => {
    fc.assert(
      fc.property(
        areasArb.chain((areas) =>
          fc.tuple(
            fc.constant(areas),
            fc.shuffledSubarray(areas, { minLength: areas.length, maxLength: areas.length }),
          ),
        ),
        ([areas, shuffled]) => {
          expect(rankImprovementAreas(shuffled, IDS)).toEqual(rankImprovementAreas(areas, IDS));
        },
      ),
    );
  });

  it('raising a score never raises its priority or its rank', () => {
    fc.assert(
      fc.property(areasArb, fc.nat(), double(0, 100), double(0, 100), (areas, pick, s1, s2) => {
        const index = pick % areas.length;
        const [low, high] = s1 <= s2 ? [s1, s2] : [s2, s1];
        const id = areas[index]!.areaId;
        const before = areas.map((a, i) => (i === index ? { ...a, score: low } : a));
        const after = areas.map((a, i) => (i === index ? { ...a, score: high } : a));
        const b = find(rankImprovementAreas(before, IDS), id);
        const a = find(rankImprovementAreas(after, IDS), id);
        expect(a.priority).toBeLessThanOrEqual(b.priority);
        expect(a.rank).toBeGreaterThanOrEqual(b.rank);
        if (!b.flagged) expect(a.flagged).toBe(false);
      }),
    );
  });

  it('raising importance never lowers the priority or the rank', () => {
    fc.assert(
      fc.property(areasArb, fc.nat(), double(1, 5), double(1, 5), (areas, pick, i1, i2) => {
        const index = pick % areas.length;
        const [low, high] = i1 <= i2 ? [i1, i2] : [i2, i1];
        const id = areas[index]!.areaId;
        const before = areas.map((a, i) => (i === index ? { ...a, importance: low } : a));
        const after = areas.map((a, i) => (i === index ? { ...a, importance: high } : a));
        const b = find(rankImprovementAreas(before, IDS), id);
        const a = find(rankImprovementAreas(after, IDS), id);
        expect(a.priority).toBeGreaterThanOrEqual(b.priority);
        expect(a.rank).toBeLessThanOrEqual(b.rank);
        if (b.flagged) expect(a.flagged).toBe(true);
      }),
    );
  });

  it('flagged areas come first, ranks run 1..n, and priority is the sum of non-negative parts', () => {
    fc.assert(
      fc.property(areasArb, (areas) => {
        const ranked = rankImprovementAreas(areas, IDS);
        expect(ranked.map((a) => a.rank)).toEqual(areas.map((_, i) => i + 1));
        const firstUnflagged = ranked.findIndex((a) => !a.flagged);
        if (firstUnflagged >= 0)
          expect(ranked.slice(firstUnflagged).every((a) => !a.flagged)).toBe(true);
        for (const a of ranked) {
          expect(a.flagged).toBe(a.reasons.length > 0);
          const { importanceGap, belowNetwork, roleGap, coverage } = a.parts;
          for (const part of [importanceGap, belowNetwork, roleGap, coverage]) {
            expect(part).toBeGreaterThanOrEqual(0);
          }
          expect(a.priority).toBe(importanceGap + belowNetwork + roleGap + coverage);
        }
      }),
    );
  });

  it('the mean of a role with fewer than 2 respondents never changes the result', () => {
    fc.assert(
      fc.property(
        areasArb,
        fc.constantFrom(...ROLES),
        optional(double(0, 100)),
        optional(double(0, 100)),
        (areas, role, m1, m2) => {
          const withMean = (mean: number | null) =>
            areas.map((a) => ({ ...a, roleMeans: { ...a.roleMeans, [role]: { mean, n: 1 } } }));
          expect(rankImprovementAreas(withMean(m1), IDS)).toEqual(
            rankImprovementAreas(withMean(m2), IDS),
          );
        },
      ),
    );
  });
});
