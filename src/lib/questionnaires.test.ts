import { describe, expect, it } from 'vitest';
import { parseQuestionnaire } from '../domain/questionnaire/schema';
import {
  BUNDLED_QUESTIONNAIRES,
  CURRENT_QUESTIONNAIRE,
  latestQuestionnaire,
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

  it('the current questionnaire is the newest bundled version', () => {
    expect(latestQuestionnaire(BUNDLED_QUESTIONNAIRES)).toBe(CURRENT_QUESTIONNAIRE);
  });
});
