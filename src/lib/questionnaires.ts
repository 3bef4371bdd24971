import type { Questionnaire } from '../domain/questionnaire/schema';
import goodHostV1 from '../../questionnaires/god-vertskommune/v1.json';
import goodHostV2 from '../../questionnaires/god-vertskommune/v2.json';

/*
 * Bundled questionnaires are part of the build: `src/lib/questionnaires.test.ts` proves that
 * each passes the same validation as a file from outside and comes out of it unchanged, and
 * `npm run questionnaire:validate` checks them for authors. So the app does not validate them
 * again at startup, which would cost the first screen a zod pass over 49 statements each.
 */
export const BUNDLED_QUESTIONNAIRES: readonly Questionnaire[] = [
  goodHostV1 as Questionnaire,
  goodHostV2 as Questionnaire,
];

/**
 * The bundled questionnaire new responses use unless a facilitator loads a newer version.
 * Version 2 rewords version 1 (clearer English and nynorsk) with the same areas, statements and
 * roles, so responses to either are compared in full; version 1 stays bundled so that saved
 * responses and results files that point to it still open, score and import.
 */
export const CURRENT_QUESTIONNAIRE: Questionnaire = goodHostV2 as Questionnaire;

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

/**
 * The questionnaires a new response can use: the newest bundled version of each bundled
 * questionnaire, then those a facilitator has loaded (`custom`). Older bundled versions stay known,
 * since saved responses and results files point to them, but new responses do not use them.
 */
export function offeredQuestionnaires(custom: readonly Questionnaire[]): Questionnaire[] {
  const newest = BUNDLED_QUESTIONNAIRES.filter(
    (q) => !BUNDLED_QUESTIONNAIRES.some((o) => o.id === q.id && o.version > q.version),
  );
  return [...newest.filter((q) => !custom.includes(q)), ...custom];
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
