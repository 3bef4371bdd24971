import { lazy, Suspense, useEffect, useRef } from 'react';
import { Spinner } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { useRoute, type Route } from '../lib/router';
import { AppHeader } from './app-header';
import { StatusNotices } from './status-notices';
import { StartScreen } from '../features/assessment/start-screen';

// The delegation's screens after the start page load on demand too, so the first screen carries
// the start page alone; preloadDelegateScreens fetches them once it is up, so "Start" never waits.
const delegateScreens = {
  invite: () => import('../features/assessment/invited-start'),
  assessment: () => import('../features/assessment/assessment-screen'),
  review: () => import('../features/assessment/review-screen'),
  results: () => import('../features/results/results-screen'),
  accessibility: () => import('../features/about/accessibility-screen'),
  notFound: () => import('./not-found-screen'),
};
const InvitedStart = lazy(delegateScreens.invite);
const AssessmentScreen = lazy(() =>
  delegateScreens.assessment().then((m) => ({ default: m.AssessmentScreen })),
);
const ReviewScreen = lazy(() =>
  delegateScreens.review().then((m) => ({ default: m.ReviewScreen })),
);
const ResultsScreen = lazy(() =>
  delegateScreens.results().then((m) => ({ default: m.ResultsScreen })),
);
const AccessibilityScreen = lazy(() =>
  delegateScreens.accessibility().then((m) => ({ default: m.AccessibilityScreen })),
);
const NotFoundScreen = lazy(() =>
  delegateScreens.notFound().then((m) => ({ default: m.NotFoundScreen })),
);

/** Fetches the delegation's other screens ahead of need (main.tsx): one file, in fact. */
export function preloadDelegateScreens(): void {
  // A screen that cannot load now (offline, not cached yet) is tried again when it is opened.
  for (const load of Object.values(delegateScreens)) load().catch(() => undefined);
}

// The facilitator's screens load on demand: the delegation's first screen never waits for them.
const NetworkScreen = lazy(() => import('../features/network/network-screen'));
const PresentScreen = lazy(() => import('../features/present/present-screen'));
const ReportScreen = lazy(() => import('../features/report/report-screen'));
// A result link and the invite slide are the facilitator's too: they come with the network chunk.
const ResultLinkScreen = lazy(() =>
  import('../features/network/network-screen').then((m) => ({ default: m.ResultLinkScreen })),
);
const InviteSlide = lazy(() =>
  import('../features/network/network-screen').then((m) => ({ default: m.InviteSlide })),
);

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
    case 'network':
      return <NetworkScreen view={route.view} param={route.param} query={route.query ?? {}} />;
    case 'present':
      return null;
    case 'report':
      return <ReportScreen param={route.param} />;
    case 'resultLink':
      return <ResultLinkScreen payload={route.payload} />;
    case 'invite':
      return <InvitedStart key={route.query} query={route.query} />;
    case 'inviteSlide':
      return null;
    case 'notFound':
      return <NotFoundScreen />;
  }
}

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  const mainRef = useRef<HTMLElement>(null);
  const routeKey =
    route.name === 'assessment'
      ? `assessment/${route.areaId ?? ''}`
      : route.name === 'network'
        ? `network/${route.view}`
        : route.name;
  const first = useRef(true);

  // Move focus to the new page's heading when the route changes, so screen readers announce it.
  // A screen that is still loading has no heading yet: focus it when it appears.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    const main = mainRef.current;
    if (!main) return;
    const focusHeading = () => {
      const heading = main.querySelector<HTMLElement>('h1');
      if (!heading) return false;
      heading.tabIndex = -1;
      heading.focus();
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(main, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [routeKey]);

  if (route.name === 'present' || route.name === 'inviteSlide') {
    // The projector gets the whole screen: no header, no footer.
    return (
      <Suspense fallback={<Spinner aria-label={t('app.loading')} />}>
        {route.name === 'present' ? (
          <PresentScreen slide={route.slide} />
        ) : (
          <InviteSlide query={route.query} />
        )}
      </Suspense>
    );
  }

  return (
    // The network's views are the facilitator's, often on a projector: the full width there.
    <div className={route.name === 'network' ? 'app app-wide' : 'app'}>
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
        {/* A boundary per screen: the one left is removed at once, not kept hidden while the
            next one loads, so the heading focused above is always the new screen's. */}
        <Suspense key={route.name} fallback={<Spinner aria-label={t('app.loading')} />}>
          <Screen route={route} />
        </Suspense>
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
