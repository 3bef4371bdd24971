import nb from './locales/nb/network.json';
import nn from './locales/nn/network.json';
import en from './locales/en/network.json';
import { useNamespace } from './namespaces';

export const networkBundles = { nb, nn, en };

/** Text for the network, import and presentation screens (loaded with them). */
export function useNetworkTranslation() {
  return useNamespace('network', networkBundles);
}
