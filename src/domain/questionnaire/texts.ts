/**
 * A questionnaire's texts in one language, apart from the rest. The build ships the bundled
 * questionnaires without texts (`withoutTexts`: each text an empty object) and each language's
 * texts as a list of its own (`textsIn`), loaded when that language is chosen and put back in
 * place (`addTexts`), so the first screen carries no statement text (vite.config.ts,
 * questionnaireParts; lib/questionnaires.ts). The lists follow one walk over the file: keys in
 * their order, arrays in theirs, and a text is an object whose keys are all languages (none,
 * in a questionnaire without texts: the bundled files hold no other empty object).
 */
// With its extension: vite.config.ts loads this file at build time, outside the bundler.
import { LOCALES, type Locale } from '../core/types.ts';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A localised text: an object whose keys are languages, each with a string (maybe none yet). */
function isText(value: unknown): value is Partial<Record<Locale, string>> {
  if (!isObject(value)) return false;
  return Object.entries(value).every(
    ([k, v]) => (LOCALES as readonly string[]).includes(k) && typeof v === 'string',
  );
}

/** Calls `visit` on every localised text in `value`, in walk order. */
function eachText(value: unknown, visit: (text: Partial<Record<Locale, string>>) => void): void {
  if (isText(value)) visit(value);
  else if (Array.isArray(value)) for (const item of value) eachText(item, visit);
  else if (isObject(value)) for (const item of Object.values(value)) eachText(item, visit);
}

/** The texts of `value` in `locale`, in walk order ("" where a text lacks that language). */
export function textsIn(value: unknown, locale: Locale): string[] {
  const out: string[] = [];
  eachText(value, (text) => out.push(text[locale] ?? ''));
  return out;
}

/** A copy of `value` in which every localised text is an empty object, to be filled by addTexts. */
export function withoutTexts(value: unknown): unknown {
  if (isText(value)) return {};
  if (Array.isArray(value)) return value.map(withoutTexts);
  if (isObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutTexts(v)]));
  }
  return value;
}

/**
 * Puts `texts` (from textsIn) back into the localised texts of `value`, in place, as `locale`,
 * each text's languages kept in LOCALES order whatever the order they load in, so that a
 * questionnaire with every language equals its file. False, and nothing changed, when the count
 * does not match the texts `value` has.
 */
export function addTexts(value: unknown, locale: Locale, texts: readonly string[]): boolean {
  const found: Partial<Record<Locale, string>>[] = [];
  eachText(value, (text) => found.push(text));
  if (found.length !== texts.length) return false;
  found.forEach((text, i) => {
    text[locale] = texts[i]!;
    for (const l of LOCALES) {
      const kept = text[l];
      if (kept === undefined) continue;
      delete text[l];
      text[l] = kept;
    }
  });
  return true;
}
