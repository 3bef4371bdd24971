import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { answers, makeAggregate, miniQuestionnaire as q } from '../testing/fixtures';
import { scoreAnswers } from '../scoring/scoring';
import type { AgreedResponse, AnswerValue } from '../core/types';
import { delegationDistributions, statementDistribution, withAgreedScores } from './consensus';
import {
  agreedAnswers,
  clearAgreedAnswer,
  createAgreedResponse,
  setAgreedAnswer,
} from './agreed-response';
import { AGREED_LIMITS, agreedResponseSchema } from '../core/schemas';

const T1 = '2024-04-10T09:00:00.000Z';
const T2 = '2024-04-10T10:30:00.000Z';
const delegation = (values: Record<string, AnswerValue>[]) =>
  values.map((v) => ({ answers: answers(v) }));

describe('statementDistribution (hand-checked)', () => {
  it('counts levels, dont know and not relevant; the mean is over levels only', () => {
    const responses = delegation([
      { s: 2 },
      { s: 4 },
      { s: 4 },
      { s: 'dontKnow' },
      { s: 'notRelevant' },
      {}, // did not answer s
    ]);
    expect(statementDistribution('s', responses)).toEqual({
      statementId: 's',
      counts: { 1: 0, 2: 1, 3: 0, 4: 2, 5: 0 },
      dontKnow: 1,
      notRelevant: 1,
      n: 5,
      rated: 3,
      mean: 10 / 3, // (2 + 4 + 4) / 3
      min: 2,
      max: 4,
      disagreement: false, // 4 − 2 = 2 steps
    });
  });

  it('flags disagreement when levels span 3 steps or more', () => {
    expect(statementDistribution('s', delegation([{ s: 2 }, { s: 5 }])).disagreement).toBe(true);
    expect(statementDistribution('s', delegation([{ s: 1 }, { s: 4 }])).disagreement).toBe(true);
    expect(statementDistribution('s', delegation([{ s: 1 }, { s: 3 }])).disagreement).toBe(false);
    expect(
      statementDistribution('s', delegation([{ s: 5 }, { s: 'dontKnow' }, { s: 1 }])),
    ).toMatchObject({ min: 1, max: 5, mean: 3, disagreement: true });
  });

  it('has no mean, spread or disagreement without any level', () => {
    expect(statementDistribution('s', delegation([{ s: 'dontKnow' }]))).toMatchObject({
      n: 1,
      rated: 0,
      mean: null,
      min: null,
      max: null,
      disagreement: false,
    });
    expect(statementDistribution('s', []).n).toBe(0);
  });

  it('ignores an answer with only a comment, and inherited keys', () => {
    const withComment = [{ answers: { s: { comment: 'thinking', updatedAt: T1 } } }];
    expect(statementDistribution('s', withComment).n).toBe(0);
    expect(statementDistribution('constructor', delegation([{ s: 3 }])).n).toBe(0);
  });

  it('lists every statement in the order given', () => {
    const result = delegationDistributions(['b', 'a'], delegation([{ a: 1, b: 5 }, { a: 2 }]));
    expect(result.map((d) => [d.statementId, d.n, d.mean])).toEqual([
      ['b', 1, 5],
      ['a', 2, 1.5],
    ]);
  });

  it('property: n is the sum of the counts, and min ≤ mean ≤ max', () => {
    const value = fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 'dontKnow', 'notRelevant');
    fc.assert(
      fc.property(fc.array(value, { maxLength: 20 }), (values) => {
        const d = statementDistribution('s', delegation(values.map((s) => ({ s }))));
        const levels = Object.values(d.counts).reduce((a, b) => a + b, 0);
        expect(d.rated).toBe(levels);
        expect(d.n).toBe(values.length);
        if (d.mean !== null) {
          expect(d.mean).toBeGreaterThanOrEqual(d.min! - 1e-12);
          expect(d.mean).toBeLessThanOrEqual(d.max! + 1e-12);
          expect(d.disagreement).toBe(d.max! - d.min! >= 3);
        }
      }),
    );
  });
});

function agreed(overrides: Partial<AgreedResponse> = {}): AgreedResponse {
  return {
    id: 'agreed-1580-2',
    municipality: { number: '1580', name: 'Haram' },
    round: 2,
    questionnaire: { id: 'mini', version: 1 },
    agreed: {
      'a-1': { level: 4, rationale: 'We meet business every quarter', updatedAt: T1 },
      'a-2': { level: 'dontKnow', rationale: '', updatedAt: T1 },
      'b-1': { level: 2, rationale: '', updatedAt: T2 },
    },
    updatedAt: T2,
    ...overrides,
  };
}

/** Checks unknown data against the schema, with each issue's path as dotted text. */
function parseAgreedResponse(data: unknown) {
  const result = agreedResponseSchema().safeParse(data);
  if (result.success) return { ok: true as const, agreed: result.data };
  return {
    ok: false as const,
    issues: result.error.issues.map((i) => ({ path: i.path.join('.') })),
  };
}

