import { Suspense } from 'react';
import { Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/fields';
import { areaChoices, gatheringColumns } from './choices';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { localize } from '../../domain/questionnaire/localize';
import type { TFunction } from 'i18next';
import { trendChartSeries, type Direction, type TrendPoint } from '../../domain/priorities/trends';
import type { Locale } from '../../domain/core/types';
import { municipalityTrends } from '../../domain/priorities/view-models';
import { formatScore } from '../../i18n/format';
import { navigate } from '../../lib/router';
import { LazyTrendChart } from '../../charts/lazy';
import { useAppStore } from '../../store/store-context';
import {
  chooseMunicipality,
  MunicipalitySection,
  type MunicipalityViewProps,
} from './municipality-picker';
import { useGatheringText } from '../../i18n/gathering-text';
import { keyOfGathering, parseGatheringKey } from '../../domain/core/gatherings';

const ARROW = { up: '▲', down: '▼', flat: '▶' } as const;

/** A change in score in words, with an arrow and a sign (never colour alone). */
export function changeText(
  t: TFunction,
  language: Locale,
  delta: number | null,
  direction: Direction | null,
): string {
  if (delta === null || direction === null) return t('trends.noChange');
  if (direction === 'flat') return `${ARROW.flat} ${t('trends.direction.flat')}`;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${ARROW[direction]} ${sign}${formatScore(Math.abs(delta), language)} ${t(`trends.direction.${direction}`)}`;
}

/**
 * Per area, the score at each gathering and the change since the last, with the network median.
 * `area` (from the route's query) is the area the chart shows first.
 */
export function TrendsView({
  model,
  municipality,
  area: areaParam,
}: MunicipalityViewProps & { area: string | null }) {
  const { t } = useNetworkTranslation();
  const roundText = useGatheringText(model.showPeriod);
  const name = useMunicipalityName(model.letters);
  const language = useAppStore((s) => s.language);
  const q = model.questionnaire;
  const { chosen } = chooseMunicipality(model, municipality, false);
  if (!chosen) return <Paragraph>{t('network.noData')}</Paragraph>;
  const label = name(chosen);
  const fmt = (v: number | null) => (v === null ? '–' : formatScore(v, language));

  const trends = municipalityTrends(model, chosen.number);
  const focus = trends.find((tr) => tr.areaId === areaParam) ?? trends[0]!;
  const focusTitle = localize(q.areas.find((a) => a.id === focus.areaId)!.title, language);

  const change = (p: TrendPoint | null) =>
    changeText(t, language, p?.delta ?? null, p?.direction ?? null);

  return (
    <MunicipalitySection
      model={model}
      view="trends"
      choices={model.municipalities}
      chosen={chosen}
      title={t('trends.title', { name: label })}
    >
      <DataTable
        caption={t('trends.caption', { name: label })}
        columns={[
          { label: t('columns.area') },
          ...gatheringColumns(model.gatherings, (g) =>
            t('start.gatheringRound', { round: roundText(g) }),
          ),
          { label: t('trends.change') },
          { label: t('trends.vsMedian'), numeric: true },
        ]}
      >
        {trends.map((tr) => (
          <Table.Row key={tr.areaId}>
            <Table.HeaderCell scope="row">
              {localize(q.areas.find((a) => a.id === tr.areaId)!.title, language)}
            </Table.HeaderCell>
            {tr.points.map((p) => (
              <Table.Cell key={keyOfGathering(p.gathering)} className="num">
                {fmt(p.score)}
              </Table.Cell>
            ))}
            <Table.Cell className={`trend-${tr.latest?.direction ?? 'none'}`}>
              {change(tr.latest)}
            </Table.Cell>
            <Table.Cell className="num">
              {tr.latest?.vsNetwork == null
                ? '–'
                : `${tr.latest.vsNetwork > 0 ? '+' : tr.latest.vsNetwork < 0 ? '−' : ''}${formatScore(Math.abs(tr.latest.vsNetwork), language)}`}
            </Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <SelectField
        className="ds-field inline-field"
        label={t('trends.chartArea')}
        value={focus.areaId}
        onChange={(e) =>
          navigate({
            name: 'network',
            view: 'trends',
            param: chosen.number,
            query: { area: e.target.value },
          })
        }
        choices={areaChoices(q, language)}
      />
      <Suspense fallback={<Spinner aria-label={t('chart.loading')} />}>
        <LazyTrendChart
          data={trendChartSeries(focus)}
          label={t('trends.chartAlt', { name: label, area: focusTitle })}
          names={{ municipality: label, median: t('network.median') }}
          gatheringLabel={(key) => {
            const g = parseGatheringKey(key);
            return g === null ? key : t('start.gatheringRound', { round: roundText(g) });
          }}
          downloadName={t('chart.names.trend', { name: label, area: focusTitle })}
        />
      </Suspense>
    </MunicipalitySection>
  );
}
