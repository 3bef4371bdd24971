import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeResponse, miniQuestionnaire as q } from '../testing/fixtures';
import { importResultsFile } from '../files/import';
import { createResultsFile, serializeResultsFile } from '../files/results-file';
import {
  ROLES,
  type AnswerValue,
  type GatheringRound,
  type Level,
  type Response,
  type Role,
} from '../core/types';
import type { Questionnaire } from '../questionnaire/schema';
import { scoreArea, scoreResponse } from './scoring';
import { statementsForRole } from '../questionnaire/model';
import {
  DISAGREEMENT_MIN_N,
  DISAGREEMENT_SD,
  aggregateResponses,
  createAggregator,
  type AreaAggregate,
  type MunicipalityAggregate,
  type RoleMean,
} from './aggregate';
import { findNetworkMunicipality } from '../core/municipalities';
import { periodOf } from '../core/gatherings';
import { compareEdits, mergeById } from '../core/records';
import { mean, sampleSummary } from '../core/statistics';
import { fnv1a } from '../core/hash';
import {
  countedResponses,
  gatheringKey,
  responsesFor,
  setAsideResponses,
  summariseSetAside,
  uniqueResponses,
} from './counted';

const HARAM = { number: '1580', name: 'Haram' };
const ULSTEIN = { number: '1516', name: 'Ulstein' };

function respondent(
  id: string,
  role: Role,
  answers: Record<string, AnswerValue>,
  extra: Partial<Omit<Response, 'answers'>> & { importance?: Record<string, Level> } = {},
): Response {
  return makeResponse({ id, role, answers, respondent: { id: `p-${id}`, role }, ...extra });
}

// Haram, round 1: three respondents (mini questionnaire: a has a-1..a-3, plus a-4 for business;
// b has b-1, b-2; c has c-1).
const haram1 = [
  // a: 5,5,5 → 100; b: 1,1 → 0; c: don't know → no score
  respondent(
    'h1',
    'politician',
    { 'a-1': 5, 'a-2': 5, 'a-3': 5, 'b-1': 1, 'b-2': 1, 'c-1': 'dontKnow' },
    { importance: { a: 5, b: 3 } },
  ),
  // a: 3,3,3 → 50; b: 3 and not relevant → 50 (coverage 1/1); c: 4 → 75
  respondent(
    'h2',
    'administration',
    { 'a-1': 3, 'a-2': 3, 'a-3': 3, 'b-1': 3, 'b-2': 'notRelevant', 'c-1': 4 },
    { importance: { a: 4 } },
  ),
  // a: 1,1,1,1 (a-4 is for business) → 0; b: nothing → no score (coverage 0); c: 2 → 25
  respondent('h3', 'business', { 'a-1': 1, 'a-2': 1, 'a-3': 1, 'a-4': 1, 'c-1': 2 }),
];

describe('aggregateResponses (hand-checked)', () => {
  const [agg] = aggregateResponses(q, haram1);

  it('gives one aggregate with respondents per role', () => {
    expect(aggregateResponses(q, haram1)).toHaveLength(1);
    expect(agg!.municipality).toEqual(HARAM);
    expect(agg!.round).toBe(1);
    expect(agg!.respondents).toBe(3);
    expect(agg!.respondentsByRole).toEqual({
      politician: 1,
      administration: 1,
      business: 1,
      other: 0,
    });
    expect(agg!.demo).toBe(false);
  });

  it('area a: scores 100, 50, 0', () => {
    const a = agg!.areas[0]!;
    expect(a.areaId).toBe('a');
    expect(a.mean).toBe(50); // (100 + 50 + 0) / 3
    expect(a.n).toBe(3);
    // deviations 50, 0, −50 → (2500 + 0 + 2500) / (3 − 1) = 2500 → 50
    expect(a.sd).toBe(50);
    expect([a.min, a.max]).toEqual([0, 100]);
    expect(a.disagreement).toBe(true); // 50 ≥ 25 with n = 3
    expect(a.byRole).toEqual({
      politician: { mean: 100, n: 1 },
      administration: { mean: 50, n: 1 },
      business: { mean: 0, n: 1 },
      other: { mean: null, n: 0 },
    });
    expect(a.importance).toBe(4.5); // (5 + 4) / 2; the business respondent did not rate it
    expect(a.coverage).toBe(1); // everyone rated every statement they were asked
  });

  it('area b: a respondent without a score is left out, not counted as 0', () => {
    const b = agg!.areas[1]!;
    expect(b.mean).toBe(25); // (0 + 50) / 2
    expect(b.n).toBe(2);
    // deviations ±25 → (625 + 625) / 1 = 1250 → √1250
    expect(b.sd).toBeCloseTo(Math.sqrt(1250), 12);
    expect(b.disagreement).toBe(false); // sd 35.4 but only n = 2
    expect([b.min, b.max]).toEqual([0, 50]);
    expect(b.importance).toBe(3);
    // coverage 1 (h1), 1 (h2: not relevant leaves the denominator), 0 (h3) → 2/3
    expect(b.coverage).toBeCloseTo(2 / 3, 12);
    expect(b.byRole.business).toEqual({ mean: null, n: 0 });
  });

  it("area c: don't know is no score, and nobody rated importance", () => {
    const c = agg!.areas[2]!;
    expect(c.mean).toBe(50); // (75 + 25) / 2
    expect(c.n).toBe(2);
    expect([c.min, c.max]).toEqual([25, 75]);
    expect(c.importance).toBeNull();
    expect(c.coverage).toBeCloseTo(2 / 3, 12); // 0, 1, 1
  });

  it('overall is the mean of the area means', () => {
    expect(agg!.overall).toBeCloseTo((50 + 25 + 50) / 3, 12);
  });
});

