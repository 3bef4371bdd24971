import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answers, miniQuestionnaire as q } from '../testing/fixtures';
import type { AnswerValue, Level } from '../types';
import {
  levelToScore,
  mostImportant,
  scoreAnswers,
  scoreArea,
  strongestAndWeakest,
  type AreaScore,
} from './scoring';

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
  it('picks three each, never the same area twice', () => {
    const areas = [10, 90, 50, 70, 30, null, 60, 20].map((s, i) => area(`x${i}`, s));
    const { strongest, weakest } = strongestAndWeakest(areas);
    expect(strongest.map((a) => a.areaId)).toEqual(['x1', 'x3', 'x6']);
    expect(weakest.map((a) => a.areaId)).toEqual(['x0', 'x7', 'x4']);
  });

  it('with four scored areas shows two each', () => {
    const { strongest, weakest } = strongestAndWeakest(
      [10, 20, 30, 40].map((s, i) => area(`y${i}`, s)),
    );
    expect(strongest.map((a) => a.areaId)).toEqual(['y3', 'y2']);
    expect(weakest.map((a) => a.areaId)).toEqual(['y0', 'y1']);
  });

  it('with one scored area shows none', () => {
    expect(strongestAndWeakest([area('z', 50)])).toEqual({ strongest: [], weakest: [] });
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
