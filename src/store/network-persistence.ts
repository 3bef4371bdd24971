import type { NetworkStorage } from '../lib/network-storage';
import { isQuotaError } from '../lib/storage';
import { newSalt } from '../lib/id';
import type { AppState, AppStore } from './app-store';
import { networkFromSources, type NetworkData } from './network-slice';
import {
  LEGACY_KEY,
  NETWORK_KEY,
  networkRecord,
  readNetworkRecords,
  sourceKey,
  sourceRecord,
  unsavedEntries,
} from './network-records';
import type { NetworkRecovery } from './status-slice';

/**
 * A User Timing mark set each time a save has written everything changed so far: in DevTools'
 * performance panel, and for the bench (the end of an import: its last file stored).
 */
export const NETWORK_SAVED_MARK = 'naeringsspeilet:network-saved';

/**
 * About how much JSON text one write takes (about 600 responses; a source record holds its
 * entries as one text, network-records.ts). Making a record's text and storing it take the
 * page's main thread, so a national import (28,560 responses) is written in parts, each its own
 * transaction, with the page free to paint between them.
 */
export const CHARS_PER_WRITE = 2_000_000;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Changes to write: each record is made only when its part is written. */
export interface LazyChanges {
  put: Map<string, () => unknown>;
  remove: string[];
}

/** The weight of a record to store: the length of its entries' text, or 1. */
function weight(value: unknown): number {
  const entries = (value as { entries?: unknown } | null)?.entries;
  return typeof entries === 'string' ? Math.max(1, entries.length) : 1;
}

/**
 * Writes the changes in parts of about `budget` characters each (a record is never split), the
 * removals with the first. Every part is whole in itself, so a part that fails leaves the storage
 * consistent, and writing all the changes again later is harmless. True if anything was written.
 */
export async function writeInParts(
  storage: NetworkStorage,
  changes: LazyChanges,
  budget: number = CHARS_PER_WRITE,
): Promise<boolean> {
  let part = new Map<string, unknown>();
  let remove = changes.remove;
  let load = 0;
  let wrote = false;
  const write = async () => {
    await storage.write({ put: part, remove });
    wrote = true;
    part = new Map();
    remove = [];
    load = 0;
  };
  for (const [key, make] of changes.put) {
    const value = make();
    part.set(key, value);
    load += weight(value);
    if (load >= budget) await write();
  }
  if (part.size > 0 || remove.length > 0) await write();
  return wrote;
}

export interface NetworkPersistence {
  /** Settles once every change made so far has been saved, or has failed to save. */
  idle: () => Promise<void>;
}

/**
 * Loads the network's saved records into the store, then saves every change to them: a new
 * source's record, a changed source's record, the deletion of a removed one. Saves run one at a
 * time, each in one transaction (a large one in parts, see writeInParts), and always catch up with
 * the latest state.
 *
 * Saved data is never written over unread: a record that cannot be read stays as it is, a
 * record with entries left out is copied before it is written again, and when nothing can be read
 * at all, nothing is saved (the status says so). The store's notices tell the user, and offer
 * the copies (networkKept) for download.
 */
export async function connectNetworkStorage(
  store: AppStore,
  storage: NetworkStorage,
): Promise<NetworkPersistence> {
  const idle: NetworkPersistence = { idle: () => Promise.resolve() };
  let records: Map<string, unknown>;
  try {
    records = await storage.readAll();
  } catch {
    store.getState().hydrateNetwork(null);
    store.getState().setNetworkStorageStatus('loadFailed');
    return idle;
  }
  const read = readNetworkRecords(records, newSalt);
  let sources = read.sources;
  let recovery = read.recovery;
  let kept = read.kept;
  let saving = true;
  if (read.tidy !== null) {
    try {
      await storage.write(read.tidy);
      sources = [...sources, ...read.migrated];
    } catch (error) {
      // Everything stays where it is: the old layout to be moved on a later load, each record
      // that could not be used as it was uncopied, so nothing may be saved now.
      kept = read.keptInPlace;
      if (read.migrated.length > 0) {
        const none: NetworkRecovery = { unreadable: 0, invalidEntries: 0, migrationFailed: false };
        recovery = { ...(recovery ?? none), migrationFailed: true };
        kept = { ...kept, [LEGACY_KEY]: records.get(LEGACY_KEY) };
      }
      saving = false;
      store.getState().setNetworkStorageStatus(isQuotaError(error) ? 'full' : 'saveFailed');
    }
  }
  const loaded = networkFromSources(sources, read.salt);
  store.getState().hydrateNetwork(loaded);
  if (recovery !== null || Object.keys(kept).length > 0) {
    store.getState().reportNetworkLoad(recovery, kept);
  }
  if (!saving) return idle;

  /** What the storage holds, as far as this tab knows. */
  let saved: NetworkData = loaded;
  let savedKept = store.getState().networkKept;
  let networkRecordState = read.networkRecord;
  const positions = read.positions;
  let nextPosition = Math.max(-1, ...positions.values()) + 1;
  // Texts an import brought for its sources' first records; each is taken once.
  const unsaved = store.own(unsavedEntries);

  const changesFor = (state: AppState): LazyChanges => {
    const put = new Map<string, () => unknown>();
    const remove: string[] = [];
    const before = new Map(saved.sources.map((s) => [s.id, s]));
    for (const source of state.network.sources) {
      if (before.get(source.id) === source) continue;
      let position = positions.get(source.id);
      if (position === undefined) {
        position = nextPosition++;
        positions.set(source.id, position);
      }
      const at = position;
      put.set(sourceKey(source.id), () => {
        const packed = unsaved.get(source);
        unsaved.delete(source);
        return sourceRecord(source, at, packed);
      });
    }
    const now = new Set(state.network.sources.map((s) => s.id));
    for (const id of before.keys()) if (!now.has(id)) remove.push(sourceKey(id));
    // The network record: with the first save, and whenever the salt changes.
    const salt = state.network.salt;
    if (
      networkRecordState === 'missing'
        ? put.size > 0
        : networkRecordState === 'saved' && salt !== saved.salt
    ) {
      put.set(NETWORK_KEY, () => networkRecord(salt));
    }
    // Copies the user deleted.
    for (const key of Object.keys(savedKept)) {
      if (!Object.hasOwn(state.networkKept, key)) remove.push(key);
    }
    return { put, remove };
  };

  let dirty = false;
  let flushing: Promise<void> | null = null;
  const flush = async () => {
    let wrote = false;
    // Out of the task that changed the state, which also renders it.
    await nextTask();
    while (dirty) {
      dirty = false;
      const state = store.getState();
      const changes = changesFor(state);
      try {
        if (await writeInParts(storage, changes)) wrote = true;
        saved = state.network;
        savedKept = state.networkKept;
        if (changes.put.has(NETWORK_KEY)) networkRecordState = 'saved';
        if (store.getState().networkStorageStatus !== 'ok') {
          store.getState().setNetworkStorageStatus('ok');
        }
      } catch (error) {
        // What was not saved is tried again with the next change.
        store.getState().setNetworkStorageStatus(isQuotaError(error) ? 'full' : 'saveFailed');
      }
    }
    flushing = null;
    if (wrote && typeof performance.mark === 'function') performance.mark(NETWORK_SAVED_MARK);
  };
  store.subscribe((state, prev) => {
    if (state.network === prev.network && state.networkKept === prev.networkKept) return;
    dirty = true;
    flushing ??= flush();
  });
  return { idle: () => flushing ?? Promise.resolve() };
}
