import { useEffect, useState } from 'react';
import { Alert, Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { summarizeResult, type LinkSummary } from '../../domain/files/result-link-read';
import { formatDate } from '../../i18n/format';
import { useNetworkTranslation } from '../../i18n/network-namespace';
import { useShareTranslation } from '../../i18n/share-namespace';
import { readResultPayload } from '../../lib/result-link-read';
import { navigate } from '../../lib/router';
import { selectKnownQuestionnaires } from '../../store/selectors';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { importSources, type ImportSource } from './import-files';
import '../../ui/links.css';

type State =
  | { kind: 'checking' }
  | { kind: 'ok'; summary: LinkSummary }
  | { kind: 'error'; code: string }
  | { kind: 'importing' };

/**
 * A result link opened in the browser (#/r/<payload>): what it holds (municipality, role,
 * gathering, number of answers), checked as a file is, and imported only when the user says so.
 */
export default function ResultLinkScreen({ payload }: { payload: string }) {
  const { t } = useShareTranslation();
  const { t: tn } = useNetworkTranslation();
  const store = useAppStoreApi();
  const language = useAppStore((s) => s.language);
  const ready = useAppStore((s) => s.networkReady);
  const setLastImport = useAppStore((s) => s.setLastImport);
  const [state, setState] = useState<State>({ kind: 'checking' });

  useEffect(() => {
    let current = true;
    const options = {
      knownQuestionnaires: selectKnownQuestionnaires(store.getState()),
      now: new Date().toISOString(),
    };
    void readResultPayload(payload, options).then((result) => {
      if (!current) return;
      const summary = result.ok ? summarizeResult(result) : null;
      if (summary) setState({ kind: 'ok', summary });
      else setState({ kind: 'error', code: result.ok ? 'notResult' : result.error.code });
    });
    return () => {
      current = false;
    };
  }, [payload, store]);

  async function importIt() {
    setState({ kind: 'importing' });
    const source: ImportSource = {
      fileName: t('share.open.sourceName'),
      check: (options) => readResultPayload(payload, options),
    };
    setLastImport(await importSources([source], store, () => undefined));
    navigate({ name: 'network', view: 'overview', param: null });
  }

  return (
    <section className="page result-link-page">
      <Heading level={1} data-size="lg">
        {t('share.open.title')}
      </Heading>
      {(state.kind === 'checking' || state.kind === 'importing') && (
        <Spinner aria-label={t('share.open.checking')} />
      )}
      {state.kind === 'error' && (
        <Alert data-color="danger">
          <Paragraph>
            {tn(`import.errors.${state.code}`)} {t('share.open.nothingChanged')}
          </Paragraph>
        </Alert>
      )}
      {state.kind === 'ok' && (
        <>
          <Paragraph>{t('share.open.intro')}</Paragraph>
          <dl className="link-summary" data-testid="link-summary">
            <dt>{t('share.open.municipality')}</dt>
            <dd>
              {state.summary.municipality.name} ({state.summary.municipality.number})
            </dd>
            <dt>{t('share.open.role')}</dt>
            <dd>
              {state.summary.role ? t(`roles.${state.summary.role}`) : t('share.open.agreed')}
            </dd>
            <dt>{t('share.open.gathering')}</dt>
            <dd>
              {t('start.gatheringRound', { round: state.summary.gathering.round })}
              {state.summary.gathering.date &&
                `, ${formatDate(state.summary.gathering.date, language)}`}
            </dd>
            <dt>{t('share.open.answers')}</dt>
            <dd>
              {t('share.open.answerCount', {
                count: state.summary.answers,
                comments: state.summary.comments,
              })}
            </dd>
          </dl>
          <Paragraph data-size="sm">{t('share.open.explain')}</Paragraph>
        </>
      )}
      <div className="button-row">
        {state.kind === 'ok' && (
          <Button disabled={!ready} onClick={() => void importIt()}>
            {t('share.open.import')}
          </Button>
        )}
        <Button
          variant="secondary"
          onClick={() => navigate({ name: 'network', view: 'overview', param: null })}
        >
          {state.kind === 'ok' ? t('share.open.cancel') : t('share.open.toNetwork')}
        </Button>
      </div>
    </section>
  );
}
