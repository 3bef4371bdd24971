import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answers, miniQuestionnaire as q } from '../testing/fixtures';
import type { AnswerValue, Level } from '../core/types';
import {
  mostImportant,
  scoreAnswers,
  scoreArea,
  strongestAndWeakest,
  type AreaScore,
} from './scoring';
import { levelToScore } from './tally';

describe('levelToScore', () => {
  it.each([
    [1, 0],
    [2, 25],
    [3, 50],
    [4, 75],
    [5, 100],
    [3.5, 62.5],
  ])('mean level %d gives score %d', (level, score) => {
    expect(levelToScore(level)).toBe(score);
  });
});

describe('scoreAnswers (hand-checked)', () => {
  it.each<[string, Record<string, AnswerValue>, number | null, number | null]>([
    // area a has three statements for a politician
    ['all fives', { 'a-1': 5, 'a-2': 5, 'a-3': 5 }, 100, 1],
    ['mean 2: (1+2+3)/3', { 'a-1': 1, 'a-2': 2, 'a-3': 3 }, 25, 1],
    ["don't know is left out of the mean", { 'a-1': 4, 'a-2': 'dontKnow', 'a-3': 5 }, 87.5, 2 / 3],
    ['not relevant leaves coverage denominator', { 'a-1': 2, 'a-2': 'notRelevant' }, 25, 1 / 2],
    ['nothing answered has no score', {}, null, 0],
    ['only dont know has no score', { 'a-1': 'dontKnow' }, null, 0],
    [
      'all not relevant: no coverage',
      { 'a-1': 'notRelevant', 'a-2': 'notRelevant', 'a-3': 'notRelevant' },
      null,
      null,
    ],
  ])('%s', (_name, values, score, coverage) => {
    const result = scoreAnswers(q, 'politician', answers(values));
    const a = result.areas[0]!;
    expect(a.areaId).toBe('a');
    expect(a.score).toBe(score);
    expect(a.coverage).toBe(coverage);
  });

  it('shows a business respondent the business-only statement', () => {
    const business = scoreAnswers(q, 'business', answers({ 'a-4': 1, 'a-1': 5 }));
    expect(business.areas[0]!.total).toBe(4);
    expect(business.areas[0]!.score).toBe(50);
    const politician = scoreAnswers(q, 'politician', answers({ 'a-4': 1, 'a-1': 5 }));
    expect(politician.areas[0]!.total).toBe(3);
    expect(politician.areas[0]!.score).toBe(100);
  });

  it('overall is the mean of the area scores, skipping areas without a score', () => {
    // a: (5+4+3)/3 = 4 -> 75; b: (2+2)/2 = 2 -> 25; c: unanswered
    const result = scoreAnswers(
      q,
      'administration',
      answers({ 'a-1': 5, 'a-2': 4, 'a-3': 3, 'b-1': 2, 'b-2': 2 }),
    );
    expect(result.areas.map((a) => a.score)).toEqual([75, 25, null]);
    expect(result.overall).toBe(50);
    expect(result.coverage).toBe(5 / 6);
    expect(result.answered).toBe(5);
    expect(result.total).toBe(6);
  });

  it('carries importance per area', () => {
    const result = scoreAnswers(q, 'politician', {}, { b: 5 });
    expect(result.areas.map((a) => a.importance)).toEqual([null, 5, null]);
  });
});

const answerArb = fc.oneof(fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 'dontKnow', 'notRelevant'));
const ids = q.statements.map((s) => s.id);
const answerMapArb = fc.dictionary(fc.constantFrom(...ids), answerArb);
const roleArb = fc.constantFrom('politician', 'administration', 'business', 'other' as const);

