import { responseSchema, agreedResponseSchema, actionSchema } from '../domain/core/schemas';
import type { Action, AgreedResponse, Response } from '../domain/core/types';
import { recordsById } from '../domain/core/records';
import { isSalt, newSalt } from '../lib/id';
import type { NetworkData, NetworkStorage } from '../lib/network-storage';
import type { AppStore } from './app-store';

/** Saved network data passes validation like any outside input; bad entries are left out. */
export function validateNetworkData(raw: unknown): NetworkData | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const data = raw as Partial<NetworkData>;
  if (!Array.isArray(data.sources)) return null;
  const responses: Record<string, Response> = recordsById(data.responses, (v) =>
    responseSchema().safeParse(v),
  ).records;
  const actions: Record<string, Action> = recordsById(data.actions, (v) =>
    actionSchema().safeParse(v),
  ).records;
  const agreements: Record<string, AgreedResponse> = recordsById(data.agreements, (v) =>
    agreedResponseSchema().safeParse(v),
  ).records;
  const sources = data.sources.filter(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      typeof s.id === 'string' &&
      typeof s.fileName === 'string' &&
      Array.isArray(s.responseIds) &&
      Array.isArray(s.actionIds),
  );
  // Saved before networks had a salt: make one now (letters were not secret until then).
  const salt = isSalt(data.salt) ? data.salt : newSalt();
  return { sources, responses, actions, agreements, salt };
}

/**
 * Loads imported results from their storage into the store, then saves every change.
 * Saves run one at a time, and the latest state always wins.
 */
export async function connectNetworkStorage(
  store: AppStore,
  storage: NetworkStorage,
): Promise<void> {
  let loaded: NetworkData | null = null;
  try {
    loaded = validateNetworkData(await storage.load());
  } catch {
    loaded = null;
  }
  store.getState().hydrateNetwork(loaded);
  let pending: NetworkData | null = null;
  let saving = false;
  const flush = async () => {
    saving = true;
    while (pending !== null) {
      const next = pending;
      pending = null;
      try {
        await storage.save(next);
      } catch {
        store.getState().setStorageStatus('full');
      }
    }
    saving = false;
  };
  store.subscribe((state, prev) => {
    if (state.network === prev.network) return;
    pending = state.network;
    if (!saving) void flush();
  });
}
