import nb from './locales/nb/share.json';
import nn from './locales/nn/share.json';
import en from './locales/en/share.json';
import { useNamespace } from './namespaces';

export const shareBundles = { nb, nn, en };

/** Text for sending and receiving results: QR codes and the camera (loaded with them). */
export function useShareTranslation() {
  return useNamespace('share', shareBundles);
}
