import nb from './locales/nb/network.json';
import nn from './locales/nn/network.json';
import en from './locales/en/network.json';
import { municipalityNamer } from '../domain/comparison/anonymise';
import { useNamespace } from './namespaces';

export const networkBundles = { nb, nn, en };

/** Text for the network, import and presentation screens (loaded with them). */
export function useNetworkTranslation() {
  return useNamespace('network', networkBundles);
}

/**
 * The name to show for a municipality: its own, or "Kommune A" in the active language when
 * names are hidden and `letters` (the network model's) gives it a letter.
 */
export function useMunicipalityName(
  letters: ReadonlyMap<string, string>,
): (m: { number: string; name: string }) => string {
  const { t } = useNetworkTranslation();
  return municipalityNamer(letters, (letter) => t('network.anonName', { letter }));
}
