import { createStore, get, set } from 'idb-keyval';
import { newSalt } from './id';
import type { Action, AgreedResponse, Response } from '../domain/core/types';

/** One imported file (or the demo network, or this device's own responses). */
export interface ImportedSource {
  id: string;
  fileName: string;
  importedAt: string;
  kind: 'file' | 'demo' | 'device';
  responseIds: string[];
  actionIds: string[];
  agreementIds?: string[] | undefined;
}

/** The network's imported results: too large for localStorage at national scale. */
export interface NetworkData {
  sources: ImportedSource[];
  responses: Record<string, Response>;
  actions: Record<string, Action>;
  agreements: Record<string, AgreedResponse>;
  /**
   * The network's anonymisation salt (lib/id.ts, newSalt): made once, kept with the data, so
   * hidden names get the same letters on every screen and after a reload. Data saved before it
   * existed gets one when it is loaded (store/network-persistence.ts).
   */
  salt: string;
}

export const emptyNetworkData = (salt: string = newSalt()): NetworkData => ({
  sources: [],
  responses: {},
  actions: {},
  agreements: {},
  salt,
});

/** Where imported results live. The domain never knows; tests use the in-memory one. */
export interface NetworkStorage {
  load(this: void): Promise<NetworkData | null>;
  save(this: void, data: NetworkData): Promise<void>;
}

const KEY = 'network-v1';

export function createIdbNetworkStorage(): NetworkStorage {
  const store = createStore('naeringsspeilet', 'imported');
  return {
    load: async () => (await get<NetworkData>(KEY, store)) ?? null,
    save: (data) => set(KEY, data, store),
  };
}

export function createMemoryNetworkStorage(initial: NetworkData | null = null): NetworkStorage & {
  saved: () => NetworkData | null;
} {
  let data = initial === null ? null : structuredClone(initial);
  return {
    load: () => Promise.resolve(data === null ? null : structuredClone(data)),
    save: (next) => {
      data = structuredClone(next);
      return Promise.resolve();
    },
    saved: () => data,
  };
}