describe('grouping, sorting and filtering', () => {
  const haram2 = respondent(
    'h4',
    'politician',
    { 'a-1': 4 },
    { gathering: { round: 2, date: '2024-05-03' } },
  );
  const ulstein = respondent('u1', 'other', { 'c-1': 3 }, { municipality: ULSTEIN });

  it('sorts by municipality number, then round', () => {
    const result = aggregateResponses(q, [haram2, ...haram1, ulstein]);
    expect(result.map((a) => [a.municipality.number, a.round, a.respondents])).toEqual([
      ['1516', 1, 1],
      ['1580', 1, 3],
      ['1580', 2, 1],
    ]);
    expect(result[2]!.areas[0]!.mean).toBe(75); // level 4
    expect(result[2]!.overall).toBe(75); // the only area with a score
  });

  it('leaves out other questionnaires and other versions of this one', () => {
    const other = respondent(
      'x1',
      'politician',
      { 'a-1': 1 },
      { questionnaire: { id: 'other', version: 1 } },
    );
    const v2 = respondent(
      'x2',
      'politician',
      { 'a-1': 1 },
      { questionnaire: { id: 'mini', version: 2 } },
    );
    expect(aggregateResponses(q, [other, v2])).toEqual([]);
    expect(aggregateResponses(q, [...haram1, other, v2])).toEqual(aggregateResponses(q, haram1));
  });

  it('counts a response id once, the newer edit winning', () => {
    const old = respondent(
      'd1',
      'politician',
      { 'a-1': 1 },
      { updatedAt: '2024-02-15T10:00:00.000Z' },
    );
    const newer = respondent(
      'd1',
      'politician',
      { 'a-1': 5 },
      { updatedAt: '2024-02-15T11:00:00.000Z' },
    );
    for (const list of [
      [old, newer],
      [newer, old],
    ]) {
      const [agg] = aggregateResponses(q, list);
      expect(agg!.respondents).toBe(1);
      expect(agg!.areas[0]!.mean).toBe(100);
    }
    expect(uniqueResponses([old, newer, old])).toEqual([newer]);
  });

  it('tells apart two ids that share a hash, each keeping its newer edit', () => {
    // uniqueResponses finds copies by FNV-1a hash first; these two ids share one.
    expect(fnv1a('r-1unw')).toBe(fnv1a('r-ywba'));
    const at = (hour: number) => ({ updatedAt: `2024-02-15T${hour}:00:00.000Z` });
    const a = respondent('r-1unw', 'politician', { 'a-1': 1 }, at(10));
    const b = respondent('r-ywba', 'politician', { 'a-1': 2 }, at(10));
    const newerA = respondent('r-1unw', 'politician', { 'a-1': 5 }, at(11));
    const newerB = respondent('r-ywba', 'politician', { 'a-1': 4 }, at(12));
    expect(uniqueResponses([a, b, newerA])).toEqual([newerA, b]);
    expect(uniqueResponses([newerB, a, b, newerA, a])).toEqual([newerB, newerA]);
  });

  it("uses the network's spelling of a member's name, and the most common name otherwise", () => {
    const lower = respondent(
      'n1',
      'politician',
      {},
      { municipality: { number: '1580', name: 'haram kommune' } },
    );
    expect(aggregateResponses(q, [lower])[0]!.municipality.name).toBe('Haram');
    const outside = ['Bø', 'Bo', 'Bo'].map((name, i) =>
      respondent(`o${i}`, 'politician', {}, { municipality: { number: '9999', name } }),
    );
    expect(aggregateResponses(q, outside)[0]!.municipality.name).toBe('Bo');
    // a tie goes to the first name in sort order
    expect(aggregateResponses(q, outside.slice(0, 2))[0]!.municipality.name).toBe('Bo');
  });

  it('is demo only when every response is', () => {
    const demo = haram1.map((r) => ({ ...r, demo: true }));
    expect(aggregateResponses(q, demo)[0]!.demo).toBe(true);
    expect(aggregateResponses(q, [...demo.slice(1), haram1[0]!])[0]!.demo).toBe(false);
  });

  it('an area nobody scored has nulls and n = 0', () => {
    const [agg] = aggregateResponses(q, [respondent('e1', 'politician', {})]);
    expect(agg!.areas[0]).toMatchObject({
      mean: null,
      n: 0,
      sd: null,
      min: null,
      max: null,
      disagreement: false,
    });
    expect(agg!.overall).toBeNull();
  });
});

