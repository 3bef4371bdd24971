import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Translation } from 'react-i18next';
import type { AppStore } from '../store/app-store';
import { exportAllResponses } from '../features/assessment/export';
import { isNotLoaded } from '../lib/not-loaded';

interface Props {
  store: AppStore;
  children: ReactNode;
  initialError?: Error | undefined;
}

/**
 * Any crash shows a friendly page that offers the user's data and a reload; when a part of the
 * app did not arrive over the network, it says so (`initialError`: one found before rendering).
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: this.props.initialError ?? null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const notLoaded = isNotLoaded(error);
    return (
      <Translation>
        {(t) => (
          <main className="page crash" id="main">
            <Heading level={1} data-size="lg">
              {t(notLoaded ? 'crash.notLoadedTitle' : 'crash.title')}
            </Heading>
            <Paragraph>{t(notLoaded ? 'crash.notLoadedBody' : 'crash.body')}</Paragraph>
            <div className="button-row">
              <Button onClick={() => exportAllResponses(this.props.store.getState())}>
                {t('crash.download')}
              </Button>
              <Button variant="secondary" onClick={() => window.location.reload()}>
                {t('crash.reload')}
              </Button>
            </div>
          </main>
        )}
      </Translation>
    );
  }
}
