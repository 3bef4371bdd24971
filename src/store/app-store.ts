import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { StateStorage } from 'zustand/middleware';
import { createResponsesSlice, type ResponsesSlice } from './responses-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createStatusSlice, type StatusSlice } from './status-slice';
import { createNetworkSlice, type NetworkSlice } from './network-slice';
import { createActionsSlice, type ActionsSlice } from './actions-slice';
import { createAgreementsSlice, type AgreementsSlice } from './agreements-slice';
import { createSafekeepingSlice, type SafekeepingSlice } from './safekeeping-slice';
import { createFacilitatorSlice, type FacilitatorSlice } from './facilitator-slice';
import { persistSetup } from './persist-storage';

export type { NewResponseInput } from './responses-slice';
export type { RecoveryNotice } from './status-slice';

export type AppState = ResponsesSlice &
  SettingsSlice &
  StatusSlice &
  NetworkSlice &
  ActionsSlice &
  AgreementsSlice &
  SafekeepingSlice &
  FacilitatorSlice;
export interface AppStore extends StoreApi<AppState> {
  /**
   * What this store owns besides its state: caches and the aggregator. Each is made on first use
   * by its factory and kept for the store's life, keyed by the factory, so a module loaded later
   * (the network screens) brings its own code, and two stores (two tests) never share them.
   */
  own<T>(factory: (store: AppStore) => T): T;
}

export interface StoreOptions {
  storage: StateStorage;
  now?: () => Date;
  backupStorage?: () => Storage | undefined;
}

/** Creates the app's one store. Tests create a fresh one with an in-memory storage. */
export function createAppStore(options: StoreOptions): AppStore {
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  const saved = persistSetup<AppState>(options);
  const store = createStore<AppState>()(
    persist(
      (set, get) => ({
        ...createResponsesSlice(set, get, now),
        ...createSettingsSlice(set, get, now),
        ...createStatusSlice(set, get, now),
        ...createNetworkSlice(set, get, now),
        ...createActionsSlice(set, get, now),
        ...createAgreementsSlice(set, get, now),
        ...createSafekeepingSlice(set, get, now),
        ...createFacilitatorSlice(set, get, now),
      }),
      saved.options,
    ),
  );
  // Local storage hydrates synchronously, so any problem is known by now.
  const recovery = saved.recovery();
  if (recovery !== null) store.setState({ recovery });
  const owned = new Map<(store: AppStore) => unknown, unknown>();
  const appStore: AppStore = Object.assign(store, {
    own<T>(factory: (s: AppStore) => T): T {
      if (!owned.has(factory)) owned.set(factory, factory(appStore));
      return owned.get(factory) as T;
    },
  });
  return appStore;
}