describe('disagreement threshold', () => {
  // c has one statement: level 2, 3, 4 → 25, 50, 75; sd = √((625 + 0 + 625) / 2) = 25 exactly
  const at = (levels: Level[]) =>
    aggregateResponses(
      q,
      levels.map((l, i) => respondent(`t${i}`, 'politician', { 'c-1': l })),
    )[0]!.areas[2]!;

  it.each<[string, Level[], number | null, boolean]>([
    ['sd exactly 25 with n = 3 is flagged', [2, 3, 4], 25, true],
    ['sd 14.4 (50, 50, 75, 75) is not', [3, 3, 4, 4], Math.sqrt((4 * 12.5 ** 2) / 3), false],
    ['n = 2 is never flagged', [1, 5], Math.sqrt(5000), false],
    ['n = 1 has no sd', [5], null, false],
    ['full agreement', [4, 4, 4, 4], 0, false],
  ])('%s', (_name, levels, sd, flagged) => {
    const c = at(levels);
    if (sd === null) expect(c.sd).toBeNull();
    else expect(c.sd).toBeCloseTo(sd, 12);
    expect(c.disagreement).toBe(flagged);
  });

  it('documents its constants', () => {
    expect([DISAGREEMENT_SD, DISAGREEMENT_MIN_N]).toEqual([25, 3]);
  });
});

