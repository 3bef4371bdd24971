import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOCALES } from '../core/types';
import { addTexts, textsIn, withTextsIn } from './texts';

const file = (name: string): unknown =>
  JSON.parse(
    readFileSync(
      path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../questionnaires', name),
      'utf8',
    ),
  );

describe('a questionnaire split by language', () => {
  for (const name of ['god-vertskommune/v1.json', 'god-vertskommune/v2.json']) {
    it(`${name}: bokmål alone, plus the other languages' lists, gives the file back`, () => {
      const full = file(name);
      const nb = withTextsIn(full, 'nb');
      expect(JSON.stringify(nb)).not.toContain('"nn"');
      expect(JSON.stringify(nb)).not.toContain('"en"');
      expect(textsIn(nb, 'nb')).toEqual(textsIn(full, 'nb'));
      for (const locale of LOCALES.filter((l) => l !== 'nb')) {
        expect(addTexts(nb, locale, textsIn(full, locale))).toBe(true);
      }
      expect(nb).toEqual(full);
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
    expect(withTextsIn(q, 'nn')).toEqual({
      id: 'x',
      version: 2,
      roles: ['politician'],
      scale: [{ nn: 'b' }],
    });
    expect(textsIn(q, 'en')).toEqual(['c']);
  });
});
