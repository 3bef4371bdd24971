import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { Translation } from 'react-i18next';
import type { AppStore } from '../store/app-store';
import { exportAllResponses } from '../features/assessment/export';

interface Props {
  store: AppStore;
  children: ReactNode;
}

/** Any crash shows a friendly page that offers the user's data and a reload. */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <main className="page crash" id="main">
            <Heading level={1} data-size="lg">
              {t('crash.title')}
            </Heading>
            <Paragraph>{t('crash.body')}</Paragraph>
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
