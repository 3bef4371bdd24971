import { Suspense } from 'react';
import { Heading, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { DataTable } from '../../ui/data-table';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useChosenGatheringText } from '../../i18n/gathering-text';
import { localize } from '../../domain/questionnaire/localize';
import { quadrant, quadrantPoints, rankImprovementAreas } from '../../domain/priorities/priorities';
import { priorityInputs } from '../../domain/priorities/view-models';
import { areaRoleGap, typicalNetworkGap, gapPointsByArea } from '../../domain/priorities/role-gaps';
import { ROLES } from '../../domain/core/types';
import { formatDecimal, formatScore } from '../../i18n/format';
import { LazyQuadrantChart } from '../../charts/lazy';
import { numberPoints } from '../../charts/quadrant-layout';
import { useAppStore } from '../../store/store-context';
import {
  chooseMunicipality,
  MunicipalitySection,
  type MunicipalityViewProps,
} from './municipality-picker';
import { reasonText } from '../../i18n/reason-text';

/** Improvement areas for one municipality, why they are flagged, and the role gaps. */
export function PrioritiesView({ model, municipality }: MunicipalityViewProps) {
  const { t } = useNetworkTranslation();
  const roundText = useChosenGatheringText(model);
  const name = useMunicipalityName(model.letters);
  const language = useAppStore((s) => s.language);
  const q = model.questionnaire;
  const { choices: inRound, chosen } = chooseMunicipality(model, municipality, true);
  if (!chosen) return <Paragraph>{t('network.noData')}</Paragraph>;
  const agg = model.current.find((a) => a.municipality.number === chosen.number)!;
  const label = name(chosen);
  const inputs = priorityInputs(agg, model.stats);
  const ranked = rankImprovementAreas(
    inputs,
    q.areas.map((a) => a.id),
  );
  const flagged = ranked.filter((r) => r.flagged);
  const area = (id: string) => q.areas.find((a) => a.id === id)!;
  const fmt = (v: number | null) => (v === null ? '–' : formatScore(v, language));

  const gaps = agg.areas.map((a) => areaRoleGap(a.areaId, a.byRole));
  const typical = typicalNetworkGap(
    model.current.map((m) => gapPointsByArea(m.areas.map((a) => areaRoleGap(a.areaId, a.byRole)))),
  );
  // Numbered by the area's place in the questionnaire: the same number on every chart.
  const points = numberPoints(
    quadrantPoints(inputs).points.map((p) => ({
      key: p.areaId,
      name: localize(area(p.areaId).title, language),
      detail: t('priorities.quadrantKeyValues', {
        importance: formatDecimal(p.importance, language),
        score: formatScore(p.score, language),
      }),
      importance: p.importance,
      score: p.score,
    })),
    q.areas.map((a) => a.id),
  );

  return (
    <MunicipalitySection
      model={model}
      view="priorities"
      choices={inRound}
      chosen={chosen}
      title={t('priorities.title', { name: label, round: roundText })}
    >
      <Paragraph>{t('priorities.intro')}</Paragraph>
      {flagged.length === 0 ? (
        <Paragraph>{t('priorities.none')}</Paragraph>
      ) : (
        <ol className="priority-list" aria-label={t('priorities.listLabel', { name: label })}>
          {flagged.map((r) => (
            <li key={r.areaId} className="priority-item">
              <Heading level={3} data-size="xs">
                {localize(area(r.areaId).title, language)}
              </Heading>
              <ul>
                {r.reasons.map((reason) => (
                  <li key={reason.code}>{reasonText(reason, t, language)}</li>
                ))}
              </ul>
              <a href={`#/network/actions/${chosen.number}?area=${r.areaId}`}>
                {t('priorities.makeAction', { area: localize(area(r.areaId).title, language) })}
              </a>
            </li>
          ))}
        </ol>
      )}

      <Heading level={3} data-size="sm">
        {t('priorities.quadrantTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('priorities.quadrantHelp')}</Paragraph>
      <Suspense fallback={<Spinner aria-label={t('chart.loading')} />}>
        <LazyQuadrantChart
          data={points}
          label={t('priorities.quadrantAlt', { name: label })}
          keyTitle={t('priorities.quadrantKey')}
          downloadName={t('chart.names.quadrant', { name: label, round: roundText })}
          axes={{ importance: t('columns.importance'), score: t('columns.score') }}
          quadrants={{
            concentrateHere: t('priorities.quadrants.concentrateHere'),
            keepUpGoodWork: t('priorities.quadrants.keepUpGoodWork'),
            lowPriority: t('priorities.quadrants.lowPriority'),
            possibleOverkill: t('priorities.quadrants.possibleOverkill'),
          }}
        />
      </Suspense>
      <DataTable
        caption={t('priorities.quadrantCaption', { name: label })}
        columns={[
          { label: t('columns.area') },
          { label: t('columns.importance'), numeric: true },
          { label: t('columns.score'), numeric: true },
          { label: t('priorities.quadrant') },
        ]}
      >
        {inputs.map((i) => {
          const qd = quadrant(i.importance, i.score);
          return (
            <Table.Row key={i.areaId}>
              <Table.HeaderCell scope="row">
                {localize(area(i.areaId).title, language)}
              </Table.HeaderCell>
              <Table.Cell className="num">
                {i.importance === null ? '–' : formatDecimal(i.importance, language)}
              </Table.Cell>
              <Table.Cell className="num">{fmt(i.score)}</Table.Cell>
              <Table.Cell>{qd === null ? '–' : t(`priorities.quadrants.${qd}`)}</Table.Cell>
            </Table.Row>
          );
        })}
      </DataTable>

      <Heading level={3} data-size="sm">
        {t('priorities.rolesTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('priorities.rolesHelp')}</Paragraph>
      <DataTable
        caption={t('priorities.rolesCaption', { name: label })}
        columns={[
          { label: t('columns.area') },
          ...ROLES.map((role) => ({ key: role, label: t(`roles.${role}`), numeric: true })),
          { label: t('priorities.gap'), numeric: true },
          { label: t('priorities.typicalGap'), numeric: true },
        ]}
      >
        {gaps.map((g) => (
          <Table.Row key={g.areaId}>
            <Table.HeaderCell scope="row">
              {localize(area(g.areaId).title, language)}
            </Table.HeaderCell>
            {g.roles.map((cell) => (
              <Table.Cell key={cell.role} className="num">
                {cell.shown ? (
                  fmt(cell.mean)
                ) : (
                  <span title={t(`priorities.hidden.${cell.reason}`)}>
                    {t(`priorities.hiddenShort.${cell.reason}`)}
                  </span>
                )}
              </Table.Cell>
            ))}
            <Table.Cell className="num">{g.gap ? fmt(g.gap.points) : '–'}</Table.Cell>
            <Table.Cell className="num">{fmt(typical[g.areaId]?.median ?? null)}</Table.Cell>
          </Table.Row>
        ))}
      </DataTable>
      <Paragraph data-size="sm">{t('priorities.hiddenNote')}</Paragraph>
    </MunicipalitySection>
  );
}
