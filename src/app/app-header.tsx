import { useTranslation } from 'react-i18next';
import type { Route } from '../lib/router';
import { useAppStore } from '../store/store-context';
import { LanguageSwitcher } from './language-switcher';

export function AppHeader({ route }: { route: Route }) {
  const { t } = useTranslation();
  const hasActive = useAppStore((s) => s.activeResponseId !== null);
  const links: { href: string; label: string; current: boolean; show: boolean }[] = [
    { href: '#/', label: t('nav.start'), current: route.name === 'start', show: true },
    {
      href: '#/assessment',
      label: t('nav.assessment'),
      current: route.name === 'assessment' || route.name === 'review',
      show: hasActive,
    },
    {
      href: '#/results',
      label: t('nav.results'),
      current: route.name === 'results',
      show: hasActive,
    },
    { href: '#/network', label: t('nav.network'), current: route.name === 'network', show: true },
  ];
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <a className="app-brand" href="#/">
          <img src="icon.svg" alt="" width="32" height="32" />
          <span>{t('app.name')}</span>
        </a>
        <nav aria-label={t('nav.label')} className="app-nav">
          <ul>
            {links
              .filter((l) => l.show)
              .map((l) => (
                <li key={l.href}>
                  <a href={l.href} aria-current={l.current ? 'page' : undefined}>
                    {l.label}
                  </a>
                </li>
              ))}
          </ul>
        </nav>
        <LanguageSwitcher />
      </div>
    </header>
  );
}
