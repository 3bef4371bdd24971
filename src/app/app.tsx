import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute, type Route } from './router';
import { AppHeader } from './app-header';
import { StatusNotices } from './status-notices';
import { StartScreen } from '../features/assessment/start-screen';
import { AssessmentScreen } from '../features/assessment/assessment-screen';
import { ReviewScreen } from '../features/assessment/review-screen';
import { ResultsScreen } from '../features/results/results-screen';
import { AccessibilityScreen } from '../features/about/accessibility-screen';
import { NotFoundScreen } from './not-found-screen';

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'start':
      return <StartScreen />;
    case 'assessment':
      return <AssessmentScreen areaId={route.areaId} />;
    case 'review':
      return <ReviewScreen />;
    case 'results':
      return <ResultsScreen />;
    case 'accessibility':
      return <AccessibilityScreen />;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const routeKey = route.name === 'assessment' ? `assessment/${route.areaId ?? ''}` : route.name;
  const first = useRef(true);

  // Move focus to the new page's heading when the route changes, so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    window.scrollTo(0, 0);
  }, [routeKey]);

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {t('app.skipToContent')}
      </a>
      <AppHeader route={route} />
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <StatusNotices />
        <Screen route={route} />
      </main>
      <footer className="app-footer">
        <p>
          {t('app.footer', { version: __APP_VERSION__ })}{' '}
          <a href="#/accessibility">{t('app.accessibilityStatement')}</a>
        </p>
      </footer>
    </div>
  );
}
