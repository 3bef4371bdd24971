import { Section } from '../../ui/section';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { actionsForArea } from '../../domain/priorities/actions';
import type { AreaPartProps } from './area-comments';
import { useFreeTextView } from '../../store/free-text';
import { ActionLine } from '../../ui/hidden-text';

/**
 * "What the others are doing in this area": every municipality's actions for one area, their
 * texts as the free-text rule allows (hidden with the names).
 */
export function AreaActions({ model, areaId, areaTitle }: AreaPartProps) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  const view = useFreeTextView(model);
  const actions = actionsForArea(model.actions, areaId).sort(
    (a, b) =>
      // Not by title: a hidden title must not show through the order.
      a.municipality.number.localeCompare(b.municipality.number) ||
      a.round - b.round ||
      a.id.localeCompare(b.id),
  );
  return (
    <Section
      id={`others-${areaId}`}
      level={3}
      size="sm"
      className="area-actions"
      title={t('actions.othersTitle', { area: areaTitle })}
      empty={actions.length === 0 && t('actions.othersNone')}
    >
      <ul>
        {actions.map((a) => (
          <ActionLine key={a.id} action={a} view={view} name={name(a.municipality)} />
        ))}
      </ul>
    </Section>
  );
}
