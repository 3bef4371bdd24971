import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../core/types';
import { addTexts, textsIn, withoutTexts } from './texts';

const file = (name: string): unknown =>
  JSON.parse(
    readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../questionnaires', name),
      'utf8',
    ),
  );

describe('a questionnaire split by language', () => {
  for (const name of ['god-vertskommune/v1.json', 'god-vertskommune/v2.json']) {
    it(`${name}: without texts, plus each language's list, gives the file back`, () => {
      const full = file(name);
      const bare = withoutTexts(full);
      for (const locale of LOCALES) expect(JSON.stringify(bare)).not.toContain(`"${locale}"`);
      expect(textsIn(bare, 'nb')).toEqual(textsIn(full, 'nb').map(() => ''));
      // In any order of loading: here English first.
      for (const locale of [...LOCALES].reverse()) {
        expect(addTexts(bare, locale, textsIn(full, locale))).toBe(true);
      }
      // Key order included: each text's languages in the file's order, not the loading order.
      expect(JSON.stringify(bare)).toBe(JSON.stringify(full));
      // Every text has all three languages, none empty.
      for (const locale of LOCALES) expect(textsIn(full, locale)).not.toContain('');
    });
  }

  it('refuses a list of another length, and changes nothing', () => {
    const q = { title: { nb: 'Tittel' }, areas: [{ title: { nb: 'Område' } }] };
    expect(addTexts(q, 'en', ['Title'])).toBe(false);
    expect(q).toEqual({ title: { nb: 'Tittel' }, areas: [{ title: { nb: 'Område' } }] });
    expect(addTexts(q, 'en', ['Title', 'Area'])).toBe(true);
    expect(q.areas[0]!.title).toEqual({ nb: 'Område', en: 'Area' });
  });

  it('leaves values that are not texts alone', () => {
    const q = {
      id: 'x',
      version: 2,
      roles: ['politician'],
      scale: [{ nb: 'a', nn: 'b', en: 'c' }],
    };
    expect(withoutTexts(q)).toEqual({ id: 'x', version: 2, roles: ['politician'], scale: [{}] });
    expect(textsIn(q, 'en')).toEqual(['c']);
  });
});
