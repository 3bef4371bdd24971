import { useTranslation } from 'react-i18next';
import { LOCALES, type Locale } from '../domain/core/types';
import { useAppStore } from '../store/store-context';

const NAMES: Record<Locale, string> = { nb: 'Bokmål', nn: 'Nynorsk', en: 'English' };

/** Language names are written in their own language, with a matching lang attribute. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const language = useAppStore((s) => s.language);
  const setLanguage = useAppStore((s) => s.setLanguage);
  return (
    <div role="group" aria-label={t('language.label')} className="language-switcher">
      {LOCALES.map((locale) => (
        <button
          key={locale}
          type="button"
          lang={locale === 'en' ? 'en' : locale}
          aria-pressed={language === locale}
          onClick={() => setLanguage(locale)}
          className="language-button"
        >
          {NAMES[locale]}
        </button>
      ))}
    </div>
  );
}
