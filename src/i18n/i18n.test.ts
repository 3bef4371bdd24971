import { describe, expect, it } from 'vitest';
import { createI18n, languageFromUrl, loadLanguage } from './i18n';
import { ALL_COMMON } from './all-languages';

describe('createI18n and loadLanguage', () => {
  it('starts with bokmål only, and loads nynorsk and English when asked', async () => {
    const i18n = createI18n('nb');
    expect(i18n.hasResourceBundle('nb', 'common')).toBe(true);
    expect(i18n.hasResourceBundle('nn', 'common')).toBe(false);
    expect(i18n.hasResourceBundle('en', 'common')).toBe(false);

    expect(i18n.t('app.skipToContent')).toBe('Gå til hovedinnholdet');

    await loadLanguage(i18n, 'nn');
    await i18n.changeLanguage('nn');
    expect(i18n.t('app.skipToContent')).toBe('Gå til hovudinnhaldet');

    await loadLanguage(i18n, 'en');
    await i18n.changeLanguage('en');
    expect(i18n.t('app.skipToContent')).toBe(ALL_COMMON.en.app.skipToContent);
    expect(i18n.t('app.skipToContent')).not.toBe('Gå til hovedinnholdet');
  });

  it('loading a language twice keeps one bundle', async () => {
    const i18n = createI18n('nb');
    await loadLanguage(i18n, 'nb');
    await loadLanguage(i18n, 'nn');
    await loadLanguage(i18n, 'nn');
    expect(i18n.getResourceBundle('nn', 'common')).toEqual(ALL_COMMON.nn);
  });

  it('reads ?lang= from the address, and ignores what is not a language', () => {
    expect(languageFromUrl('?lang=nn')).toBe('nn');
    expect(languageFromUrl('?lang=de')).toBeNull();
    expect(languageFromUrl('')).toBeNull();
  });
});
