import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useChosenGatheringText } from '../../i18n/gathering-text';
import { Paragraph } from '@digdir/designsystemet-react';
import { Section } from '../../ui/section';
import { heatmapRows } from '../../domain/comparison/network-statistics';
import { heatmapView } from '../../domain/comparison/view-models';
import { localize, shortTitle } from '../../domain/questionnaire/localize';
import { formatScore } from '../../i18n/format';
import { HeatLegend, Heatmap, type HeatmapRowData } from '../../charts/heatmap';
import type { NetworkModel } from '../../store/network-model';
import { useAppStore } from '../../store/store-context';

/** Municipalities × areas, each cell with its number, plus the network median. */
export function OverviewView({ model }: { model: NetworkModel }) {
  const { t } = useNetworkTranslation();
  const roundText = useChosenGatheringText(model);
  const language = useAppStore((s) => s.language);
  const fmt = (v: number) => formatScore(v, language);
  const name = useMunicipalityName(model.letters);
  const q = model.questionnaire;
  const columns = q.areas.map((a) => ({ key: a.id, label: shortTitle(a, language) }));
  const rows: HeatmapRowData[] = heatmapView(model, name, t('network.median')).map((row) => ({
    ...row,
    emphasis: row.municipality !== null && row.municipality.number === model.viewer,
    extra: row.respondents === null ? '' : t('network.respondentsShort', { n: row.respondents }),
  }));

  const ranked = heatmapRows(q, model.current)
    .filter((r) => r.overall !== null)
    .sort((a, b) => (b.overall ?? 0) - (a.overall ?? 0));
  const top = ranked[0];
  const bottom = ranked.at(-1);
  const byArea = model.stats
    .filter((s) => s.median !== null)
    .sort((a, b) => (b.median ?? 0) - (a.median ?? 0));
  const areaTitle = (id: string) => localize(q.areas.find((a) => a.id === id)!.title, language);

  return (
    <Section
      id="overview-heading"
      className="network-section"
      title={t('network.overviewTitle', { round: roundText })}
    >
      {top && bottom && byArea[0] && byArea.at(-1) && (
        <Paragraph className="chart-summary">
          {t('network.overviewSummary', {
            count: model.current.length,
            top: name(top.municipality),
            topScore: fmt(top.overall ?? 0),
            bottom: name(bottom.municipality),
            bottomScore: fmt(bottom.overall ?? 0),
            strongArea: areaTitle(byArea[0].areaId),
            weakArea: areaTitle(byArea.at(-1)!.areaId),
          })}
        </Paragraph>
      )}
      <Heatmap
        caption={t('network.heatmapCaption', { round: roundText })}
        rowHeader={t('network.municipality')}
        extraHeader={t('network.respondents')}
        columns={columns}
        rows={rows}
        formatValue={fmt}
        emptyLabel={t('network.noScore')}
        flagLabel={t('network.disagreement')}
      />
      <HeatLegend label={t('network.legend')} formatValue={fmt} />
      <Paragraph data-size="sm">{t('network.disagreementHelp')}</Paragraph>
    </Section>
  );
}
