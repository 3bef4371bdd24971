import { readFileSync } from 'node:fs';
import { parseQuestionnaire, type Questionnaire } from '../../src/domain/questionnaire/schema';

/** The questionnaire the app ships (its start screen's default), checked as the app checks it. */
export const BUNDLED_QUESTIONNAIRE_FILE = 'questionnaires/god-vertskommune/v2.json';

export function loadBundledQuestionnaire(): Questionnaire {
  const parsed = parseQuestionnaire(JSON.parse(readFileSync(BUNDLED_QUESTIONNAIRE_FILE, 'utf8')));
  if (!parsed.ok) throw new Error(`${BUNDLED_QUESTIONNAIRE_FILE} is invalid`);
  return parsed.questionnaire;
}