describe('agreedResponseSchema', () => {
  it('accepts a valid agreed response', () => {
    const result = parseAgreedResponse(JSON.parse(JSON.stringify(agreed())));
    expect(result).toEqual({ ok: true, agreed: agreed() });
  });

  it.each<[string, (a: Record<string, unknown>) => unknown, string]>([
    ['an unknown key', (a) => ({ ...a, extra: 1 }), ''],
    [
      'a level of 6',
      (a) => ({ ...a, agreed: { s: { level: 6, rationale: '', updatedAt: T1 } } }),
      'agreed.s.level',
    ],
    ['round 5', (a) => ({ ...a, round: 5 }), 'round'],
    [
      'a bad municipality number',
      (a) => ({ ...a, municipality: { number: '158', name: 'H' } }),
      'municipality.number',
    ],
    ['a date without time', (a) => ({ ...a, updatedAt: '2024-04-10' }), 'updatedAt'],
    [
      'a too long rationale',
      (a) => ({ ...a, agreed: { s: { level: 3, rationale: 'x'.repeat(2001), updatedAt: T1 } } }),
      'agreed.s.rationale',
    ],
    [
      'an unknown key in an agreed answer',
      (a) => ({ ...a, agreed: { s: { level: 3, rationale: '', updatedAt: T1, by: 'me' } } }),
      'agreed.s',
    ],
  ])('rejects %s', (_name, mutate, path) => {
    const input = mutate(JSON.parse(JSON.stringify(agreed())) as Record<string, unknown>);
    const result = parseAgreedResponse(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toContain(path);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the reserved key %s', (key) => {
    const json = `{"${key}": {"level": 3, "rationale": "", "updatedAt": "${T1}"}}`;
    const input = { ...agreed(), agreed: JSON.parse(json) as unknown };
    expect(agreedResponseSchema().safeParse(input).success).toBe(false);
  });

  it('rejects more agreed statements than the limit', () => {
    const many = Object.fromEntries(
      Array.from({ length: AGREED_LIMITS.statements + 1 }, (_, i) => [
        `s-${i}`,
        { level: 3, rationale: '', updatedAt: T1 },
      ]),
    );
    expect(agreedResponseSchema().safeParse({ ...agreed(), agreed: many }).success).toBe(false);
    const enough = Object.fromEntries(Object.entries(many).slice(1));
    expect(agreedResponseSchema().safeParse({ ...agreed(), agreed: enough }).success).toBe(true);
  });
});

describe('editing an agreed response', () => {
  it('creates an empty one, sets, replaces and clears answers immutably', () => {
    const empty = createAgreedResponse({
      id: 'x',
      municipality: { number: '1516', name: 'Ulstein' },
      round: 1,
      questionnaire: { id: 'mini', version: 1 },
      now: T1,
    });
    expect(empty).toEqual({
      id: 'x',
      municipality: { number: '1516', name: 'Ulstein' },
      round: 1,
      questionnaire: { id: 'mini', version: 1 },
      agreed: {},
      updatedAt: T1,
    });
    const one = setAgreedAnswer(empty, 'a-1', 3, '  middle ground  ', T2);
    expect(empty.agreed).toEqual({});
    expect(one.agreed).toEqual({ 'a-1': { level: 3, rationale: 'middle ground', updatedAt: T2 } });
    expect(one.updatedAt).toBe(T2);
    const replaced = setAgreedAnswer(one, 'a-1', 'notRelevant', '', T2);
    expect(replaced.agreed['a-1']!.level).toBe('notRelevant');
    expect(one.agreed['a-1']!.level).toBe(3);
    const cleared = clearAgreedAnswer(replaced, 'a-1', T2);
    expect(cleared.agreed).toEqual({});
    expect(clearAgreedAnswer(cleared, 'a-1', T2)).toBe(cleared);
    expect(parseAgreedResponse(one).ok).toBe(true);
  });
});

describe('agreedAnswers', () => {
  it('gives the answers map that scoring uses', () => {
    expect(agreedAnswers(agreed())).toEqual({
      'a-1': { value: 4, comment: 'We meet business every quarter', updatedAt: T1 },
      'a-2': { value: 'dontKnow', updatedAt: T1 },
      'b-1': { value: 2, updatedAt: T2 },
    });
  });

  it('is scored like a response', () => {
    const score = scoreAnswers(q, 'politician', agreedAnswers(agreed()));
    // area a: one level (4) of three statements; a-2 dont know → score 75, coverage 1/3
    expect(score.areas[0]).toMatchObject({ areaId: 'a', score: 75, coverage: 1 / 3 });
    // area b: one level (2) of two statements → 25, coverage 1/2
    expect(score.areas[1]).toMatchObject({ areaId: 'b', score: 25, coverage: 0.5 });
  });
});

describe('withAgreedScores', () => {
  const haram = { number: '1580', name: 'Haram' };
  const agg = makeAggregate(haram, 1, [20, 70, null], {
    overall: 45,
    disagreement: [true, false, false],
  });
  const agreed: AgreedResponse = {
    id: 'agreed-1580-r1',
    municipality: haram,
    round: 1,
    questionnaire: { id: 'mini', version: 1 },
    agreed: {
      'a-1': { level: 5, rationale: '', updatedAt: T1 },
      'a-4': { level: 3, rationale: 'business only, still counted', updatedAt: T1 },
      'c-1': { level: 'dontKnow', rationale: '', updatedAt: T1 },
    },
    updatedAt: T1,
  };

  it('scores an area from its agreed answers, keeps the others, and averages again (hand-checked)', () => {
    const out = withAgreedScores(q, agg, agreed);
    // a: levels 5 and 3 (every statement of the area, whatever the role): mean 4, score 75.
    // b: nothing agreed, the respondents' 70 stays. c: only "don't know", no score.
    expect(out.areas.map((a) => a.mean)).toEqual([75, 70, null]);
    expect(out.overall).toBe(72.5); // (75 + 70) / 2
    expect(out.areas[0]).toMatchObject({ sd: null, min: null, max: null, disagreement: false });
    expect(out.areas[1]).toBe(agg.areas[1]);
    expect(agg.areas[0]!.mean).toBe(20);
  });
});
