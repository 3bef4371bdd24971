import type { Questionnaire } from '../domain/questionnaire/schema';
import goodHostV1 from '../../questionnaires/god-vertskommune/v1.json';

/*
 * Bundled questionnaires are part of the build: `src/lib/questionnaires.test.ts` proves that
 * each passes the same validation as a file from outside and comes out of it unchanged, and
 * `npm run questionnaire:validate` checks them for authors. So the app does not validate them
 * again at startup, which would cost the first screen a zod pass over 49 statements.
 */
export const BUNDLED_QUESTIONNAIRES: readonly Questionnaire[] = [goodHostV1 as Questionnaire];

/** The bundled questionnaire new responses use unless a facilitator loads a newer version. */
export const CURRENT_QUESTIONNAIRE: Questionnaire = BUNDLED_QUESTIONNAIRES[0]!;

/**
 * Questionnaires a facilitator has loaded in this browser. The store owns them (saved and
 * validated with the rest); it hands them here so lookups by id and version find them too.
 */
let custom: readonly Questionnaire[] = [];

export function setCustomQuestionnaires(list: readonly Questionnaire[]): void {
  custom = list;
}

export function allQuestionnaires(): readonly Questionnaire[] {
  return [...BUNDLED_QUESTIONNAIRES, ...custom];
}

export function findQuestionnaire(id: string, version: number): Questionnaire | undefined {
  return allQuestionnaires().find((q) => q.id === id && q.version === version);
}

/** The newest version of the network's questionnaire: what the network view compares on. */
export function latestQuestionnaire(
  list: readonly Questionnaire[] = allQuestionnaires(),
  id = CURRENT_QUESTIONNAIRE.id,
): Questionnaire {
  return list
    .filter((q) => q.id === id)
    .reduce((best, q) => (q.version > best.version ? q : best), CURRENT_QUESTIONNAIRE);
}
