import type { PersistOptions, PersistStorage, StateStorage } from 'zustand/middleware';
import { writeBackup } from '../lib/storage';
import {
  initialPersisted,
  migrateState,
  MigrationError,
  persistedPart,
  STORE_KEY,
  STORE_VERSION,
  validatePersisted,
  type PersistedState,
} from './persisted';
import type { RecoveryNotice } from './status-slice';

export interface PersistSetup<S> {
  /** The options for zustand's persist middleware. */
  options: PersistOptions<S, PersistedState>;
  /** What went wrong while reading saved state, once the store has hydrated; null if nothing. */
  recovery: () => RecoveryNotice | null;
}

/**
 * How the store is saved in localStorage: the persist options and the storage adapter behind
 * them. Saved state that cannot be used as it is (unreadable, from a newer version, not
 * migratable, with invalid entries) is kept whole under the backup key, and `recovery` says why.
 * State saved by a newer version is never written over: that version can still open it.
 */
export function persistSetup<S extends PersistedState>(options: {
  storage: StateStorage;
  backupStorage?: (() => Storage | undefined) | undefined;
}): PersistSetup<S> {
  const backup = (raw: string) => writeBackup(raw, options.backupStorage);
  let recovery: RecoveryNotice | null = null;

  const storage: PersistStorage<PersistedState> = {
    getItem(name) {
      const raw = options.storage.getItem(name);
      if (typeof raw !== 'string') return null;
      try {
        const value = JSON.parse(raw) as unknown;
        if (
          typeof value !== 'object' ||
          value === null ||
          !('state' in value) ||
          typeof (value as { version?: unknown }).version !== 'number'
        ) {
          throw new Error('not a saved state');
        }
        return value as { state: PersistedState; version: number };
      } catch {
        backup(raw);
        recovery = 'corrupt';
        return null;
      }
    },
    setItem(name, value) {
      // State saved by a newer version stays as it is: that version can still open it.
      if (recovery === 'newerVersion') return;
      void options.storage.setItem(name, JSON.stringify(value));
    },
    removeItem(name) {
      void options.storage.removeItem(name);
    },
  };

  return {
    recovery: () => recovery,
    options: {
      name: STORE_KEY,
      version: STORE_VERSION,
      storage,
      partialize: persistedPart,
      migrate(persisted, version) {
        try {
          return migrateState(persisted, version) as unknown as PersistedState;
        } catch (error) {
          backup(JSON.stringify({ state: persisted, version }));
          recovery = error instanceof MigrationError ? error.code : 'migrationFailed';
          return initialPersisted();
        }
      },
      merge(persisted, current) {
        // Nothing saved yet (a first visit): zustand still calls merge, with undefined.
        if (persisted === undefined) return current;
        const { state, rejected } = validatePersisted(persisted);
        if (rejected > 0 && recovery === null) {
          backup(JSON.stringify({ state: persisted, version: STORE_VERSION }));
          recovery = 'invalidEntries';
        }
        return { ...current, ...state };
      },
    },
  };
}
