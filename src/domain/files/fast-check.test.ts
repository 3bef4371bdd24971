import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fixtureV2Text from './fixtures/results-v2.json?raw';
import { fastResponse, fastResultsFile } from './fast-check';
import { resultsFileSchema } from './results-file-schema';
import { RESERVED_KEYS, responseSchema } from '../core/schemas';
import { createResultsFile } from './results-file';
import { makeResponse } from '../testing/fixtures';
import { ROLES, type Response } from '../core/types';
import { mutate, mutationArb as mutationArbOf } from '../testing/json-mutations';

/**
 * The fast path must agree with zod: whatever it accepts, zod accepts, with the same value (keys
 * in the same order too, so JSON.stringify gives the same text); whatever zod refuses, it
 * refuses (returns null, "not sure"). And it must accept well-formed files, or it is no faster.
 */

type Json = Record<string, unknown>;

const fixture = () => JSON.parse(fixtureV2Text) as Json;

/** Values near the edges of the rules: each is valid somewhere and invalid elsewhere. */
const nearMiss = fc.constantFrom<unknown>(
  0,
  1,
  5,
  6,
  1.5,
  -1,
  2 ** 53,
  '',
  ' ',
  ' Haram',
  'Haram ',
  'Ha ram',
  'a'.repeat(100),
  'a'.repeat(101),
  'a'.repeat(2001),
  'x'.repeat(21),
  '1580',
  '158',
  '2024',
  '2024–2025',
  '2024-02-29',
  '2023-02-29',
  '2024-13-01',
  '2024-05-03T12:00:00Z',
  '2024-05-03T12:00:00.123456+02:00',
  '2024-05-03T12:00Z',
  '2024-05-03T24:00:00.000Z',
  'dontKnow',
  'notRelevant',
  'politician',
  'boss',
  'planned',
  'naeringsspeilet',
  'naeringsspeilet-results',
  '__proto__',
  'constructor',
  'a b',
  'ok-id_1.2:3',
  true,
  null,
  undefined,
  [],
  {},
  { value: 3, updatedAt: '2024-04-30T08:17:00.000Z' },
);
const keyArb = fc.constantFrom(
  '__proto__',
  'constructor',
  'value',
  'comment',
  'initials',
  'period',
  'submittedAt',
  'demo',
  'actions',
  'agreements',
  'extra',
  'strategy-9',
  'bad key',
);

const mutationArb = mutationArbOf(nearMiss, keyArb);

/** The fast path's verdict agrees with zod's: null, or zod's own value. */
function agrees<T>(fast: T | null, zod: { success: boolean; data?: unknown }): void {
  if (fast === null) return;
  expect(zod.success).toBe(true);
  expect(fast).toEqual(zod.data);
  expect(JSON.stringify(fast)).toBe(JSON.stringify(zod.data));
}

describe('fastResultsFile agrees with the zod schema (fast-check)', () => {
  it('accepts the fixture with zod’s value, keys in zod’s order', () => {
    const data = fixture();
    const fast = fastResultsFile(data);
    expect(fast).not.toBeNull();
    agrees(fast, resultsFileSchema().safeParse(data));
  });

  it('on mutated files: never accepts what zod refuses, never returns another value', () => {
    let fastAccepted = 0;
    let zodAccepted = 0;
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const data = mutate(fixture(), mutations);
        const zod = resultsFileSchema().safeParse(data);
        const fast = fastResultsFile(data);
        agrees(fast, zod);
        if (fast !== null) fastAccepted += 1;
        if (zod.success) zodAccepted += 1;
      }),
      { numRuns: 5_000 },
    );
    // Both outcomes are reached, and the fast path takes most of what zod accepts.
    expect(fastAccepted).toBeGreaterThan(100);
    expect(zodAccepted).toBeLessThan(5_000);
    expect(fastAccepted).toBeGreaterThan(zodAccepted * 0.5);
  });

  it('takes every well-formed file the app writes', () => {
    const responseArb = fc
      .record({
        id: fc.stringMatching(/^[A-Za-z0-9_.:-]{1,12}$/).filter((id) => !RESERVED_KEYS.has(id)),
        role: fc.constantFrom(...ROLES),
        round: fc.constantFrom(1 as const, 2 as const, 3 as const, 4 as const),
        values: fc.dictionary(
          fc.constantFrom('a1', 'a2', 'b1', 'c1'),
          fc.constantFrom(
            1 as const,
            2 as const,
            3 as const,
            4 as const,
            5 as const,
            'dontKnow' as const,
            'notRelevant' as const,
          ),
        ),
        initials: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        submitted: fc.boolean(),
        name: fc.stringMatching(/^[A-Za-zÆØÅæøå]{1,20}$/),
      })
      .map(({ id, role, round, values, initials, submitted, name }): Response => {
        const r = makeResponse({ id, role, answers: values, importance: { a: 3 } });
        return {
          ...r,
          municipality: { number: '1580', name },
          gathering: { period: '2024', round, date: '2024-02-15' },
          respondent: initials === undefined ? r.respondent : { ...r.respondent, initials },
          ...(submitted ? { submittedAt: r.updatedAt } : {}),
        };
      });
    fc.assert(
      fc.property(fc.uniqueArray(responseArb, { selector: (r) => r.id, maxLength: 6 }), (rs) => {
        const file = createResultsFile(rs, {
          appVersion: '1.0.0',
          exportedAt: '2024-05-01T10:00:00.000Z',
          questionnaire: { id: 'mini', version: 1 },
        });
        const data: unknown = JSON.parse(JSON.stringify(file));
        const fast = fastResultsFile(data);
        expect(fast).not.toBeNull();
        agrees(fast, resultsFileSchema().safeParse(data));
      }),
      { numRuns: 500 },
    );
  });
});

describe('fastResponse agrees with the zod schema (fast-check)', () => {
  const response = () => (fixture().responses as Json[])[0]!;

  it('on mutated responses, and on records as IndexedDB gives them back (undefined kept)', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), (mutations) => {
        const data = mutate(response(), mutations);
        agrees(fastResponse(data), responseSchema().safeParse(data));
      }),
      { numRuns: 3_000 },
    );
  });

  it('is not sure about what zod would change or say more about', () => {
    const r = response();
    expect(fastResponse({ ...r, municipality: { number: '1580', name: ' Haram ' } })).toBeNull();
    expect(fastResponse({ ...r, demo: undefined })).toBeNull();
    expect(fastResponse(Object.assign(Object.create(null) as Json, r))).toBeNull();
    const protoKey: unknown = JSON.parse('{"__proto__": {"value": 3}}');
    expect(fastResponse({ ...r, answers: protoKey })).toBeNull();
    expect(fastResponse(r)).not.toBeNull();
  });
});
