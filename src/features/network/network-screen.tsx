import { useNetworkTranslation } from '../../i18n/network-namespace';
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { NetworkQuery, NetworkView } from '../../lib/router';
import { useAppStore } from '../../store/store-context';
import { useNetworkModel } from '../../store/network-model';
import { ContextBar, JourneyNav, ShareView } from './journey';
import { OverviewView } from './overview-view';
import { ProfileView } from './profile-view';
import { AreaView } from './area-view';
import { DataView } from './data-view';
import { PrioritiesView } from './priorities-view';
import { TrendsView } from './trends-view';
import { ActionsView } from './actions-view';
import { ConsensusView } from './consensus-view';
import { ImportPanel, ImportReports } from './import-panel';
import { InvitePanel } from './invite-panel';
import { AnsweredView } from './answered-view';
import { LearnView } from './learn-view';
import { BackupReminder, SafekeepingPanel, StorageSafety } from './safekeeping';
import './network.css';
import '../../app/designsystemet-screens.css';

export { default as ResultLinkScreen } from './result-link-screen';
export { default as InviteSlide } from './invite-slide';

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

  if (!ready) return <Spinner aria-label={t('network.loading')} />;

  return (
    <section className="page network-page">
      <StorageSafety hasData={!empty} />
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
      {/* Each part keeps its place among the children whether the network is empty or not, so
          the import panel (and a scan running in it) stays put when the first result arrives. */}
      {empty && <Paragraph>{t('network.empty')}</Paragraph>}
      {!empty && (
        <>
          <JourneyNav view={view} param={param} />
          <ContextBar model={model} />
        </>
      )}
      {(empty || view === 'data') && (
        <>
          <ImportPanel />
          <InvitePanel />
          <SafekeepingPanel hasData={!empty} />
        </>
      )}
      {!empty && (
        <>
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
          {view === 'share' && <ShareView municipality={param} />}
        </>
      )}
    </section>
  );
}
