import type { ReactNode } from 'react';
import { Button, Heading, Spinner } from '@digdir/designsystemet-react';
import { ColumnHeads } from '../../ui/data-table';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useChosenGatheringText, useGatheringText } from '../../i18n/gathering-text';
import { sameGathering } from '../../domain/core/gatherings';
import { areaRanking } from '../../domain/comparison/network-statistics';
import { heatmapView } from '../../domain/comparison/view-models';
import { localize, shortTitle } from '../../domain/questionnaire/localize';
import { improvementAreas } from '../../domain/priorities/priorities';
import { municipalityTrends, priorityInputs } from '../../domain/priorities/view-models';
import { ROLES } from '../../domain/core/types';
import { formatDate, formatScore } from '../../i18n/format';
import { Heatmap } from '../../charts/heatmap';
import { useNetworkModel, type NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { reasonText } from '../../i18n/reason-text';
import { visibleAction } from '../../domain/priorities/comments';
import { useFreeTextView } from '../../store/free-text';
import { HiddenText } from '../../ui/hidden-text';
import { MessagePage } from '../../ui/message-page';
import './report.css';
import '../../app/designsystemet-screens.css';

const ARROW = { up: '▲', down: '▼', flat: '▶' } as const;

/** One printable A4 page: a municipality's report for its council, or the network report. */
export default function ReportScreen({ param }: { param: string | null }) {
  const { t } = useNetworkTranslation();
  const ready = useAppStore((s) => s.networkReady);
  const model = useNetworkModel();
  if (!ready) return <Spinner aria-label={t('network.loading')} />;
  if (model.current.length === 0) {
    return (
      <MessagePage
        title={t('report.title')}
        body={t('network.empty')}
        link={{ href: '#/network', label: t('report.back') }}
      />
    );
  }
  return param === 'network' ? (
    <NetworkReport model={model} />
  ) : (
    <MunicipalityReport model={model} number={param} />
  );
}

function ReportActions() {
  const { t } = useNetworkTranslation();
  return (
    <div className="button-row report-buttons">
      <Button onClick={() => window.print()}>{t('report.print')}</Button>
      <a href="#/network">{t('report.back')}</a>
    </div>
  );
}

function MunicipalityReport({ model, number }: { model: NetworkModel; number: string | null }) {
  const { t } = useNetworkTranslation();
  const roundText = useGatheringText(model.showPeriod);
  const language = useAppStore((s) => s.language);
  const q = model.questionnaire;
  const agg =
    model.current.find((a) => a.municipality.number === number) ??
    model.current.find((a) => a.municipality.number === model.viewer) ??
    model.current[0]!;
  const name = useMunicipalityName(model.letters);
  const view = useFreeTextView(model);
  const fmt = (v: number | null) => (v === null ? '–' : formatScore(v, language));
  const gathering = { period: agg.period, round: agg.round };
  const round = roundText(gathering);

  const trends = new Map(
    municipalityTrends(model, agg.municipality.number, gathering).map((tr) => [tr.areaId, tr]),
  );
  const stats = new Map(model.stats.map((s) => [s.areaId, s]));
  const ranked = improvementAreas(
    priorityInputs(agg, model.stats),
    q.areas.map((a) => a.id),
  ).slice(0, 3);
  const actions = model.actions
    .filter((a) => a.municipality.number === agg.municipality.number && a.status !== 'dropped')
    .sort((a, b) => a.areaId.localeCompare(b.areaId))
    // Texts as the one free-text rule allows: hidden with the names or by the facilitator.
    .map((a) => visibleAction(a, view));
  const byRole = ROLES.filter((r) => agg.respondentsByRole[r] > 0)
    .map(
      (r) =>
        `${agg.respondentsByRole[r]} ${t(`report.roles.${r}`, { count: agg.respondentsByRole[r] })}`,
    )
    .join(', ');
  const areaTitle = (id: string) => localize(q.areas.find((a) => a.id === id)!.title, language);

  return (
    <article className="report" aria-labelledby="report-heading">
      <ReportActions />
      <header className="report-header">
        <p className="report-kicker">{t('report.kicker')}</p>
        <Heading level={1} data-size="lg" id="report-heading">
          {t('report.municipalityTitle', { name: name(agg.municipality), round })}
        </Heading>
        <p>
          {t('report.respondents', { count: agg.respondents })}: {byRole}.{' '}
          {model.source === 'agreed' && model.agreedIn.has(agg.municipality.number)
            ? t('report.showsAgreed')
            : t('report.showsMean')}
        </p>
        {agg.demo && <p className="report-demo">{t('network.demoBanner')}</p>}
      </header>

      <ReportSection id="report-scores" title={t('report.scoresTitle')}>
        <div className="table-scroll">
          <table className="report-table">
            <caption className="visually-hidden">{t('report.scoresTitle')}</caption>
            <ColumnHeads
              columns={[
                { label: t('report.area') },
                { label: t('report.score'), numeric: true },
                { label: t('network.median'), numeric: true },
                { label: t('report.band'), numeric: true },
                { label: t('report.position') },
                { label: t('report.change') },
              ]}
            />
            <tbody>
              {agg.areas.map((a) => {
                const s = stats.get(a.areaId);
                const latest = trends
                  .get(a.areaId)
                  ?.points.find((p) => sameGathering(p.gathering, gathering));
                const delta = latest?.delta ?? null;
                return (
                  <tr key={a.areaId}>
                    <th scope="row">{areaTitle(a.areaId)}</th>
                    <td className="num">{fmt(a.mean)}</td>
                    <td className="num">{fmt(s?.median ?? null)}</td>
                    <td className="num">
                      {fmt(s?.min ?? null)}–{fmt(s?.max ?? null)}
                    </td>
                    <td>
                      <BandStrip
                        value={a.mean}
                        min={s?.min ?? null}
                        max={s?.max ?? null}
                        median={s?.median ?? null}
                      />
                    </td>
                    <td>
                      {delta === null || !latest?.direction
                        ? '–'
                        : `${ARROW[latest.direction]} ${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatScore(Math.abs(delta), language)}`}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <p className="report-note">{t('report.stripNote')}</p>
      </ReportSection>

      <ReportSection
        id="report-priorities"
        title={t('report.prioritiesTitle')}
        empty={ranked.length === 0 && t('priorities.none')}
      >
        <ol>
          {ranked.map((r) => (
            <li key={r.areaId}>
              <strong>{areaTitle(r.areaId)}</strong>:{' '}
              {r.reasons.map((reason) => reasonText(reason, t, language)).join('; ')}.
            </li>
          ))}
        </ol>
      </ReportSection>

      <ReportSection
        id="report-actions"
        title={t('report.actionsTitle')}
        empty={actions.length === 0 && t('actions.none')}
      >
        <ul>
          {actions.map(({ action: a, text }) => (
            <li key={a.id}>
              {text === 'shown' ? <strong>{a.title}</strong> : <HiddenText reason={text} />} (
              {t(`actions.status.${a.status}`)}
              {a.owner ? `, ${t('actions.owner').toLowerCase()}: ${a.owner}` : ''}
              {a.dueDate
                ? `, ${t('actions.dueDate').toLowerCase()}: ${formatDate(a.dueDate, language)}`
                : ''}
              ) –{' '}
              {shortTitle(
                q.areas.find((x) => x.id === a.areaId) ?? {
                  title: { nb: a.areaId, nn: a.areaId, en: a.areaId },
                },
                language,
              )}
            </li>
          ))}
        </ul>
      </ReportSection>
      <ReportFooter />
    </article>
  );
}

/**
 * A section of the printed report, named by its heading (plain HTML, for print), with the text
 * for an empty list in its place when `empty` is given.
 */
function ReportSection({
  id,
  title,
  empty,
  children,
}: {
  id: string;
  title: string;
  empty?: string | false;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {empty ? <p>{empty}</p> : children}
    </section>
  );
}

/** The foot of a printed report: the day it was made. */
function ReportFooter() {
  const { t } = useNetworkTranslation();
  const language = useAppStore((s) => s.language);
  return (
    <footer className="report-footer">
      {t('report.footer', { date: formatDate(new Date().toISOString(), language) })}
    </footer>
  );
}

/** A black-and-white strip: the band as a grey bar, the median as a line, the score as a black diamond. */
function BandStrip({
  value,
  min,
  max,
  median,
}: {
  value: number | null;
  min: number | null;
  max: number | null;
  median: number | null;
}) {
  return (
    <svg
      className="band-strip"
      viewBox="0 0 100 12"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect x="0" y="5" width="100" height="2" fill="#ddd" />
      {min !== null && max !== null && (
        <rect x={min} y="3" width={Math.max(max - min, 0.5)} height="6" fill="#999" />
      )}
      {median !== null && <rect x={median - 0.4} y="1" width="0.8" height="10" fill="#000" />}
      {value !== null && (
        <path
          d={`M${value} 1 L${value + 3} 6 L${value} 11 L${value - 3} 6 Z`}
          fill="#000"
          stroke="#fff"
          strokeWidth="0.5"
        />
      )}
    </svg>
  );
}

function NetworkReport({ model }: { model: NetworkModel }) {
  const { t } = useNetworkTranslation();
  const roundText = useChosenGatheringText(model);
  const language = useAppStore((s) => s.language);
  const q = model.questionnaire;
  const fmt = (v: number) => formatScore(v, language);
  const name = useMunicipalityName(model.letters);
  const rows = heatmapView(model, name, t('network.median'));
  return (
    <article className="report report-network" aria-labelledby="report-heading">
      <ReportActions />
      <header className="report-header">
        <p className="report-kicker">{t('report.kicker')}</p>
        <Heading level={1} data-size="lg" id="report-heading">
          {t('report.networkTitle', { round: roundText })}
        </Heading>
        <p>{model.anonymised ? t('report.anonymised') : t('report.named')}</p>
        {model.hasDemo && <p className="report-demo">{t('network.demoBanner')}</p>}
      </header>
      <Heatmap
        caption={t('network.heatmapCaption', { round: roundText })}
        rowHeader={t('network.municipality')}
        columns={q.areas.map((a) => ({ key: a.id, label: shortTitle(a, language) }))}
        rows={rows}
        formatValue={fmt}
        emptyLabel={t('network.noScore')}
        flagLabel={t('network.disagreement')}
      />
      <h2>{t('report.rankingsTitle')}</h2>
      <div className="report-rankings">
        {q.areas.map((a) => (
          <section key={a.id} aria-label={shortTitle(a, language)}>
            <h3>{shortTitle(a, language)}</h3>
            <ol>
              {areaRanking(a.id, model.current).map((r) => (
                <li key={r.municipality.number}>
                  {name(r.municipality)} {r.mean === null ? '–' : fmt(r.mean)}
                </li>
              ))}
            </ol>
          </section>
        ))}
      </div>
      <ReportFooter />
    </article>
  );
}
