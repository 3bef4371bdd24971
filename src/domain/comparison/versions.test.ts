import { describe, expect, it } from 'vitest';
import { makeResponse, miniQuestionnaire } from '../testing/fixtures';
import type { Questionnaire } from '../questionnaire/schema';
import { alignVersions, createVersionAligner, sameStructure } from './versions';
import { aggregateResponses } from '../scoring/aggregate';

// Version 2 drops a-3 and adds a-5.
const v2: Questionnaire = {
  ...miniQuestionnaire,
  version: 2,
  statements: [
    ...miniQuestionnaire.statements.filter((s) => s.id !== 'a-3'),
    { id: 'a-5', area: 'a', text: { nb: 'a5', nn: 'a5', en: 'a5' } },
  ],
};

describe('alignVersions', () => {
  it('compares only statements with the same id and says what was left out', () => {
    // Two respondents: one person's responses to both versions would count once (the newest).
    const old = makeResponse({
      id: 'old',
      respondent: { id: 'p-old', role: 'politician' },
      answers: { 'a-1': 5, 'a-2': 5, 'a-3': 1 },
    });
    const current = makeResponse({
      id: 'new',
      respondent: { id: 'p-new', role: 'politician' },
      questionnaire: { id: 'mini', version: 2 },
      answers: { 'a-1': 3, 'a-5': 3 },
    });
    const other = makeResponse({ id: 'x', questionnaire: { id: 'other', version: 1 } });
    const { responses, differences } = alignVersions(
      v2,
      [old, current, other],
      [miniQuestionnaire, v2],
    );
    expect(responses.map((r) => r.id)).toEqual(['old', 'new']);
    expect(responses[0]!.answers).not.toHaveProperty('a-3');
    expect(responses[0]!.questionnaire).toEqual({ id: 'mini', version: 2 });
    expect(differences).toEqual([
      { version: 1, responses: 1, leftOut: ['a-3'], notAsked: ['a-5'] },
    ]);
    // Area a: old (5+5)/2 -> 100 (a-3's 1 is left out), new (3+3)/2 -> 50; mean 75.
    const [agg] = aggregateResponses(v2, responses);
    expect(agg!.areas[0]!.mean).toBe(75);
  });

  it('lines up one person’s responses to two versions, and aggregation counts the newer', () => {
    const old = makeResponse({ id: 'old', answers: { 'a-1': 5, 'a-2': 5 } });
    const current = makeResponse({
      id: 'new',
      questionnaire: { id: 'mini', version: 2 },
      answers: { 'a-1': 3, 'a-5': 3 },
      updatedAt: '2024-02-16T10:00:00.000Z',
    });
    expect(old.respondent).toEqual(current.respondent);
    const { responses } = alignVersions(v2, [current, old], [miniQuestionnaire, v2]);
    const [agg] = aggregateResponses(v2, responses);
    expect(agg!.respondents).toBe(1);
    expect(agg!.areas[0]!.mean).toBe(50); // the newer response's (3 + 3) / 2, not 100
  });

  it('changes nothing when every response is to the current version', () => {
    const r = makeResponse({ answers: { 'a-1': 2 } });
    const { responses, differences } = alignVersions(miniQuestionnaire, [r], [miniQuestionnaire]);
    expect(responses).toEqual([r]);
    expect(differences).toEqual([]);
  });

  it('reports nothing for a version that only rewords its texts, and scores it the same', () => {
    const reworded: Questionnaire = {
      ...miniQuestionnaire,
      version: 2,
      title: { nb: 'Mini 2', nn: 'Mini 2', en: 'Mini 2' },
      // Same statements, roles and areas; other texts, and another order.
      statements: [...miniQuestionnaire.statements]
        .reverse()
        .map((s) => ({ ...s, text: { nb: `${s.id}!`, nn: `${s.id}!`, en: `${s.id}!` } })),
    };
    const old = makeResponse({ id: 'old', answers: { 'a-1': 5, 'a-2': 3, 'b-1': 2 } });
    const { responses, differences } = alignVersions(
      reworded,
      [old],
      [miniQuestionnaire, reworded],
    );
    expect(differences).toEqual([]);
    expect(responses[0]!.questionnaire).toEqual({ id: 'mini', version: 2 });
    expect(responses[0]!.answers).toEqual(old.answers);
    const [asV1] = aggregateResponses(miniQuestionnaire, [old]);
    const [asV2] = aggregateResponses(reworded, responses);
    expect(asV2!.areas).toEqual(asV1!.areas);
    expect(asV2!.overall).toBe(asV1!.overall);
  });

  it('gives the same aligned copies again for the same responses (createVersionAligner)', () => {
    const align = createVersionAligner();
    const old = makeResponse({ id: 'old', answers: { 'a-1': 5, 'a-3': 1 } });
    const other = makeResponse({ id: 'other', answers: { 'b-1': 4 } });
    const first = align(v2, [old, other], [miniQuestionnaire, v2]).responses;
    const again = align(v2, [other, old], [miniQuestionnaire, v2]).responses;
    expect(again[0]).toBe(first[1]);
    expect(again[1]).toBe(first[0]);
    expect(first[0]).not.toBe(old);
    // A changed response is a new object, and gets a new copy.
    const edited = { ...old, answers: { ...old.answers } };
    expect(align(v2, [edited], [v2]).responses[0]).not.toBe(first[0]);
  });
});

describe('sameStructure', () => {
  const base = miniQuestionnaire;
  const withStatements = (statements: Questionnaire['statements']): Questionnaire => ({
    ...base,
    version: 2,
    statements,
  });

  it('holds for a copy with other texts and order', () => {
    expect(sameStructure(base, withStatements([...base.statements].reverse()))).toBe(true);
  });

  it.each<[string, Questionnaire]>([
    [
      'a statement added',
      withStatements([...base.statements, { ...base.statements[0]!, id: 'a-9' }]),
    ],
    ['a statement removed', withStatements(base.statements.slice(1))],
    [
      'a statement put to other roles',
      withStatements(base.statements.map((s) => (s.id === 'a-4' ? { ...s, roles: undefined } : s))),
    ],
    [
      'a statement in another area',
      withStatements(base.statements.map((s) => (s.id === 'b-2' ? { ...s, area: 'c' } : s))),
    ],
    [
      'an area removed',
      {
        ...base,
        version: 2,
        areas: base.areas.slice(0, 2),
        statements: base.statements.filter((s) => s.area !== 'c'),
      },
    ],
  ])('fails with %s', (_what, other) => {
    expect(sameStructure(base, other)).toBe(false);
    expect(sameStructure(other, base)).toBe(false);
  });
});
