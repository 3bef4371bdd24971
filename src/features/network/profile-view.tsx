import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useChosenGatheringText } from '../../i18n/gathering-text';
import { Suspense, useId, useState } from 'react';
import { Label, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { DataTable } from '../../ui/data-table';
import { profileSeries } from '../../domain/comparison/network-statistics';
import { localize, shortTitle } from '../../domain/questionnaire/localize';
import { formatScore } from '../../i18n/format';
import { LazyProfileChart, LazyRadarChart } from '../../charts/lazy';
import { useAppStore } from '../../store/store-context';
import {
  chooseMunicipality,
  MunicipalitySection,
  type MunicipalityViewProps,
} from './municipality-picker';
import { MunicipalityComments } from './municipality-comments';

/** One municipality against the network's min–max band and median, per area. */
export function ProfileView({ model, municipality }: MunicipalityViewProps) {
  const { t } = useNetworkTranslation();
  const roundText = useChosenGatheringText(model);
  const name = useMunicipalityName(model.letters);
  const language = useAppStore((s) => s.language);
  const radarId = useId();
  const [radar, setRadar] = useState(false);
  const { choices: inRound, chosen } = chooseMunicipality(model, municipality, true);
  if (!chosen) return <Paragraph>{t('network.noData')}</Paragraph>;

  const fmt = (v: number) => formatScore(v, language);
  const q = model.questionnaire;
  const title = (id: string) => localize(q.areas.find((a) => a.id === id)!.title, language);
  const series = profileSeries(chosen.number, model.current, model.stats);
  const data = series.map((p) => ({
    ...p,
    key: p.areaId,
    label: shortTitle(
      q.areas.find((a) => a.id === p.areaId)!,
      language,
    ),
  }));
  const above = series.filter(
    (p) => p.value !== null && p.median !== null && p.value > p.median,
  ).length;
  const below = series.filter(
    (p) => p.value !== null && p.median !== null && p.value < p.median,
  ).length;
  const n = model.current.length;
  const label = name(chosen);

  return (
    <MunicipalitySection
      model={model}
      view="profile"
      choices={inRound}
      chosen={chosen}
      title={t('network.profileTitle', { name: label, round: roundText })}
    >
      <Paragraph className="chart-summary">
        {t('network.profileSummary', { name: label, above, below, count: series.length })}
      </Paragraph>
      <Suspense fallback={<Spinner aria-label={t('chart.loading')} />}>
        <LazyProfileChart
          data={data}
          label={t('network.profileAlt', { name: label })}
          names={{ own: label, median: t('network.median'), band: t('network.band') }}
          downloadName={t('network.profileTitle', { name: label, round: roundText })}
        />
      </Suspense>
      <DataTable
        caption={t('network.profileCaption', { name: label })}
        columns={[
          { label: t('columns.area') },
          { label: label, numeric: true },
          { label: t('network.median'), numeric: true },
          { label: t('network.min'), numeric: true },
          { label: t('network.max'), numeric: true },
          { label: t('network.rank'), numeric: true },
        ]}
      >
        {series.map((p, i) => {
          const rank = model.stats[i]?.ranks[chosen.number];
          const cell = (v: number | null) => (v === null ? '–' : fmt(v));
          return (
            <Table.Row key={p.areaId}>
              <Table.HeaderCell scope="row">{title(p.areaId)}</Table.HeaderCell>
              <Table.Cell className="num">{cell(p.value)}</Table.Cell>
              <Table.Cell className="num">{cell(p.median)}</Table.Cell>
              <Table.Cell className="num">{cell(p.min)}</Table.Cell>
              <Table.Cell className="num">{cell(p.max)}</Table.Cell>
              <Table.Cell className="num">
                {rank === undefined ? '–' : t('network.rankOf', { rank, total: n })}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </DataTable>
      <MunicipalityComments model={model} municipality={chosen} label={label} />
      <div className="ds-field anon-toggle">
        <input
          id={radarId}
          type="checkbox"
          className="ds-input"
          checked={radar}
          onChange={(e) => setRadar(e.target.checked)}
        />
        <Label htmlFor={radarId} weight="regular">
          {t('network.showRadar')}
        </Label>
      </div>
      {radar && (
        <Suspense fallback={<Spinner aria-label={t('chart.loading')} />}>
          <Paragraph data-size="sm">{t('network.radarNote')}</Paragraph>
          <LazyRadarChart
            data={data}
            label={t('network.radarAlt', { name: label })}
            names={{ own: label, median: t('network.median') }}
            downloadName={t('chart.names.radar', { name: label, round: roundText })}
          />
        </Suspense>
      )}
    </MunicipalitySection>
  );
}
