import { parseQuestionnaire, type Questionnaire } from '../domain/questionnaire/schema';
import goodHostV1 from '../../questionnaires/god-vertskommune/v1.json';

/** Bundled questionnaires pass the same validation as any file from outside. */
function load(data: unknown, name: string): Questionnaire {
  const result = parseQuestionnaire(data);
  if (!result.ok) {
    const detail = result.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
    throw new Error(`Bundled questionnaire ${name} is invalid:\n${detail}`);
  }
  return result.questionnaire;
}

export const BUNDLED_QUESTIONNAIRES: readonly Questionnaire[] = [
  load(goodHostV1, 'god-vertskommune/v1.json'),
];

/** The questionnaire a new response uses. */
export const CURRENT_QUESTIONNAIRE: Questionnaire = BUNDLED_QUESTIONNAIRES[0]!;

export function findQuestionnaire(id: string, version: number): Questionnaire | undefined {
  return BUNDLED_QUESTIONNAIRES.find((q) => q.id === id && q.version === version);
}