describe('one response per respondent and gathering', () => {
  const [h1, h2, h3] = haram1 as [Response, Response, Response];
  const at = (hour: number) => `2024-02-15T${String(hour).padStart(2, '0')}:00:00.000Z`;
  /** Another response (new id) by the same respondent, same municipality and round. */
  const copy = (r: Response, id: string, updatedAt: string, answers = r.answers): Response => ({
    ...r,
    id,
    answers,
    updatedAt,
  });

  it('a gathering is its period and round; the period is the year of its date unless named', () => {
    expect(gatheringKey(h1)).toBe('2024#1');
    expect(gatheringKey({ gathering: { round: 4, date: '2024-11-20' } })).toBe('2024#4');
    expect(gatheringKey({ gathering: { round: 4, date: '2025-11-20' } })).toBe('2025#4');
    const named = { gathering: { period: '2024–2025', round: 1 as const, date: '2024-09-02' } };
    expect(gatheringKey(named)).toBe('2024–2025#1');
  });

  it('keeps the same round of two periods apart', () => {
    const nextYear = {
      ...copy(h1, 'h1-2025', at(11)),
      gathering: { round: 1, date: '2025-02-13' },
    };
    const aggregates = aggregateResponses(q, [...haram1, nextYear as Response]);
    expect(aggregates.map((a) => [a.period, a.round, a.respondents])).toEqual([
      ['2024', 1, 3],
      ['2025', 1, 1],
    ]);
  });

  it('counts a respondent once, with the newest response (older copies change nothing)', () => {
    // h1 and every copy are at 10:00 or earlier; the copies rate area a at 1 (score 0).
    const ones = { 'a-1': { value: 1 as const, updatedAt: at(8) } };
    const older = [copy(h1, 'h1-a', at(8), ones), copy(h1, 'h1-b', at(9), ones)];
    expect(aggregateResponses(q, [...older, ...haram1])).toEqual(aggregateResponses(q, haram1));
  });

  it('a newer response by the same respondent replaces the older one', () => {
    const newer = copy(h1, 'h1-new', at(11), { 'a-1': { value: 1, updatedAt: at(11) } });
    for (const list of [
      [h1, newer, h2, h3],
      [newer, h3, h2, h1],
    ]) {
      const [agg] = aggregateResponses(q, list);
      expect(agg!.respondents).toBe(3);
      expect(agg!.areas[0]!.byRole.politician).toEqual({ mean: 0, n: 1 }); // level 1, not 100
      expect(agg!.areas[0]!.mean).toBe(50 / 3); // (0 + 50 + 0) / 3
    }
  });

  it('5,000 copies of one delegate’s response count as one respondent', () => {
    // h3 (business) scores 0 in area a; 5,000 copies with new ids would pull the mean to ~0.
    const copies = Array.from({ length: 5000 }, (_, i) => copy(h3, `h3-${i}`, h3.updatedAt));
    const [agg] = aggregateResponses(q, [...haram1, ...copies]);
    expect(agg!.respondents).toBe(3);
    expect(agg!.areas[0]!.mean).toBe(50); // (100 + 50 + 0) / 3, as without the copies
    expect(agg!.respondentsByRole.business).toBe(1);
  });

  it('the same respondent id in another round or another municipality is another respondent', () => {
    const round2 = {
      ...copy(h1, 'h1-r2', at(8)),
      gathering: { round: 2 as const, date: '2024-05-03' },
    };
    const ulstein = { ...copy(h1, 'h1-u', at(8)), municipality: ULSTEIN };
    const result = aggregateResponses(q, [...haram1, round2, ulstein]);
    expect(result.map((a) => [a.municipality.number, a.round, a.respondents])).toEqual([
      ['1516', 1, 1],
      ['1580', 1, 3],
      ['1580', 2, 1],
    ]);
  });

  it('equal updatedAt, different answers: the same fixed rule as import picks one, in any order', () => {
    const twin = copy(h1, 'h1-twin', h1.updatedAt, { 'a-1': { value: 1, updatedAt: at(10) } });
    const winner = compareEdits(twin, h1) > 0 ? twin : h1;
    const expected = aggregateResponses(q, [winner, h2, h3]);
    expect(aggregateResponses(q, [h1, twin, h2, h3])).toEqual(expected);
    expect(aggregateResponses(q, [h3, h2, twin, h1])).toEqual(expected);
  });

  describe('setAsideResponses', () => {
    it('lists, per respondent, the response that counts and the ones set aside', () => {
      const a = copy(h1, 'h1-a', at(8));
      const b = copy(h1, 'h1-b', at(9));
      const newest = copy(h3, 'h3-new', at(12));
      const found = setAsideResponses([b, ...haram1, a, newest]);
      expect(found.map((s) => [s.kept.id, s.setAside.map((r) => r.id).sort()])).toEqual([
        ['h1', ['h1-a', 'h1-b']],
        ['h3-new', ['h3']],
      ]);
    });

    it('is empty when every respondent has one response; a response id twice is one response', () => {
      expect(setAsideResponses(haram1)).toEqual([]);
      const edited = copy(h1, 'h1', at(12));
      expect(setAsideResponses([...haram1, edited])).toEqual([]);
    });

    it('groups versions of one questionnaire, never two questionnaires', () => {
      const v2 = { ...copy(h1, 'h1-v2', at(12)), questionnaire: { id: 'mini', version: 2 } };
      const other = { ...copy(h1, 'h1-other', at(12)), questionnaire: { id: 'other', version: 1 } };
      const found = setAsideResponses([...haram1, v2, other]);
      expect(found.map((s) => [s.kept.id, s.setAside.map((r) => r.id)])).toEqual([
        ['h1-v2', ['h1']],
      ]);
    });

    it('summarises per municipality, gathering and role, without naming anyone', () => {
      const pol2 = respondent('h5', 'politician', {}, { updatedAt: at(10) });
      const ulsteinCopy = (id: string) => ({
        ...copy(h2, id, at(8)),
        municipality: ULSTEIN,
      });
      const all = [
        ...haram1,
        pol2,
        copy(h1, 'h1-a', at(8)),
        copy(h1, 'h1-b', at(9)),
        copy(pol2, 'h5-a', at(9)),
        ulsteinCopy('u-1'),
        ulsteinCopy('u-2'),
      ];
      const found = setAsideResponses(all);
      expect(summariseSetAside(found)).toEqual([
        {
          municipality: ULSTEIN,
          period: '2024',
          round: 1,
          role: 'administration',
          respondents: 1,
          responses: 1, // u-1 and u-2 by p-h2 in Ulstein: the newer (by content) counts
        },
        {
          municipality: HARAM,
          period: '2024',
          round: 1,
          role: 'politician',
          respondents: 2,
          responses: 3,
        },
      ]);
      // Only the respondents one file's responses belong to.
      expect(summariseSetAside(found, [copy(pol2, 'h5-b', at(1))])).toEqual([
        {
          municipality: HARAM,
          period: '2024',
          round: 1,
          role: 'politician',
          respondents: 1,
          responses: 1,
        },
      ]);
      expect(summariseSetAside(found, [h2, h3])).toEqual([]);
    });

    it('agrees with aggregation: what is set aside is exactly what it leaves out (fast-check)', () => {
      fc.assert(
        fc.property(fc.array(responseArb, { maxLength: 20 }), (responses) => {
          const counted = countedResponses(responses);
          const setAside = setAsideResponses(responses).flatMap((s) => s.setAside);
          // Every distinct response id is either counted or set aside, never both.
          const ids = [...counted, ...setAside].map((r) => r.id).sort();
          expect(ids).toEqual(
            uniqueResponses(responses)
              .map((r) => r.id)
              .sort(),
          );
          expect(aggregateResponses(q, counted)).toEqual(aggregateResponses(q, responses));
          expect(aggregateResponses(q, [...counted, ...setAside])).toEqual(
            aggregateResponses(q, responses),
          );
        }),
      );
    });
  });
});

