import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useChosenGatheringText } from '../../i18n/gathering-text';
import { Suspense } from 'react';
import { Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { DataTable } from '../../ui/data-table';
import { SelectField } from '../../ui/fields';
import { areaChoices } from './choices';
import { navigate } from '../../lib/router';
import { areaRanking } from '../../domain/comparison/network-statistics';
import { localize } from '../../domain/questionnaire/localize';
import { formatScore } from '../../i18n/format';
import { LazyAreaScoreChart } from '../../charts/lazy';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';
import { AreaActions } from './area-actions';
import { AreaComments } from './area-comments';

/** Every municipality's score for one area, sorted, with respondent counts. */
export function AreaView({ model, areaId }: { model: NetworkModel; areaId: string | null }) {
  const { t } = useNetworkTranslation();
  const roundText = useChosenGatheringText(model);
  const language = useAppStore((s) => s.language);
  const q = model.questionnaire;
  const area = q.areas.find((a) => a.id === areaId) ?? q.areas[0]!;
  const name = useMunicipalityName(model.letters);
  const fmt = (v: number) => formatScore(v, language);
  const ranking = areaRanking(area.id, model.current);
  const stats = model.stats.find((s) => s.areaId === area.id);
  const title = localize(area.title, language);
  const disagreement = new Map(
    model.current.map((agg) => [
      agg.municipality.number,
      agg.areas.find((a) => a.areaId === area.id),
    ]),
  );

  return (
    <section aria-labelledby="area-heading" className="network-section">
      <SelectField
        className="ds-field inline-field"
        label={t('network.chooseArea')}
        value={area.id}
        onChange={(e) => navigate({ name: 'network', view: 'area', param: e.target.value })}
        choices={areaChoices(q, language)}
      />
      <Heading level={2} data-size="md" id="area-heading">
        {t('network.areaTitle', { area: title, round: roundText })}
      </Heading>
      {stats && stats.median !== null && (
        <Paragraph className="chart-summary">
          {t('network.areaSummary', {
            median: fmt(stats.median),
            min: fmt(stats.min ?? 0),
            max: fmt(stats.max ?? 0),
            count: stats.n,
          })}
        </Paragraph>
      )}
      <Suspense fallback={<Spinner aria-label={t('chart.loading')} />}>
        <LazyAreaScoreChart
          data={ranking.map((r) => ({
            key: r.municipality.number,
            label: name(r.municipality),
            value: r.mean,
          }))}
          label={t('network.areaAlt', { area: title })}
          formatValue={fmt}
          downloadName={t('network.areaTitle', { area: title, round: roundText })}
        />
      </Suspense>
      <DataTable
        caption={t('network.areaCaption', { area: title })}
        columns={[
          { label: t('network.rank'), numeric: true },
          { label: t('network.municipality') },
          { label: t('columns.score'), numeric: true },
          { label: t('network.respondents'), numeric: true },
          { label: t('network.spread') },
        ]}
      >
        {ranking.map((r) => {
          const a = disagreement.get(r.municipality.number);
          return (
            <Table.Row key={r.municipality.number}>
              <Table.Cell className="num">{r.rank ?? '–'}</Table.Cell>
              <Table.HeaderCell scope="row">{name(r.municipality)}</Table.HeaderCell>
              <Table.Cell className="num">{r.mean === null ? '–' : fmt(r.mean)}</Table.Cell>
              <Table.Cell className="num">{r.n}</Table.Cell>
              <Table.Cell>
                {a && a.min !== null && a.max !== null ? `${fmt(a.min)}–${fmt(a.max)}` : '–'}
                {a?.disagreement ? ` ≠ ${t('network.disagreement')}` : ''}
              </Table.Cell>
            </Table.Row>
          );
        })}
      </DataTable>
      <AreaComments model={model} areaId={area.id} areaTitle={title} />
      <AreaActions model={model} areaId={area.id} areaTitle={title} />
    </section>
  );
}
