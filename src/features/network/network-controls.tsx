import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useId } from 'react';
import { Label } from '@digdir/designsystemet-react';
import { SelectField } from '../../ui/fields';
import { municipalityChoices } from './choices';
import { useAppStore } from '../../store/store-context';
import type { NetworkModel } from '../../store/network-model';
import { keyOfGathering } from '../../domain/core/gatherings';
import { useGatheringText } from '../../i18n/gathering-text';

/** Gathering, named or anonymised, and the viewer's own municipality. */
export function NetworkControls({ model }: { model: NetworkModel }) {
  const { t } = useNetworkTranslation();
  const name = useMunicipalityName(model.letters);
  const setView = useAppStore((s) => s.setNetworkView);
  const roundText = useGatheringText(model.showPeriod);
  const anonId = useId();
  return (
    <div className="network-controls">
      <SelectField
        label={t('network.round')}
        value={model.gathering === null ? '' : keyOfGathering(model.gathering)}
        onChange={(e) => setView({ gathering: e.target.value })}
        choices={model.gatherings.map((g) => ({
          value: keyOfGathering(g),
          label: t('start.gatheringRound', { round: roundText(g) }),
        }))}
      />
      <SelectField
        label={t('network.viewer')}
        value={model.viewer ?? ''}
        onChange={(e) => setView({ viewer: e.target.value || null })}
        empty={t('network.viewerNone')}
        choices={municipalityChoices(model.municipalities, name)}
      />
      <div className="ds-field anon-toggle">
        <input
          id={anonId}
          type="checkbox"
          className="ds-input"
          role="switch"
          checked={model.anonymised}
          onChange={(e) => setView({ anonymised: e.target.checked })}
        />
        <Label htmlFor={anonId} weight="regular">
          {t('network.anonymise')}
        </Label>
      </div>
      <fieldset className="source-toggle">
        <legend>{t('network.sourceLabel')}</legend>
        {(['mean', 'agreed'] as const).map((source) => (
          <div className="ds-field anon-toggle" key={source}>
            <input
              id={`${anonId}-${source}`}
              type="radio"
              className="ds-input"
              name="network-source"
              checked={model.source === source}
              onChange={() => setView({ source })}
            />
            <Label htmlFor={`${anonId}-${source}`} weight="regular">
              {t(`network.source.${source}`)}
            </Label>
          </div>
        ))}
      </fieldset>
      <p className="source-note" aria-live="polite">
        {model.source === 'agreed' && model.agreedIn.size > 0
          ? t('network.showingAgreed', {
              names: model.current
                .filter((a) => model.agreedIn.has(a.municipality.number))
                .map((a) => name(a.municipality))
                .join(', '),
            })
          : model.source === 'agreed'
            ? t('network.noAgreed')
            : t('network.showingMean')}
      </p>
    </div>
  );
}
