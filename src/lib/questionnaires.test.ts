import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseQuestionnaire, type Questionnaire } from '../domain/questionnaire/schema';
import { alignVersions, sameStructure } from '../domain/comparison/versions';
import { miniQuestionnaire } from '../domain/testing/fixtures';
import {
  BUNDLED_QUESTIONNAIRES,
  CURRENT_QUESTIONNAIRE,
  findQuestionnaire,
  knownQuestionnaires,
  latestQuestionnaire,
  offeredQuestionnaires,
} from './questionnaires';

describe('bundled questionnaires', () => {
  it('each passes the import validation and comes out of it unchanged', () => {
    expect(BUNDLED_QUESTIONNAIRES.length).toBeGreaterThan(0);
    for (const questionnaire of BUNDLED_QUESTIONNAIRES) {
      const result = parseQuestionnaire(questionnaire);
      if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
      // The app uses the bundled object as it is, unvalidated: it must equal what parsing yields.
      expect(result.questionnaire).toStrictEqual(questionnaire);
    }
  });

  it('each equals its published file, key order included (version 1 is built as a delta)', () => {
    for (const questionnaire of BUNDLED_QUESTIONNAIRES) {
      const file = path.resolve(
        path.dirname(fileURLToPath(import.meta.url)),
        `../../questionnaires/${questionnaire.id}/v${questionnaire.version}.json`,
      );
      expect(JSON.stringify(questionnaire)).toBe(
        JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))),
      );
    }
  });

  it('the current questionnaire is the newest bundled version', () => {
    expect(latestQuestionnaire(BUNDLED_QUESTIONNAIRES)).toBe(CURRENT_QUESTIONNAIRE);
    expect(CURRENT_QUESTIONNAIRE).toMatchObject({ id: 'god-vertskommune', version: 2 });
  });

  it('keeps version 1 known, so saved responses and files to it still open and import', () => {
    expect(findQuestionnaire(BUNDLED_QUESTIONNAIRES, 'god-vertskommune', 1)?.version).toBe(1);
    expect(knownQuestionnaires([]).map((q) => ({ id: q.id, version: q.version }))).toEqual(
      expect.arrayContaining([
        { id: 'god-vertskommune', version: 1 },
        { id: 'god-vertskommune', version: 2 },
      ]),
    );
  });

  it('version 2 rewords version 1: the same areas, statements, roles, traits and order', () => {
    const v1 = findQuestionnaire(BUNDLED_QUESTIONNAIRES, 'god-vertskommune', 1)!;
    const v2 = findQuestionnaire(BUNDLED_QUESTIONNAIRES, 'god-vertskommune', 2)!;
    const shape = (q: Questionnaire) => ({
      areas: q.areas.map((a) => [a.id, a.sources]),
      statements: q.statements.map((s) => [s.id, s.area, s.roles, s.traits]),
    });
    expect(shape(v2)).toEqual(shape(v1));
    expect(sameStructure(v1, v2)).toBe(true);
    // So the network view compares responses to version 1 in full, without a notice.
    const v1Response = {
      id: 'r',
      questionnaire: { id: v1.id, version: 1 },
      municipality: { number: '1580', name: 'Haram' },
      respondent: { id: 'p', role: 'business' as const },
      gathering: { round: 1 as const, date: '2024-02-15' },
      answers: { 'strategy-1': { value: 4 as const, updatedAt: '2024-02-15T10:00:00.000Z' } },
      importance: {},
      createdAt: '2024-02-15T10:00:00.000Z',
      updatedAt: '2024-02-15T10:00:00.000Z',
    };
    expect(alignVersions(v2, [v1Response], BUNDLED_QUESTIONNAIRES).differences).toEqual([]);
  });
});

describe('offeredQuestionnaires', () => {
  it('offers the newest bundled version for new responses, not the older ones', () => {
    expect(offeredQuestionnaires(knownQuestionnaires([]))).toEqual([CURRENT_QUESTIONNAIRE]);
  });

  it('adds the questionnaires a facilitator has loaded, once each', () => {
    const custom = { ...miniQuestionnaire, id: 'eige', version: 3 };
    expect(offeredQuestionnaires(knownQuestionnaires([custom]))).toEqual([
      CURRENT_QUESTIONNAIRE,
      custom,
    ]);
  });
});

describe('knownQuestionnaires', () => {
  it('lists the bundled ones, then the loaded ones, each id and version once', () => {
    const custom = { ...miniQuestionnaire, id: 'eige', version: 3 };
    const again = { ...custom, title: { ...miniQuestionnaire.title, nb: 'Ein annan kopi' } };
    const bundledCopy = {
      ...CURRENT_QUESTIONNAIRE,
      title: { ...CURRENT_QUESTIONNAIRE.title, nb: 'Kopi' },
    };
    const known = knownQuestionnaires([custom, again, bundledCopy]);
    expect(known).toEqual([...BUNDLED_QUESTIONNAIRES, custom]);
    expect(findQuestionnaire(known, CURRENT_QUESTIONNAIRE.id, CURRENT_QUESTIONNAIRE.version)).toBe(
      CURRENT_QUESTIONNAIRE,
    );
    expect(findQuestionnaire(known, 'eige', 3)).toBe(custom);
    expect(offeredQuestionnaires(known)).toEqual([CURRENT_QUESTIONNAIRE, custom]);
  });
});
