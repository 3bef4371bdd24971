import type { StorageStatus } from '../lib/storage';
import type { SliceCreator } from './slice';

/** Why saved state could not be used as it was. The raw state is kept as a backup. */
export type RecoveryNotice = 'corrupt' | 'newerVersion' | 'migrationFailed' | 'invalidEntries';

/** How saving and loading go, for the notices (app/status-notices.tsx). Never persisted. */
export interface StatusSlice {
  storageStatus: StorageStatus;
  recovery: RecoveryNotice | null;
  setStorageStatus: (status: StorageStatus) => void;
  dismissRecovery: () => void;
}

export const createStatusSlice: SliceCreator<StatusSlice> = (set) => ({
  storageStatus: 'ok',
  recovery: null,
  setStorageStatus: (storageStatus) => set({ storageStatus }),
  dismissRecovery: () => set({ recovery: null }),
});
