import { validatePersisted } from './persisted';
import { buildAppStore, type AppStore, type StoreOptions } from './store-factory';

export type { AppState, AppStore, StoreOptions } from './store-factory';
export type { NewResponseInput } from './responses-slice';
export type { RecoveryNotice } from './status-slice';

/**
 * Creates the app's one store, with saved state checked at once, in full where it is not sealed
 * (persisted.ts). Tests and tools use it, with an in-memory storage; the app opens its store with
 * openAppStore (store-factory.ts), which keeps the full check off the first screen.
 */
export function createAppStore(options: StoreOptions): AppStore {
  return buildAppStore(options, validatePersisted).store;
}
