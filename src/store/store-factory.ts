import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { StateStorage } from 'zustand/middleware';
import { createResponsesSlice, type ResponsesSlice } from './responses-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createStatusSlice, type StatusSlice } from './status-slice';
import { createNetworkSlice, type NetworkSlice } from './network-slice';
import { createActionsSlice, type ActionsSlice } from './actions-slice';
import { createAgreementsSlice, type AgreementsSlice } from './agreements-slice';
import { createFacilitatorSlice, type FacilitatorSlice } from './facilitator-slice';
import { createSafekeepingSlice, type SafekeepingSlice } from './safekeeping-slice';
import { persistSetup } from './persist-storage';
import type { FullCheck, PersistedState } from './saved-state';

export type AppState = ResponsesSlice &
  SettingsSlice &
  StatusSlice &
  NetworkSlice &
  ActionsSlice &
  AgreementsSlice &
  FacilitatorSlice &
  SafekeepingSlice;
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

/**
 * Opens the app's one store for the app itself. Saved state this app sealed loads at once with a
 * light check (store/saved-state.ts); any other saved state waits for the full check, which
 * loads on demand, so zod stays off the first screen. Render once `ready` has resolved: the
 * store then holds what was saved, checked.
 */
export function openAppStore(options: StoreOptions): { store: AppStore; ready: Promise<void> } {
  const { store, settle } = buildAppStore(options, undefined);
  return { store, ready: settle() };
}

/**
 * The store, built from its slices. With `fullCheck`, saved state that is not trusted at once is
 * checked in full right away (createAppStore); without, `settle` checks it once the check has
 * loaded (openAppStore).
 */
export function buildAppStore(
  options: StoreOptions,
  fullCheck: FullCheck | undefined,
): { store: AppStore; settle: () => Promise<void> } {
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  const saved = persistSetup<AppState>({ ...options, fullCheck });
  const store = createStore<AppState>()(
    persist(
      (set, get) => ({
        ...createResponsesSlice(set, get, now),
        ...createSettingsSlice(set, get, now),
        ...createStatusSlice(set, get, now),
        ...createNetworkSlice(set, get, now),
        ...createActionsSlice(set, get, now),
        ...createAgreementsSlice(set, get, now),
        ...createFacilitatorSlice(set, get, now),
        ...createSafekeepingSlice(set, get, now),
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
  const settle = () =>
    saved.settle((state: PersistedState) => {
      store.setState(state);
      const recovery = saved.recovery();
      if (recovery !== null) store.setState({ recovery });
    });
  return { store: appStore, settle };
}