// ------------------------------------------------------------------------------------------
// Properties

const STATEMENT_IDS = q.statements.map((s) => s.id);
const answersArb = fc.dictionary(
  fc.constantFrom(...STATEMENT_IDS),
  fc.constantFrom<AnswerValue>(1, 2, 3, 4, 5, 'dontKnow', 'notRelevant'),
);
const importanceArb = fc.dictionary(
  fc.constantFrom('a', 'b', 'c'),
  fc.constantFrom<Level>(1, 2, 3, 4, 5),
);
const responseArb: fc.Arbitrary<Response> = fc
  .record({
    id: fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8'),
    // Fewer people than response ids: one person often has several responses.
    person: fc.constantFrom('p1', 'p2', 'p3', 'p4'),
    role: fc.constantFrom<Role>('politician', 'administration', 'business', 'other'),
    municipality: fc.constantFrom(HARAM, ULSTEIN, { number: '1560', name: 'Tingvoll' }),
    round: fc.constantFrom<GatheringRound>(1, 2),
    answers: answersArb,
    importance: importanceArb,
    updatedAt: fc.constantFrom(
      '2024-02-15T10:00:00.000Z',
      '2024-02-15T11:00:00.000Z',
      '2024-02-15T12:00:00.000Z',
      '2024-02-15T13:00:00+02:00', // 11:00Z: the same instant as another, written otherwise
    ),
    demo: fc.boolean(),
  })
  .map(({ id, person, role, municipality, round, answers, importance, updatedAt, demo }) =>
    makeResponse({
      id,
      role,
      respondent: { id: person, role },
      municipality,
      gathering: { round, date: round === 1 ? '2024-02-15' : '2024-05-03' },
      answers,
      importance,
      updatedAt,
      demo,
    }),
  );

