import { lazy, Suspense, useMemo } from 'react';
import { useDelegateTranslation } from '../../i18n/delegate-namespace';
import { Button, Card, Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { Section } from '../../ui/section';
import { DataTable } from '../../ui/data-table';
import { navigate } from '../../lib/router';
import { LazyAreaScoreChart } from '../../charts/lazy';
import type { BarDatum } from '../../charts/types';
import { localize, shortTitle } from '../../domain/questionnaire/localize';
import {
  mostImportant,
  strongestAndWeakest,
  type StrongestAndWeakest,
} from '../../domain/scoring/scoring';
import { formatDate, formatPercent, formatScore } from '../../i18n/format';
import { useAppStore } from '../../store/store-context';
import { useActiveResponse } from '../../store/selectors';
import { useResponseScore } from '../../store/score-selectors';
import { MessagePage } from '../../ui/message-page';
import './results.css';
import '../../app/designsystemet-screens.css';

// Sending loads when a submitted response is shown: the link code and its texts stay off the
// first screen.
const SendResult = lazy(() => import('./send-result'));

export function ResultsScreen() {
  const { t } = useDelegateTranslation();
  const language = useAppStore((s) => s.language);
  const active = useActiveResponse();
  const score = useResponseScore(active);

  const titles = useMemo(
    () =>
      new Map(active?.questionnaire.areas.map((a) => [a.id, localize(a.title, language)]) ?? []),
    [active, language],
  );
  const series: BarDatum[] = useMemo(
    () =>
      score?.areas.map((a) => ({
        key: a.areaId,
        label: shortTitle(
          active?.questionnaire.areas.find((x) => x.id === a.areaId) ?? {
            title: { nb: a.areaId, nn: a.areaId, en: a.areaId },
          },
          language,
        ),
        value: a.score,
      })) ?? [],
    [score, active, language],
  );

  if (!active || !score) {
    return (
      <MessagePage
        title={t('results.title')}
        body={t('noActive.body')}
        link={{ href: '#/', label: t('noActive.toStart') }}
      />
    );
  }

  const { response } = active;
  const ranking = strongestAndWeakest(score.areas);
  const important = mostImportant(score.areas);
  const fmt = (v: number) => formatScore(v, language);
  const title = (id: string) => titles.get(id) ?? id;

  return (
    <section className="page results-page">
      <p className="eyebrow">
        {t(`roles.${response.respondent.role}`)} ·{' '}
        {t('start.gatheringRound', { round: response.gathering.round })} ·{' '}
        {formatDate(response.gathering.date, language)}
      </p>
      <Heading level={1} data-size="lg">
        {t('results.titleFor', { name: response.municipality.name })}
      </Heading>

      <div className="key-figures">
        {(
          [
            ['overall', score.overall === null ? '–' : fmt(score.overall)],
            ['coverage', score.coverage === null ? '–' : formatPercent(score.coverage, language)],
            [
              'answered',
              t('results.answeredValue', { answered: score.answered, total: score.total }),
            ],
          ] as const
        ).map(([figure, value]) => (
          <Card key={figure} className="key-figure">
            <span className="key-figure-label">{t(`results.${figure}`)}</span>
            <span className="key-figure-value">{value}</span>
            <span className="key-figure-note">{t(`results.${figure}Note`)}</span>
          </Card>
        ))}
      </div>

      <Section id="chart-heading" title={t('results.chartTitle')}>
        <Suspense fallback={<Spinner aria-label={t('chart.loading')} />}>
          <LazyAreaScoreChart
            data={series}
            label={t('results.chartAlt')}
            formatValue={fmt}
            downloadName={t('chart.names.results', {
              name: response.municipality.name,
              round: response.gathering.round,
            })}
          />
        </Suspense>
        <DataTable
          caption={t('results.tableCaption')}
          className="score-table"
          columns={[
            { label: t('columns.area') },
            { label: t('columns.score'), numeric: true },
            { label: t('results.coverage'), numeric: true },
            { label: t('columns.importance'), numeric: true },
          ]}
        >
          {score.areas.map((a) => (
            <Table.Row key={a.areaId}>
              <Table.HeaderCell scope="row">{title(a.areaId)}</Table.HeaderCell>
              <Table.Cell className="num">
                {a.score === null ? t('results.noScore') : fmt(a.score)}
              </Table.Cell>
              <Table.Cell className="num">
                {a.coverage === null ? '–' : formatPercent(a.coverage, language)}
              </Table.Cell>
              <Table.Cell className="num">{a.importance ?? '–'}</Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      </Section>

      <div className="results-lists">
        {ranking.allEqual ? (
          <Section
            id="strongest-weakest-heading"
            size="sm"
            title={t('results.strongestAndWeakest')}
          >
            <Paragraph>
              {t('results.allEqual', {
                count: ranking.allEqual.count,
                score: fmt(ranking.allEqual.score),
              })}
            </Paragraph>
          </Section>
        ) : (
          (['strongest', 'weakest'] as const).map((end) => (
            <RankSection key={end} end={end} ranking={ranking} title={title} fmt={fmt} />
          ))
        )}
        <Section
          id="important-heading"
          size="sm"
          title={t('results.mostImportant')}
          empty={important.length === 0 && t('results.noImportance')}
        >
          <ol>
            {important.map((a) => (
              <li key={a.areaId}>
                {title(a.areaId)}: {t('results.importanceValue', { level: a.importance })}
              </li>
            ))}
          </ol>
        </Section>
      </div>

      {response.submittedAt && (
        <Suspense fallback={<Spinner aria-label={t('app.loading')} />}>
          <SendResult response={response} />
        </Suspense>
      )}

      <div className="button-row">
        <Button variant="secondary" onClick={() => navigate({ name: 'assessment', areaId: null })}>
          {t('results.backToQuestions')}
        </Button>
        <Button variant="secondary" onClick={() => navigate({ name: 'start' })}>
          {t('results.toStart')}
        </Button>
      </div>
    </section>
  );
}

/** Said when the first place itself is shared by too many to list. */
const FIRST_PLACE_TIED = { strongest: 'results.tiedTop', weakest: 'results.tiedBottom' } as const;

/**
 * The strongest or the weakest areas as a numbered list. Tied areas share a number (the list's
 * own marker, from `value`) and say so in words; a tie too large to list is told in a sentence.
 */
function RankSection({
  end,
  ranking,
  title,
  fmt,
}: {
  end: 'strongest' | 'weakest';
  ranking: StrongestAndWeakest;
  title: (areaId: string) => string;
  fmt: (score: number) => string;
}) {
  const { t } = useDelegateTranslation();
  const list = ranking[end];
  const leftOut = ranking[`${end}LeftOut`];
  return (
    <Section id={`${end}-heading`} size="sm" title={t(`results.${end}`)}>
      {list.length > 0 && (
        <ol>
          {list.map((a) => (
            <li key={a.areaId} value={a.rank}>
              {title(a.areaId)}: <strong>{fmt(a.score)}</strong>
              {a.tied && ` (${t('results.sharedRank', { rank: a.rank })})`}
            </li>
          ))}
        </ol>
      )}
      {leftOut ? (
        <Paragraph data-size="sm">
          {list.length === 0
            ? t(FIRST_PLACE_TIED[end], { count: leftOut.count, score: fmt(leftOut.score) })
            : t('results.tiedNext', {
                count: leftOut.count,
                rank: leftOut.rank,
                score: fmt(leftOut.score),
              })}
        </Paragraph>
      ) : (
        list.length === 0 && <Paragraph>{t('results.tooFew')}</Paragraph>
      )}
    </Section>
  );
}
