import { describe, expect, it } from 'vitest';
import { createI18n } from './i18n';
import { ALL_COMMON } from './all-languages';
import { registerNamespace } from './namespaces';
import { shareBundles } from './share-namespace';
import type { Locale } from '../domain/core/types';

function t(language: Locale) {
  const i18n = createI18n(language, ALL_COMMON);
  registerNamespace(i18n, 'share', shareBundles);
  return i18n.getFixedT(language, 'share');
}

describe('share texts with a count', () => {
  it.each([
    ['nb', 1, 'Har lest 1 av 1 kode.', '1 resultat lest'],
    ['nb', 5, 'Har lest 1 av 5 koder.', '5 resultater lest'],
    ['nn', 1, 'Har lese 1 av 1 kode.', '1 resultat lese'],
    ['nn', 5, 'Har lese 1 av 5 kodar.', '5 resultat lese'],
    ['en', 1, 'Read 1 of 1 code.', '1 result read'],
    ['en', 5, 'Read 1 of 5 codes.', '5 results read'],
  ] as const)('%s, %i', (language, count, progress, read) => {
    const tr = t(language);
    expect(tr('share.scanner.progress', { have: 1, count })).toBe(progress);
    expect(tr('share.scanner.read', { count })).toBe(read);
  });
});
