import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { actionsForArea } from '../../domain/priorities/actions';
import type { NetworkModel } from '../../store/network-model';

/** "What the others are doing in this area": every municipality's actions for one area. */
export function AreaActions({
  model,
  areaId,
  areaTitle,
}: {
  model: NetworkModel;
  areaId: string;
  areaTitle: string;
}) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  const actions = actionsForArea(model.actions, areaId).sort(
    (a, b) =>
      a.municipality.number.localeCompare(b.municipality.number) || a.title.localeCompare(b.title),
  );
  return (
    <section aria-labelledby={`others-${areaId}`} className="area-actions">
      <Heading level={3} data-size="sm" id={`others-${areaId}`}>
        {t('actions.othersTitle', { area: areaTitle })}
      </Heading>
      {actions.length === 0 ? (
        <Paragraph>{t('actions.othersNone')}</Paragraph>
      ) : (
        <ul>
          {actions.map((a) => (
            <li key={a.id}>
              <strong>{name(a.municipality)}</strong>: {a.title} ({t(`actions.status.${a.status}`)})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