function shuffle<T>(list: readonly T[], seeds: fc.Stream<number>): T[] {
  return list
    .map((item) => ({ item, k: seeds.next().value as number }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.item);
}

function boundsProblem(aggs: readonly MunicipalityAggregate[]): string | null {
  const inRange = (v: number | null) => v === null || (v >= 0 && v <= 100);
  for (const agg of aggs) {
    if (!inRange(agg.overall)) return 'overall';
    if (Object.values(agg.respondentsByRole).reduce((s, n) => s + n, 0) !== agg.respondents)
      return 'roles';
    for (const a of agg.areas) {
      if (![a.mean, a.min, a.max, ...Object.values(a.byRole).map((r) => r.mean)].every(inRange))
        return 'range';
      if (a.n > agg.respondents) return 'n';
      if (a.mean !== null && (a.mean < a.min! - 1e-9 || a.mean > a.max! + 1e-9))
        return 'mean outside min–max';
      if (a.sd !== null && !(a.sd >= 0)) return 'sd';
      if ((a.n === 0) !== (a.mean === null)) return 'n vs mean';
      if (a.importance !== null && (a.importance < 1 || a.importance > 5)) return 'importance';
      if (a.coverage !== null && (a.coverage < 0 || a.coverage > 1)) return 'coverage';
      if (Object.values(a.byRole).reduce((s, r) => s + r.n, 0) !== a.n) return 'byRole n';
    }
  }
  return null;
}

describe('aggregate properties (fast-check)', () => {
  it('scoreResponse (a tally of the answers) scores as scoreArea does, statement by statement', () => {
    fc.assert(
      fc.property(responseArb, (r) => {
        const asked = statementsForRole(q, r.respondent.role);
        expect(scoreResponse(q, r).areas).toEqual(
          q.areas.map((area) =>
            scoreArea(
              area.id,
              asked.filter((s) => s.area === area.id),
              r.answers,
              r.importance[area.id] ?? null,
            ),
          ),
        );
      }),
    );
  });

  it('sampleSummary does not depend on the order of its values, bit for bit', () => {
    const valueArb = fc.oneof(
      fc.double({ min: 0, max: 100, noNaN: true }),
      fc.constantFrom(0, 100 / 3, 200 / 3, 62.5, 100),
    );
    fc.assert(
      fc.property(
        fc.array(valueArb, { maxLength: 50 }),
        fc.infiniteStream(fc.nat()),
        (values, seeds) => {
          const s = sampleSummary(shuffle(values, seeds));
          expect(s).toEqual(sampleSummary(values));
          if (s.n > 0) {
            expect(s.min).toBe(Math.min(...values));
            expect(s.max).toBe(Math.max(...values));
          }
        },
      ),
    );
  });

  it('scores stay within 0–100 and counts add up', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 12 }), (responses) => {
        expect(boundsProblem(aggregateResponses(q, responses))).toBeNull();
      }),
    );
  });

  it('the order of the responses never changes any result', () => {
    fc.assert(
      fc.property(
        fc.array(responseArb, { maxLength: 12 }),
        fc.infiniteStream(fc.nat()),
        (responses, seeds) => {
          expect(aggregateResponses(q, shuffle(responses, seeds))).toEqual(
            aggregateResponses(q, responses),
          );
        },
      ),
    );
  });

  it('the order of files never changes any result (export → import → merge → aggregate)', () => {
    const known = [q];
    const meta = {
      appVersion: 't',
      exportedAt: '2024-05-03T12:00:00.000Z',
      questionnaire: { id: 'mini', version: 1 },
    };
    // A file's responses must have unique ids; the same id may recur in another file.
    const fileArb = fc.uniqueArray(responseArb, {
      selector: (r) => r.id,
      minLength: 1,
      maxLength: 5,
    });
    fc.assert(
      fc.property(
        fc.array(fileArb, { minLength: 1, maxLength: 4 }),
        fc.infiniteStream(fc.nat()),
        (files, seeds) => {
          const texts = files.map((f) => serializeResultsFile(createResultsFile(f, meta)));
          const load = (order: readonly string[]) => {
            let held: Record<string, Response> = {};
            for (const text of order) {
              const result = importResultsFile(text, {
                knownQuestionnaires: known,
                now: '2024-05-03T12:00:00.000Z',
              });
              if (!result.ok) throw new Error(result.error.code);
              held = mergeById(held, result.responses).merged;
            }
            return aggregateResponses(q, Object.values(held));
          };
          const inOrder = load(texts);
          expect(load(shuffle(texts, seeds))).toEqual(inOrder);
          // ...and the same as aggregating every copy at once.
          expect(aggregateResponses(q, files.flat())).toEqual(inOrder);
        },
      ),
      { numRuns: 200 },
    );
  });
});

// ------------------------------------------------------------------------------------------
// The optimised aggregation against a straightforward one

/**
 * aggregateResponses as the documented rules say, written for clarity, not speed: one response
 * per respondent, municipality and round (the newest edit), every response scored with
 * scoreResponse, the scores collected in lists, each list summarised (sampleSummary sorts, so sums
 * are in ascending order as the rules require).
 */
