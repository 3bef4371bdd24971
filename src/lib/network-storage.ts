import { createStore, entries, promisifyRequest } from 'idb-keyval';

/**
 * Where the network's imported results live: records by key, too large for localStorage at
 * national scale. What each key holds, and how it is checked, is the store's business
 * (store/network-records.ts); this adapter only reads and writes them. The domain never knows;
 * tests use the in-memory one, which has the same API.
 */
export interface NetworkStorage {
  /** Every record saved, by key, as stored: nothing is checked here. */
  readAll(this: void): Promise<Map<string, unknown>>;
  /**
   * Writes `put` and deletes `remove` in one transaction: all of it, or (on an error) none.
   * A key belongs in one of the two, not both.
   */
  write(this: void, changes: RecordChanges): Promise<void>;
}

export interface RecordChanges {
  put?: ReadonlyMap<string, unknown>;
  remove?: readonly string[];
}

/** IndexedDB through idb-keyval: database `naeringsspeilet`, object store `imported`. */
export function createIdbNetworkStorage(): NetworkStorage {
  const store = createStore('naeringsspeilet', 'imported');
  return {
    readAll: async () => new Map(await entries<string, unknown>(store)),
    write: (changes) =>
      store('readwrite', (objects) => {
        for (const [key, value] of changes.put ?? []) objects.put(value, key);
        for (const key of changes.remove ?? []) objects.delete(key);
        return promisifyRequest(objects.transaction);
      }),
  };
}

/** The same API in memory, for tests: values are cloned in and out, as IndexedDB does. */
export function createMemoryNetworkStorage(
  initial: Record<string, unknown> = {},
): NetworkStorage & {
  /** What is saved now, by key (a copy). */
  records: () => Map<string, unknown>;
} {
  const data = new Map(Object.entries(structuredClone(initial)));
  return {
    readAll: () => Promise.resolve(structuredClone(data)),
    write: (changes) => {
      for (const [key, value] of changes.put ?? []) data.set(key, structuredClone(value));
      for (const key of changes.remove ?? []) data.delete(key);
      return Promise.resolve();
    },
    records: () => structuredClone(data),
  };
}
