import type { PersistOptions, PersistStorage, StateStorage } from 'zustand/middleware';
import { writeBackup } from '../lib/storage';
import {
  initialPersisted,
  loadFullCheck,
  migrateState,
  MigrationError,
  persistedPart,
  readSaved,
  sealSaved,
  STORE_KEY,
  STORE_VERSION,
  trustedPersisted,
  type FullCheck,
  type PersistedState,
} from './saved-state';
import type { RecoveryNotice } from './status-slice';

export interface PersistSetup<S> {
  /** The options for zustand's persist middleware. */
  options: PersistOptions<S, PersistedState>;
  /** What went wrong while reading saved state, once the store has hydrated; null if nothing. */
  recovery: () => RecoveryNotice | null;
  /**
   * Saved state that the store could not trust at once (not sealed by this app, or from an older
   * version) is checked in full once that check has loaded; `apply` receives the result. Nothing
   * is saved in between, so the state on disk stays as it was until then. Resolves at once when
   * there is nothing to check, and also when the check cannot load (offline before the app was
   * cached): then the saved state is left alone and nothing is saved this time.
   */
  settle: (apply: (state: PersistedState) => void) => Promise<void>;
}

/**
 * How the store is saved in localStorage: the persist options and the storage adapter behind
 * them. Saved state that cannot be used as it is (unreadable, from a newer version, not
 * migratable, with invalid entries) is kept whole under the backup key, and `recovery` says why.
 * State saved by a newer version is never written over: that version can still open it.
 *
 * State this app sealed (saved-state.ts) gets a light check only. Other state gets the full one:
 * at once when `fullCheck` is given (tests and tools, through createAppStore), else on demand
 * through `settle` (the app, through openAppStore), so the first screen does without zod.
 */
export function persistSetup<S extends PersistedState>(options: {
  storage: StateStorage;
  backupStorage?: (() => Storage | undefined) | undefined;
  fullCheck?: FullCheck | undefined;
}): PersistSetup<S> {
  const backup = (raw: string) => writeBackup(raw, options.backupStorage);
  let recovery: RecoveryNotice | null = null;
  let sealed = false;
  /** Saved state waiting for the full check; nothing is written while there is one. */
  let pending: { state: unknown } | null = null;

  const checkFully = (check: FullCheck, persisted: unknown): PersistedState => {
    const { state, rejected } = check(persisted);
    if (rejected > 0 && recovery === null) {
      backup(JSON.stringify({ state: persisted, version: STORE_VERSION }));
      recovery = 'invalidEntries';
    }
    return state;
  };

  const storage: PersistStorage<PersistedState> = {
    getItem(name) {
      const raw = options.storage.getItem(name);
      if (typeof raw !== 'string') return null;
      const saved = readSaved(raw);
      if (saved === null) {
        backup(raw);
        recovery = 'corrupt';
        return null;
      }
      sealed = saved.sealed;
      return { state: saved.state as PersistedState, version: saved.version };
    },
    setItem(name, value) {
      // State saved by a newer version stays as it is: that version can still open it.
      if (recovery === 'newerVersion' || pending !== null) return;
      void options.storage.setItem(name, sealSaved(value));
    },
    removeItem(name) {
      void options.storage.removeItem(name);
    },
  };

  return {
    recovery: () => recovery,
    async settle(apply) {
      if (pending === null) return;
      let check: FullCheck;
      try {
        check = await loadFullCheck();
      } catch {
        return;
      }
      const state = checkFully(check, pending.state);
      pending = null;
      apply(state);
    },
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
        const trusted = sealed ? trustedPersisted(persisted) : null;
        if (trusted !== null) return { ...current, ...trusted };
        if (options.fullCheck) return { ...current, ...checkFully(options.fullCheck, persisted) };
        pending = { state: persisted };
        return current;
      },
    },
  };
}
