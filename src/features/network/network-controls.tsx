import { useMunicipalityName, useNetworkTranslation } from '../../i18n/network-namespace';
import { useId } from 'react';
import { Label, Select } from '@digdir/designsystemet-react';
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
  const roundId = useId();
  const viewerId = useId();
  const anonId = useId();
  return (
    <div className="network-controls">
      <div className="ds-field">
        <Label htmlFor={roundId}>{t('network.round')}</Label>
        <Select
          id={roundId}
          value={model.gathering === null ? '' : keyOfGathering(model.gathering)}
          onChange={(e) => setView({ gathering: e.target.value })}
        >
          {model.gatherings.map((g) => (
            <option key={keyOfGathering(g)} value={keyOfGathering(g)}>
              {t('start.gatheringRound', { round: roundText(g) })}
            </option>
          ))}
        </Select>
      </div>
      <div className="ds-field">
        <Label htmlFor={viewerId}>{t('network.viewer')}</Label>
        <Select
          id={viewerId}
          value={model.viewer ?? ''}
          onChange={(e) => setView({ viewer: e.target.value || null })}
        >
          <option value="">{t('network.viewerNone')}</option>
          {model.municipalities.map((m) => (
            <option key={m.number} value={m.number}>
              {name(m)}
            </option>
          ))}
        </Select>
      </div>
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
