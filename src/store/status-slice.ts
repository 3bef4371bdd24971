import type { StorageStatus } from '../lib/storage';
import type { SliceCreator } from './slice';

/** Why saved state could not be used as it was. The raw state is kept as a backup. */
export type RecoveryNotice = 'corrupt' | 'newerVersion' | 'migrationFailed' | 'invalidEntries';

/**
 * How saving the network's imported results (IndexedDB) goes: `full` for a quota error,
 * `saveFailed` for any other error on save, `loadFailed` when the saved data could not be read
 * at all (then it is left as it is, and nothing is saved until the app is opened again).
 */
export type NetworkStorageStatus = 'ok' | 'full' | 'saveFailed' | 'loadFailed';

/** What loading the network's saved data found that could not be used as it was. */
export interface NetworkRecovery {
  /** Saved records that could not be read (damaged, or from a newer version): not loaded. */
  unreadable: number;
  /** Responses, actions and agreed responses that failed their check: not loaded. */
  invalidEntries: number;
  /** Data saved in the old layout (one key) could not be moved to one record per file. */
  migrationFailed: boolean;
}

/** How saving and loading go, for the notices (app/status-notices.tsx). Never persisted. */
export interface StatusSlice {
  storageStatus: StorageStatus;
  recovery: RecoveryNotice | null;
  setStorageStatus: (status: StorageStatus) => void;
  dismissRecovery: () => void;
  networkStorageStatus: NetworkStorageStatus;
  setNetworkStorageStatus: (status: NetworkStorageStatus) => void;
  /** What the last load of the network's data could not use; null when all was well. */
  networkRecovery: NetworkRecovery | null;
  /**
   * Copies of saved network data that could not be used as it was, by the key it is kept under,
   * as it was read: for the user to download, or delete (which deletes them from storage too).
   */
  networkKept: Readonly<Record<string, unknown>>;
  reportNetworkLoad: (
    recovery: NetworkRecovery | null,
    kept: Readonly<Record<string, unknown>>,
  ) => void;
  dismissNetworkRecovery: () => void;
  deleteNetworkKept: () => void;
}

export const createStatusSlice: SliceCreator<StatusSlice> = (set) => ({
  storageStatus: 'ok',
  recovery: null,
  setStorageStatus: (storageStatus) => set({ storageStatus }),
  dismissRecovery: () => set({ recovery: null }),
  networkStorageStatus: 'ok',
  setNetworkStorageStatus: (networkStorageStatus) => set({ networkStorageStatus }),
  networkRecovery: null,
  networkKept: {},
  reportNetworkLoad: (networkRecovery, networkKept) => set({ networkRecovery, networkKept }),
  dismissNetworkRecovery: () => set({ networkRecovery: null }),
  deleteNetworkKept: () => set({ networkKept: {}, networkRecovery: null }),
});
