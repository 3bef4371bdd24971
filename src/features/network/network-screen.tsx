import { useNetworkTranslation } from '../../i18n/network-namespace';
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { NetworkQuery, NetworkView } from '../../lib/router';
import { useAppStore } from '../../store/store-context';
import { useNetworkModel } from '../../store/network-model';
import { NetworkControls } from './network-controls';
import { OverviewView } from './overview-view';
import { ProfileView } from './profile-view';
import { AreaView } from './area-view';
import { DataView } from './data-view';
import { PrioritiesView } from './priorities-view';
import { TrendsView } from './trends-view';
import { ActionsView } from './actions-view';
import { ConsensusView } from './consensus-view';
import { ImportPanel, ImportReports } from './import-panel';
import { BackupReminder, SafekeepingPanel, useStorageSafety } from './safekeeping';
import { AnsweredView } from './answered-view';
import { LearnView } from './learn-view';

const TABS: { view: NetworkView; key: string }[] = [
  { view: 'answered', key: 'network.tabs.answered' },
  { view: 'overview', key: 'network.tabs.overview' },
  { view: 'profile', key: 'network.tabs.profile' },
  { view: 'area', key: 'network.tabs.area' },
  { view: 'priorities', key: 'network.tabs.priorities' },
  { view: 'trends', key: 'network.tabs.trends' },
  { view: 'learn', key: 'network.tabs.learn' },
  { view: 'actions', key: 'network.tabs.actions' },
  { view: 'consensus', key: 'network.tabs.consensus' },
  { view: 'data', key: 'network.tabs.data' },
];

const MUNICIPALITY_VIEWS = new Set<NetworkView>([
  'profile',
  'priorities',
  'trends',
  'actions',
  'consensus',
  'learn',
]);

export default function NetworkScreen({
  view,
  param,
  query = {},
}: {
  view: NetworkView;
  param: string | null;
  query?: NetworkQuery;
}) {
  const { t } = useNetworkTranslation();
  const ready = useAppStore((s) => s.networkReady);
  const model = useNetworkModel();
  const empty = model.all.length === 0;
  useStorageSafety(ready && !empty);

  if (!ready) return <Spinner aria-label={t('network.loading')} />;

  // The chosen municipality follows the user from one municipality view to the next.
  const carry = (target: NetworkView) =>
    param !== null && MUNICIPALITY_VIEWS.has(view) && MUNICIPALITY_VIEWS.has(target)
      ? `/${encodeURIComponent(param)}`
      : '';
  return (
    <section className="page network-page">
      <Heading level={1} data-size="lg">
        {t('network.title')}
      </Heading>
      {model.hasDemo && (
        <Alert data-color="warning" data-size="sm" className="demo-banner">
          <Paragraph>{t('network.demoBanner')}</Paragraph>
        </Alert>
      )}
      <ImportReports />
      {!empty && <BackupReminder />}
      {model.versionDifferences.map((d) => (
        <Alert key={d.version} data-color="info" data-size="sm" className="notice">
          <Paragraph>
            {t('network.versionNote', {
              count: d.responses,
              version: d.version,
              current: model.questionnaire.version,
              leftOut: d.leftOut.length,
              notAsked: d.notAsked.length,
            })}
          </Paragraph>
          {d.leftOut.length > 0 && (
            <Paragraph data-size="sm">
              {t('network.versionLeftOut')} {d.leftOut.join(', ')}
            </Paragraph>
          )}
        </Alert>
      ))}
      {empty ? (
        <>
          <Paragraph>{t('network.empty')}</Paragraph>
          <ImportPanel />
          <SafekeepingPanel hasData={false} />
        </>
      ) : (
        <>
          <nav aria-label={t('network.tabs.label')} className="tabs-nav">
            <ul>
              {TABS.map((tab) => (
                <li key={tab.view}>
                  <a
                    href={`#/network/${tab.view}${carry(tab.view)}`}
                    aria-current={view === tab.view ? 'page' : undefined}
                  >
                    {t(tab.key)}
                  </a>
                </li>
              ))}
              <li>
                <a href="#/present/1">{t('network.tabs.present')}</a>
              </li>
              <li>
                <a
                  href={`#/report${param !== null && MUNICIPALITY_VIEWS.has(view) ? `/${encodeURIComponent(param)}` : ''}`}
                >
                  {t('network.tabs.report')}
                </a>
              </li>
              <li>
                <a href="#/report/network">{t('network.tabs.networkReport')}</a>
              </li>
            </ul>
          </nav>
          {view !== 'data' && <NetworkControls model={model} />}
          {view === 'overview' && <OverviewView model={model} />}
          {view === 'profile' && <ProfileView model={model} municipality={param} />}
          {view === 'area' && <AreaView model={model} areaId={param} />}
          {view === 'priorities' && <PrioritiesView model={model} municipality={param} />}
          {view === 'trends' && (
            <TrendsView model={model} municipality={param} area={query.area ?? null} />
          )}
          {view === 'actions' && (
            <ActionsView model={model} municipality={param} area={query.area ?? null} />
          )}
          {view === 'consensus' && <ConsensusView model={model} municipality={param} />}
          {view === 'data' && <DataView model={model} />}
          {view === 'answered' && <AnsweredView model={model} />}
          {view === 'learn' && <LearnView model={model} municipality={param} />}
        </>
      )}
    </section>
  );
}
