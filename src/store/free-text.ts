import { useMemo } from 'react';
import type { FreeTextView } from '../domain/priorities/comments';
import type { NetworkModel } from './network-model';
import { useAppStore } from './store-context';

/**
 * What the network screens may show of free text (domain/priorities/comments.ts): names hidden
 * or shown and the viewer, from the network model, and the texts the facilitator has hidden.
 */
export function useFreeTextView(model: Pick<NetworkModel, 'anonymised' | 'viewer'>): FreeTextView {
  const hidden = useAppStore((s) => s.hiddenFreeText);
  const { anonymised, viewer } = model;
  return useMemo(
    () => ({ anonymised, viewer, hidden: new Set(hidden) }),
    [anonymised, viewer, hidden],
  );
}