function referenceAggregate(qq: Questionnaire, responses: readonly Response[]) {
  const byRespondent = new Map<string, Response[]>();
  for (const r of uniqueResponses(responsesFor(qq, responses))) {
    const key = `${r.municipality.number}|${periodOf(r.gathering)}|${r.gathering.round}|${r.respondent.id}`;
    byRespondent.set(key, [...(byRespondent.get(key) ?? []), r]);
  }
  const groups = new Map<string, Response[]>();
  for (const list of byRespondent.values()) {
    const newest = [...list].sort(compareEdits).at(-1)!;
    const key = `${newest.municipality.number}|${periodOf(newest.gathering)}|${newest.gathering.round}`;
    groups.set(key, [...(groups.get(key) ?? []), newest]);
  }
  const result: MunicipalityAggregate[] = [...groups.values()].map((group) => {
    const scored = group.map((r) => ({
      role: r.respondent.role,
      areas: scoreResponse(qq, r).areas,
    }));
    const areas: AreaAggregate[] = qq.areas.map((area, i) => {
      const of = (role?: Role) =>
        scored
          .filter((s) => role === undefined || s.role === role)
          .map((s) => s.areas[i]!.score)
          .filter((x): x is number => x !== null);
      const all = sampleSummary(of());
      return {
        areaId: area.id,
        mean: all.mean,
        n: all.n,
        sd: all.sd,
        min: all.min,
        max: all.max,
        disagreement: all.n >= DISAGREEMENT_MIN_N && all.sd !== null && all.sd >= DISAGREEMENT_SD,
        byRole: Object.fromEntries(
          ROLES.map((role): [Role, RoleMean] => [
            role,
            { mean: mean(of(role)), n: of(role).length },
          ]),
        ) as Record<Role, RoleMean>,
        importance: mean(
          scored.map((s) => s.areas[i]!.importance).filter((x): x is Level => x !== null),
        ),
        coverage: mean(
          scored.map((s) => s.areas[i]!.coverage).filter((x): x is number => x !== null),
        ),
      };
    });
    const names = group.map((r) => r.municipality.name).sort();
    const count = (name: string) => names.filter((x) => x === name).length;
    const number = group[0]!.municipality.number;
    return {
      municipality: {
        number,
        name:
          findNetworkMunicipality(number)?.name ??
          names.reduce((best, name) => (count(name) > count(best) ? name : best)),
      },
      period: periodOf(group[0]!.gathering),
      round: group[0]!.gathering.round,
      respondents: group.length,
      respondentsByRole: Object.fromEntries(
        ROLES.map((role) => [role, scored.filter((s) => s.role === role).length]),
      ) as Record<Role, number>,
      overall: mean(areas.map((a) => a.mean).filter((x): x is number => x !== null)),
      areas,
      demo: group.every((r) => r.demo === true),
    };
  });
  return result.sort((a, b) =>
    a.municipality.number === b.municipality.number
      ? a.period.localeCompare(b.period) || a.round - b.round
      : a.municipality.number < b.municipality.number
        ? -1
        : 1,
  );
}

/**
 * Many responses with distinct ids in few municipalities, so groups are long enough for the
 * sums to depend on their order in the last bits, and sometimes longer than 32 (where the
 * aggregation sorts differently). Names vary, for the most-common-name rule. With `people`,
 * respondent ids come from that many people, so some respondents have several responses (of
 * different ages) and only the newest counts; without it, every response has its own respondent.
 */
function crowd(
  municipalities: readonly Response['municipality'][],
  rounds: readonly GatheringRound[],
  size: { minLength?: number; maxLength: number },
  people?: number,
): fc.Arbitrary<Response[]> {
  return fc
    .array(
      fc.record({
        person: fc.nat({ max: Math.max(0, (people ?? 1) - 1) }),
        updatedAt: fc.constantFrom(
          '2024-02-15T10:00:00.000Z',
          '2024-02-15T11:00:00.000Z',
          '2024-02-15T12:30:00+02:00',
        ),
        role: fc.constantFrom<Role>(...ROLES),
        municipality: fc.constantFrom(...municipalities),
        round: fc.constantFrom(...rounds),
        answers: answersArb,
        importance: importanceArb,
        demo: fc.boolean(),
      }),
      size,
    )
    .map((rows) =>
      rows.map(({ person, updatedAt, role, municipality, round, answers, importance, demo }, i) =>
        makeResponse({
          id: `c${i}`,
          role,
          respondent: { id: people === undefined ? `p${i}` : `p${person}`, role },
          updatedAt,
          municipality,
          gathering: { round, date: round === 1 ? '2024-02-15' : '2024-05-03' },
          answers,
          importance,
          demo,
        }),
      ),
    );
}

const crowdArb = crowd(
  [HARAM, { number: '9999', name: 'Bø' }, { number: '9999', name: 'Bo' }],
  [1, 2],
  { maxLength: 90 },
  60,
);

