import { mergeResponseMaps } from '../domain/sync/merge-answers';
import type { Response } from '../domain/core/types';
import {
  loadFullCheck,
  readSaved,
  STORE_KEY,
  STORE_VERSION,
  trustedPersisted,
} from './saved-state';

/** What this tab holds of what another tab may have changed. */
export interface TabResponses {
  responses: Record<string, Response>;
  /** Tombstones: response id → when it was deleted. */
  deletedResponses: Record<string, string>;
}

/**
 * Merges the responses another tab saved into this tab's: statement by statement, the newer edit
 * wins (sync/merge-answers.ts), and a response deleted in either tab stays deleted. Returns null
 * when the merge gives what this tab holds already.
 */
export function mergeFromOtherTab(mine: TabResponses, theirs: TabResponses): TabResponses | null {
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
 * Reads the state another tab saved (`raw`, as written under STORE_KEY) and hands its responses
 * to `merge`: at once when that tab's app sealed it, else once the full check has loaded and
 * passed it (saved-state.ts). Nothing happens when `raw` is missing, unreadable or from another
 * version.
 */
export function readOtherTab(raw: string | null, merge: (theirs: TabResponses) => void): void {
  const saved = raw === null ? null : readSaved(raw);
  if (saved === null || saved.version !== STORE_VERSION) return;
  const trusted = saved.sealed ? trustedPersisted(saved.state) : null;
  if (trusted !== null) {
    merge(trusted);
    return;
  }
  loadFullCheck().then(
    (check) => merge(check(saved.state).state),
    () => undefined, // the check could not load: this tab keeps what it has
  );
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
