import type { ReactNode } from 'react';
import { Heading } from '@digdir/designsystemet-react';
import { SelectField } from '../../ui/fields';
import { municipalityChoices } from './choices';
import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { navigate, type NetworkView } from '../../lib/router';
import type { Municipality } from '../../domain/core/types';
import type { NetworkModel } from '../../store/network-model';

/** What a view about one municipality gets: the network, and the municipality in the address. */
export interface MunicipalityViewProps {
  model: NetworkModel;
  municipality: string | null;
}

/**
 * The municipality a view is about: the one in the address, else the viewer's own, else the
 * first. `inRound` limits the choice to municipalities with responses in the chosen gathering.
 */
export function chooseMunicipality(
  model: NetworkModel,
  param: string | null,
  inRound: boolean,
): { choices: Municipality[]; chosen: Municipality | undefined } {
  const choices = inRound ? model.current.map((a) => a.municipality) : model.municipalities;
  const chosen =
    choices.find((m) => m.number === param) ??
    choices.find((m) => m.number === model.viewer) ??
    choices[0];
  return { choices, chosen };
}

/** The select that switches a municipality view to another municipality. */
export function MunicipalityPicker({
  model,
  view,
  choices,
  chosen,
}: {
  model: NetworkModel;
  view: NetworkView;
  choices: readonly Municipality[];
  chosen: Municipality;
}) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  return (
    <SelectField
      className="ds-field inline-field"
      label={t('network.chooseMunicipality')}
      value={chosen.number}
      onChange={(e) => navigate({ name: 'network', view, param: e.target.value })}
      choices={municipalityChoices(choices, name)}
    />
  );
}

/**
 * The frame of a view about one municipality: its picker, then the heading that names the
 * section (`<view>-heading`), then the view's content.
 */
export function MunicipalitySection({
  title,
  children,
  ...picker
}: Parameters<typeof MunicipalityPicker>[0] & { title: string; children: ReactNode }) {
  const id = `${picker.view}-heading`;
  return (
    <section aria-labelledby={id} className="network-section">
      <MunicipalityPicker {...picker} />
      <Heading level={2} data-size="md" id={id}>
        {title}
      </Heading>
      {children}
    </section>
  );
}
