import { useNetworkTranslation } from '../../i18n/network-namespace';
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { Section } from '../../ui/section';
import { gatheringColumns } from './choices';
import { DataTable } from '../../ui/data-table';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { selectKnownQuestionnaires } from '../../store/selectors';
import type { NetworkModel } from '../../store/network-model';
import { formatDate } from '../../i18n/format';
import { exportNetworkBundle } from './export-bundle';
import { downloadTable } from './table-exports';
import { useGatheringText } from '../../i18n/gathering-text';
import { keyOfGathering, sameGathering } from '../../domain/core/gatherings';

/** See what is loaded (the import panel comes before it), and remove a file or a municipality. */
export function DataView({ model }: { model: NetworkModel }) {
  const { t } = useNetworkTranslation();
  const roundText = useGatheringText(model.showPeriod);
  const language = useAppStore((s) => s.language);
  const sources = useAppStore((s) => s.network.sources);
  const removeSource = useAppStore((s) => s.removeSource);
  const removeMunicipality = useAppStore((s) => s.removeMunicipality);
  const clearNetwork = useAppStore((s) => s.clearNetwork);
  const store = useAppStoreApi();
  const sourceName = (s: (typeof sources)[number]) =>
    s.kind === 'demo'
      ? t('import.demoSource')
      : s.kind === 'device'
        ? t('import.deviceSource')
        : s.fileName;

  return (
    <div className="network-section">
      {/* The import and invite panels come before this view (network-screen.tsx). */}
      <Section id="sources-heading" size="sm" title={t('data.sourcesTitle')}>
        <DataTable
          caption={t('data.sourcesTitle')}
          hideCaption
          columns={[
            { label: t('data.file') },
            { label: t('data.importedAt') },
            { label: t('data.responses'), numeric: true },
            { label: t('columns.actions') },
          ]}
        >
          {sources.map((s) => (
            <Table.Row key={s.id}>
              <Table.HeaderCell scope="row">{sourceName(s)}</Table.HeaderCell>
              <Table.Cell>{formatDate(s.importedAt, language)}</Table.Cell>
              <Table.Cell className="num">{Object.keys(s.responses).length}</Table.Cell>
              <Table.Cell>
                <Button
                  data-size="sm"
                  variant="tertiary"
                  data-color="danger"
                  onClick={() => removeSource(s.id)}
                  aria-label={t('data.removeFileLabel', { name: sourceName(s) })}
                >
                  {t('data.remove')}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
      </Section>
      <Section id="municipalities-heading" size="sm" title={t('data.municipalitiesTitle')}>
        <DataTable
          caption={t('data.municipalitiesTitle')}
          hideCaption
          columns={[
            { label: t('network.municipality') },
            ...gatheringColumns(model.gatherings, (g) =>
              t('start.gatheringRound', { round: roundText(g) }),
            ),
            { label: t('columns.actions') },
          ]}
        >
          {model.municipalities.map((m) => (
            <Table.Row key={m.number}>
              <Table.HeaderCell scope="row">
                {m.name} ({m.number})
              </Table.HeaderCell>
              {model.gatherings.map((g) => (
                <Table.Cell key={keyOfGathering(g)} className="num">
                  {model.all.find((a) => a.municipality.number === m.number && sameGathering(a, g))
                    ?.respondents ?? 0}
                </Table.Cell>
              ))}
              <Table.Cell>
                <Button
                  data-size="sm"
                  variant="tertiary"
                  onClick={() =>
                    exportNetworkBundle(store.getState(), t('data.bundleFileName'), new Date(), m)
                  }
                  aria-label={t('data.exportMunicipalityLabel', { name: m.name })}
                >
                  {t('data.export')}
                </Button>
                <Button
                  data-size="sm"
                  variant="tertiary"
                  data-color="danger"
                  onClick={() => removeMunicipality(m.number)}
                  aria-label={t('data.removeMunicipalityLabel', { name: m.name })}
                >
                  {t('data.remove')}
                </Button>
              </Table.Cell>
            </Table.Row>
          ))}
        </DataTable>
        <Paragraph data-size="sm">{t('data.respondentsHelp')}</Paragraph>
      </Section>
      <Section id="tables-heading" size="sm" title={t('data.tablesTitle')}>
        <Paragraph data-size="sm">
          {model.anonymised ? t('data.tablesAnonymised') : t('data.tablesHelp')}
        </Paragraph>
        <div className="button-row">
          {(['responses', 'scores'] as const).flatMap((kind) =>
            (['csv', 'json'] as const).map((format) => (
              <Button
                key={`${kind}-${format}`}
                variant="secondary"
                data-size="sm"
                onClick={() =>
                  downloadTable(
                    kind,
                    format,
                    Object.values(store.getState().network.responses),
                    selectKnownQuestionnaires(store.getState()),
                    language,
                    model.anonymised
                      ? {
                          letters: model.letters,
                          label: (letter) => t('network.anonName', { letter }),
                        }
                      : undefined,
                  )
                }
              >
                {t(`data.download.${kind}.${format}`)}
              </Button>
            )),
          )}
        </div>
      </Section>
      <div className="button-row">
        <Button
          variant="secondary"
          onClick={() => exportNetworkBundle(store.getState(), t('data.bundleFileName'))}
        >
          {t('data.exportBundle')}
        </Button>
        <Button variant="tertiary" data-color="danger" onClick={clearNetwork}>
          {t('data.clearAll')}
        </Button>
      </div>
    </div>
  );
}