describe('aggregateResponses equals a straightforward implementation (fast-check)', () => {
  // One aggregator for the tests below that aggregate again: its caches outlive each call, as
  // the store's do.
  const aggregator = createAggregator();

  it('on random respondents, bit for bit', () => {
    fc.assert(
      fc.property(crowdArb, (responses) => {
        expect(aggregateResponses(q, responses)).toEqual(referenceAggregate(q, responses));
      }),
      { numRuns: 300 },
    );
  });

  it('in one group of more than 32 respondents', () => {
    fc.assert(
      fc.property(crowd([ULSTEIN], [1], { minLength: 33, maxLength: 120 }), (responses) => {
        expect(aggregateResponses(q, responses)).toEqual(referenceAggregate(q, responses));
      }),
      { numRuns: 100 },
    );
  });

  it('with duplicate ids (small id space)', () => {
    fc.assert(
      fc.property(fc.array(responseArb, { maxLength: 20 }), (responses) => {
        expect(aggregateResponses(q, responses)).toEqual(referenceAggregate(q, responses));
      }),
    );
  });

  it('again on the same objects (cached), and after some are replaced by edited copies', () => {
    fc.assert(
      fc.property(
        crowdArb,
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.constantFrom<AnswerValue>(1, 5, 'notRelevant'),
        (responses, picks, value) => {
          // Each call gives the caller a list of its own: reordering it changes nothing kept.
          aggregator.aggregate(q, responses).reverse();
          aggregator.aggregate(q, responses).reverse();
          expect(aggregator.aggregate(q, responses)).toEqual(referenceAggregate(q, responses));
          // The same objects in a new list (as the store gives them) are the same responses.
          expect(aggregator.aggregate(q, [...responses])).toEqual(referenceAggregate(q, responses));
          // An edit is a new object with the same id, as the store makes it.
          const edited = responses.map((r, i) =>
            picks.includes(i)
              ? {
                  ...r,
                  answers: { ...r.answers, 'a-1': { value, updatedAt: r.updatedAt } },
                  importance: { ...r.importance, b: 1 as const },
                }
              : r,
          );
          expect(aggregator.aggregate(q, edited)).toEqual(referenceAggregate(q, edited));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same result after Aggregator.prepare, whichever responses were prepared ahead', () => {
    const otherVersion: Questionnaire = { ...q, version: q.version + 1 };
    fc.assert(
      fc.property(crowdArb, fc.array(fc.boolean()), (responses, ahead) => {
        // As the import does it: some responses (a file at a time) prepared before aggregation,
        // also against a questionnaire the aggregation does not use.
        const some = responses.filter((_, i) => ahead[i] === true);
        aggregator.prepare(q, some);
        aggregator.prepare(otherVersion, responses);
        expect(aggregator.aggregate(q, responses)).toEqual(referenceAggregate(q, responses));
      }),
      { numRuns: 100 },
    );
  });

  it('finds a group again when its responses come in another order', () => {
    fc.assert(
      fc.property(crowdArb, (responses) => {
        // The first response stays first, so its group is looked up by the same object.
        const [first, ...rest] = responses;
        const reordered = first === undefined ? [] : [first, ...rest.reverse()];
        for (const set of [responses, reordered, responses]) {
          expect(aggregator.aggregate(q, set)).toEqual(referenceAggregate(q, set));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('recomputes a group whose responses changed: some left out, others added', () => {
    fc.assert(
      fc.property(crowdArb, crowdArb, fc.array(fc.boolean()), (responses, more, keep) => {
        const extra = more.map((r) => ({ ...r, id: `x-${r.id}` }));
        const kept = responses.filter((_, i) => keep[i] !== false);
        for (const set of [responses, kept, [...kept, ...extra], responses, [...extra, ...kept]]) {
          expect(aggregator.aggregate(q, set)).toEqual(referenceAggregate(q, set));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('scores the same objects afresh against another questionnaire', () => {
    // Same id and version, other statements: nothing learnt about q may leak into the other.
    const other: Questionnaire = {
      ...q,
      statements: [
        ...q.statements.filter((s) => s.id !== 'a-1'),
        { ...q.statements[0]!, id: 'b-9', area: 'b', roles: ['politician', 'other'] },
      ],
    };
    fc.assert(
      fc.property(crowdArb, (responses) => {
        const withB9 = responses.map((r, i) =>
          i % 2 === 0
            ? r
            : {
                ...r,
                answers: { ...r.answers, 'b-9': { value: 5 as const, updatedAt: r.updatedAt } },
              },
        );
        expect(aggregator.aggregate(q, withB9)).toEqual(referenceAggregate(q, withB9));
        expect(aggregator.aggregate(other, withB9)).toEqual(referenceAggregate(other, withB9));
        expect(aggregator.aggregate(q, withB9)).toEqual(referenceAggregate(q, withB9));
      }),
      { numRuns: 100 },
    );
  });
});
