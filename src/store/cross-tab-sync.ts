import { mergeResponseMaps } from '../domain/sync/merge-answers';
import type { Response } from '../domain/core/types';
import { STORE_KEY, STORE_VERSION, validatePersisted } from './persisted';

/** What this tab holds of what another tab may have changed. */
export interface TabResponses {
  responses: Record<string, Response>;
  /** Tombstones: response id → when it was deleted. */
  deletedResponses: Record<string, string>;
}

/**
 * Merges the state another tab saved (`raw`, as written under STORE_KEY) into this tab's
 * responses: statement by statement, the newer edit wins (sync/merge-answers.ts), and a response
 * deleted in either tab stays deleted. Returns null when there is nothing to change: `raw` is
 * missing, unreadable or from another version, or the merge gives what this tab holds already.
 */
export function mergeFromOtherTab(mine: TabResponses, raw: string | null): TabResponses | null {
  if (raw === null) return null;
  let theirs: TabResponses;
  try {
    const parsed = JSON.parse(raw) as { state?: unknown; version?: unknown };
    if (parsed.version !== STORE_VERSION) return null;
    theirs = validatePersisted(parsed.state).state;
  } catch {
    return null;
  }
  const deleted = { ...theirs.deletedResponses, ...mine.deletedResponses };
  const merged = mergeResponseMaps(mine.responses, theirs.responses);
  // A response deleted in either tab stays deleted.
  for (const id of Object.keys(deleted)) delete merged[id];
  const changed =
    JSON.stringify(merged) !== JSON.stringify(mine.responses) ||
    Object.keys(deleted).length !== Object.keys(mine.deletedResponses).length;
  return changed ? { responses: merged, deletedResponses: deleted } : null;
}

/**
 * Listens for the saves of other tabs of this app (the `storage` event fires in every other tab
 * of the same origin) and merges them into this store. Returns a function that stops listening.
 */
export function listenToOtherTabs(
  syncFromOtherTab: (raw: string | null) => void,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === STORE_KEY) syncFromOtherTab(event.newValue);
  };
  target.addEventListener('storage', onStorage);
  return () => target.removeEventListener('storage', onStorage);
}