describe('scoring properties', () => {
  it('scores and coverage stay within bounds', () => {
    fc.assert(
      fc.property(answerMapArb, roleArb, (values, role) => {
        const result = scoreAnswers(q, role, answers(values));
        for (const a of result.areas) {
          if (a.score !== null) {
            expect(a.score).toBeGreaterThanOrEqual(0);
            expect(a.score).toBeLessThanOrEqual(100);
          }
          if (a.coverage !== null) {
            expect(a.coverage).toBeGreaterThanOrEqual(0);
            expect(a.coverage).toBeLessThanOrEqual(1);
          }
          expect(a.rated + a.dontKnow + a.notRelevant + a.unanswered).toBe(a.total);
        }
        if (result.overall !== null) {
          expect(result.overall).toBeGreaterThanOrEqual(0);
          expect(result.overall).toBeLessThanOrEqual(100);
        }
      }),
    );
  });

  it('the order of statements does not change an area score', () => {
    const statements = q.statements.filter((s) => s.area === 'a');
    fc.assert(
      fc.property(answerMapArb, fc.infiniteStream(fc.nat()), (values, seeds) => {
        const shuffled = [...statements]
          .map((s) => ({ s, k: seeds.next().value as number }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.s);
        const a = scoreArea('a', statements, answers(values));
        const b = scoreArea('a', shuffled, answers(values));
        if (a.score === null) expect(b.score).toBeNull();
        else expect(b.score).toBeCloseTo(a.score, 9);
        expect(b.coverage).toBe(a.coverage);
      }),
    );
  });

  it('an area with no level answers has no score rather than 0', () => {
    const noLevel = fc.dictionary(
      fc.constantFrom(...ids),
      fc.constantFrom<AnswerValue>('dontKnow', 'notRelevant'),
    );
    fc.assert(
      fc.property(noLevel, roleArb, (values, role) => {
        const result = scoreAnswers(q, role, answers(values));
        for (const a of result.areas) expect(a.score).toBeNull();
        expect(result.overall).toBeNull();
      }),
    );
  });
});

function area(areaId: string, score: number | null, importance: Level | null = null): AreaScore {
  return {
    areaId,
    score,
    meanLevel: null,
    total: 1,
    rated: score === null ? 0 : 1,
    dontKnow: 0,
    notRelevant: 0,
    unanswered: 0,
    coverage: null,
    importance,
  };
}

describe('strongestAndWeakest', () => {
  /** Areas x0, x1, … with these scores, in questionnaire order. */
  const scoresOf = (scores: readonly (number | null)[]) => scores.map((s, i) => area(`x${i}`, s));
  /** A list as "area:score@rank", with "=" after the rank when the place is shared. */
  const show = (list: readonly { areaId: string; score: number; rank: number; tied: boolean }[]) =>
    list.map((a) => `${a.areaId}:${a.score}@${a.rank}${a.tied ? '=' : ''}`);

  it.each<{
    name: string;
    scores: (number | null)[];
    strongest: string[];
    weakest: string[];
    strongestLeftOut?: { rank: number; score: number; count: number };
    weakestLeftOut?: { rank: number; score: number; count: number };
  }>([
    {
      name: 'no ties: three each, never the same area twice',
      scores: [10, 90, 50, 70, 30, null, 60, 20],
      strongest: ['x1:90@1', 'x3:70@2', 'x6:60@3'],
      weakest: ['x0:10@1', 'x7:20@2', 'x4:30@3'],
    },
    {
      name: 'four scored areas: two each (at most half)',
      scores: [10, 20, 30, 40],
      strongest: ['x3:40@1', 'x2:30@2'],
      weakest: ['x0:10@1', 'x1:20@2'],
    },
    {
      name: 'a tie across the cut is taken whole when the list stays at four',
      scores: [100, 75, 75, 75, 50, 50, 25, 0, 0],
      strongest: ['x0:100@1', 'x1:75@2=', 'x2:75@2=', 'x3:75@2='],
      weakest: ['x7:0@1=', 'x8:0@1=', 'x6:25@3'],
    },
    {
      name: 'a tie too large to take is left out whole, and reported',
      scores: [50, 50, 75, 50, 50, 25, 50, 50, 50],
      strongest: ['x2:75@1'],
      weakest: ['x5:25@1'],
      strongestLeftOut: { rank: 2, score: 50, count: 7 },
      weakestLeftOut: { rank: 2, score: 50, count: 7 },
    },
    {
      name: 'a list is empty when its very first place is shared by too many',
      scores: [75, 75, 75, 75, 75, 25, 25, 25, 25],
      strongest: [],
      weakest: ['x5:25@1=', 'x6:25@1=', 'x7:25@1=', 'x8:25@1='],
      strongestLeftOut: { rank: 1, score: 75, count: 5 },
    },
    {
      name: 'scores are tied as shown, to the whole point: 62.4 and 61.6 are both 62',
      scores: [62.4, 90, 61.6, 10],
      strongest: ['x1:90@1'],
      weakest: ['x3:10@1'],
      strongestLeftOut: { rank: 2, score: 62, count: 2 },
      weakestLeftOut: { rank: 2, score: 62, count: 2 },
    },
    {
      name: 'a tie that ends exactly at three leaves nothing out',
      scores: [90, 80, 80, 40, 30, 20, 20],
      strongest: ['x0:90@1', 'x1:80@2=', 'x2:80@2='],
      weakest: ['x5:20@1=', 'x6:20@1=', 'x4:30@3'],
    },
    {
      name: 'one scored area: too few to compare',
      scores: [null, 50, null],
      strongest: [],
      weakest: [],
    },
  ])('$name', ({ scores, strongest, weakest, strongestLeftOut, weakestLeftOut }) => {
    const result = strongestAndWeakest(scoresOf(scores));
    expect(show(result.strongest)).toEqual(strongest);
    expect(show(result.weakest)).toEqual(weakest);
    expect(result.strongestLeftOut).toEqual(strongestLeftOut ?? null);
    expect(result.weakestLeftOut).toEqual(weakestLeftOut ?? null);
    expect(result.allEqual).toBeNull();
  });

  it('seven areas at 50 (Tingvoll, business) list nothing and say all are equal', () => {
    const result = strongestAndWeakest(scoresOf([50, 50, 50, null, 50, 50, null, 50, 50]));
    expect(result).toEqual({
      strongest: [],
      weakest: [],
      strongestLeftOut: null,
      weakestLeftOut: null,
      allEqual: { score: 50, count: 7 },
    });
  });

  it('counts scores that show the same as equal', () => {
    expect(strongestAndWeakest(scoresOf([49.6, 50, 50.4])).allEqual).toEqual({
      score: 50,
      count: 3,
    });
  });

  const scoreLists = fc.array(
    fc.option(
      fc.oneof(
        // Few distinct values, so that ties are common; and any score at all.
        fc.constantFrom(0, 25, 50, 62.4, 61.6, 75, 100),
        fc.double({ min: 0, max: 100, noNaN: true }),
      ),
      { nil: null },
    ),
    { maxLength: 14 },
  );

  it('never lists an area as both strongest and weakest, and never splits a tie', () => {
    fc.assert(
      fc.property(scoreLists, fc.integer({ min: 1, max: 6 }), (scores, count) => {
        const areas = scoresOf(scores);
        const { strongest, weakest, allEqual } = strongestAndWeakest(areas, count);
        const inStrongest = new Set(strongest.map((a) => a.areaId));
        const inWeakest = new Set(weakest.map((a) => a.areaId));
        expect(strongest.filter((a) => inWeakest.has(a.areaId))).toEqual([]);

        const scored = areas.filter((a) => a.score !== null);
        const shown = (s: number | null) => Math.round(s!);
        // Every strongest area shows a higher score than every weakest one.
        for (const s of strongest) {
          for (const w of weakest) expect(shown(s.score)).toBeGreaterThan(shown(w.score));
        }
        // An area tied with a listed one is in the same list.
        for (const a of scored) {
          for (const [list, set] of [
            [strongest, inStrongest],
            [weakest, inWeakest],
          ] as const) {
            if (list.some((l) => shown(l.score) === shown(a.score))) {
              expect(set.has(a.areaId)).toBe(true);
            }
          }
        }
        // Short: at most count + 1, and at most half of the scored areas.
        for (const list of [strongest, weakest]) {
          expect(list.length).toBeLessThanOrEqual(
            Math.min(count + 1, Math.floor(scored.length / 2)),
          );
        }
        // All equal: said, and nothing listed.
        const distinct = new Set(scored.map((a) => shown(a.score)));
        expect(allEqual !== null).toBe(scored.length >= 2 && distinct.size === 1);
      }),
    );
  });

  it('shares a place exactly among tied areas, and places follow the areas before them', () => {
    fc.assert(
      fc.property(scoreLists, (scores) => {
        const result = strongestAndWeakest(scoresOf(scores));
        for (const [list, better] of [
          [result.strongest, (a: number, b: number) => a > b],
          [result.weakest, (a: number, b: number) => a < b],
        ] as const) {
          for (const a of list) {
            const ahead = list.filter((b) => better(Math.round(b.score), Math.round(a.score)));
            const same = list.filter((b) => Math.round(b.score) === Math.round(a.score));
            expect(a.rank).toBe(ahead.length + 1);
            expect(a.tied).toBe(same.length > 1);
          }
        }
      }),
    );
  });

  it('says why a list is short or empty whenever two or more scores differ', () => {
    fc.assert(
      fc.property(scoreLists, (scores) => {
        const result = strongestAndWeakest(scoresOf(scores));
        const scored = scores.filter((s) => s !== null);
        if (scored.length < 2 || result.allEqual) return;
        const aim = Math.min(3, Math.floor(scored.length / 2));
        expect(result.strongest.length >= aim || result.strongestLeftOut !== null).toBe(true);
        expect(result.weakest.length >= aim || result.weakestLeftOut !== null).toBe(true);
      }),
    );
  });
});

describe('mostImportant', () => {
  it('lists areas rated 4 or 5, highest first', () => {
    const areas = [area('a', 1, 4), area('b', 1, 5), area('c', 1, 3), area('d', 1, 5)];
    expect(mostImportant(areas)).toEqual([
      { areaId: 'b', importance: 5 },
      { areaId: 'd', importance: 5 },
      { areaId: 'a', importance: 4 },
    ]);
  });
});
