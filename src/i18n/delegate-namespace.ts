import nb from './locales/nb/delegate.json';
import nn from './locales/nn/delegate.json';
import en from './locales/en/delegate.json';
import { useNamespace } from './namespaces';

export const delegateBundles = { nb, nn, en };

/**
 * Text for the delegation's screens after the start page: the questionnaire, the review, the
 * results when no response is open, and the accessibility statement (loaded with those screens,
 * src/app/app.tsx).
 */
export function useDelegateTranslation() {
  return useNamespace('delegate', delegateBundles);
}
