import type { Locale } from '../domain/core/types';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { addTexts } from '../domain/questionnaire/texts';
// Without their texts; version 1 as version 2 plus what it words differently. Both are made at
// build time (vite.config.ts, questionnaireParts); loadQuestionnaireTexts adds a language's texts.
import goodHostV1 from '../../questionnaires/god-vertskommune/v1.json?delta-of=v2&lang=none';
import goodHostV2 from '../../questionnaires/god-vertskommune/v2.json?lang=none';

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

/** The bundled questionnaires' texts in each language: chunks that load when it is chosen. */
const textsOf: Record<Locale, () => Promise<[string[], string[]]>> = {
  nb: () =>
    Promise.all([
      import('../../questionnaires/god-vertskommune/v1.json?delta-of=v2&lang=nb'),
      import('../../questionnaires/god-vertskommune/v2.json?lang=nb'),
    ]).then(([v1, v2]) => [v1.default, v2.default]),
  nn: () =>
    Promise.all([
      import('../../questionnaires/god-vertskommune/v1.json?delta-of=v2&lang=nn'),
      import('../../questionnaires/god-vertskommune/v2.json?lang=nn'),
    ]).then(([v1, v2]) => [v1.default, v2.default]),
  en: () =>
    Promise.all([
      import('../../questionnaires/god-vertskommune/v1.json?delta-of=v2&lang=en'),
      import('../../questionnaires/god-vertskommune/v2.json?lang=en'),
    ]).then(([v1, v2]) => [v1.default, v2.default]),
};

/** Whether the bundled questionnaires hold their texts in `locale` (loadQuestionnaireTexts). */
export function hasQuestionnaireTexts(locale: Locale): boolean {
  return (goodHostV2 as { title: Partial<Record<Locale, string>> }).title[locale] !== undefined;
}

/**
 * Makes sure the bundled questionnaires hold their texts in `locale`, loading them if need be.
 * The app awaits it with the language's interface texts (main.tsx), before it shows anything in
 * that language, bokmål included; the build's pre-render and the tests await it too.
 *
 * The texts are added to the bundled questionnaire objects in place: a language is only ever
 * added, every text of it at once, and nothing shows a language before its texts are in, so no
 * reader sees a questionnaire change under it. (Holding the questionnaires with their loaded
 * languages in the store instead would avoid this shared state, at the cost of threading them
 * through every reader of BUNDLED_QUESTIONNAIRES.)
 */
export async function loadQuestionnaireTexts(locale: Locale): Promise<void> {
  if (hasQuestionnaireTexts(locale)) return;
  const [v1, v2] = await textsOf[locale]();
  if (hasQuestionnaireTexts(locale)) return; // loaded meanwhile
  if (!addTexts(goodHostV1, locale, v1) || !addTexts(goodHostV2, locale, v2)) {
    throw new Error(`The questionnaire texts in ${locale} do not fit the questionnaires`);
  }
}

/**
 * The bundled questionnaire new responses use unless a facilitator loads a newer version.
 * Version 2 rewords version 1 (clearer English and nynorsk) with the same areas, statements and
 * roles, so responses to either are compared in full; version 1 stays bundled so that saved
 * responses and results files that point to it still open, score and import.
 */
export const CURRENT_QUESTIONNAIRE: Questionnaire = goodHostV2 as Questionnaire;

/**
 * Every questionnaire the app knows: the bundled ones, then those a facilitator has loaded
 * (`custom`, which the store owns: read them through its selectKnownQuestionnaires), each id and
 * version once. A bundled version wins over a loaded one with the same id and version (loading
 * one is refused, but saved state from elsewhere could hold one); of two loaded ones, the first.
 */
export function knownQuestionnaires(custom: readonly Questionnaire[]): readonly Questionnaire[] {
  const out = [...BUNDLED_QUESTIONNAIRES];
  for (const q of custom) {
    if (!out.some((o) => o.id === q.id && o.version === q.version)) out.push(q);
  }
  return out;
}

/**
 * The questionnaires a new response can use, from the known ones (knownQuestionnaires): the
 * newest bundled version of each bundled questionnaire, then those a facilitator has loaded.
 * Older bundled versions stay known, since saved responses and results files point to them, but
 * new responses do not use them.
 */
export function offeredQuestionnaires(known: readonly Questionnaire[]): Questionnaire[] {
  const bundled = (q: Questionnaire) => BUNDLED_QUESTIONNAIRES.includes(q);
  return known.filter(
    (q) =>
      !bundled(q) || !BUNDLED_QUESTIONNAIRES.some((o) => o.id === q.id && o.version > q.version),
  );
}

/** The questionnaire with this id and version among the known ones. */
export function findQuestionnaire(
  known: readonly Questionnaire[],
  id: string,
  version: number,
): Questionnaire | undefined {
  return known.find((q) => q.id === id && q.version === version);
}

/** The newest version of the network's questionnaire: what the network view compares on. */
export function latestQuestionnaire(
  known: readonly Questionnaire[],
  id = CURRENT_QUESTIONNAIRE.id,
): Questionnaire {
  return known
    .filter((q) => q.id === id)
    .reduce((best, q) => (q.version > best.version ? q : best), CURRENT_QUESTIONNAIRE);
}
