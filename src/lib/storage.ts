import type { StateStorage } from 'zustand/middleware';

export type StorageStatus = 'ok' | 'unavailable' | 'full';

export const BACKUP_KEY = 'naeringsspeilet-backup';

type Listener = (status: StorageStatus) => void;

/** A write refused because the browser's storage for this origin is full. */
export function isQuotaError(error: unknown): boolean {
  return (
    error instanceof DOMException &&
    (error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED')
  );
}

/**
 * localStorage behind a small adapter that never throws: a full or missing storage
 * (private mode, a blocked origin) is reported to a listener so the UI can warn and
 * offer "export now", and the app keeps working in memory.
 */
export function createSafeStorage(
  getStorage: () => Storage | undefined = () => globalThis.localStorage,
): StateStorage & { onStatus(listener: Listener): () => void; status(): StorageStatus } {
  const listeners = new Set<Listener>();
  let status: StorageStatus = 'ok';
  const memory = new Map<string, string>();
  const set = (next: StorageStatus) => {
    if (next === status) return;
    status = next;
    listeners.forEach((l) => l(status));
  };
  const storage = (): Storage | undefined => {
    try {
      const s = getStorage();
      if (!s) set('unavailable');
      return s;
    } catch {
      set('unavailable');
      return undefined;
    }
  };
  return {
    getItem(name) {
      try {
        return storage()?.getItem(name) ?? memory.get(name) ?? null;
      } catch {
        set('unavailable');
        return memory.get(name) ?? null;
      }
    },
    setItem(name, value) {
      memory.set(name, value);
      const s = storage();
      if (!s) return;
      try {
        s.setItem(name, value);
        memory.delete(name);
        set('ok');
      } catch (error) {
        set(isQuotaError(error) ? 'full' : 'unavailable');
      }
    },
    removeItem(name) {
      memory.delete(name);
      try {
        storage()?.removeItem(name);
      } catch {
        set('unavailable');
      }
    },
    onStatus(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    status: () => status,
  };
}

/** Keeps a copy of saved state that could not be read, so the user can download it. */
export function writeBackup(
  raw: string,
  getStorage: () => Storage | undefined = () => globalThis.localStorage,
): void {
  try {
    getStorage()?.setItem(BACKUP_KEY, raw);
  } catch {
    // Nowhere to put it; the UI still offers what is in memory.
  }
}

export function readBackup(
  getStorage: () => Storage | undefined = () => globalThis.localStorage,
): string | null {
  try {
    return getStorage()?.getItem(BACKUP_KEY) ?? null;
  } catch {
    return null;
  }
}

export function clearBackup(
  getStorage: () => Storage | undefined = () => globalThis.localStorage,
): void {
  try {
    getStorage()?.removeItem(BACKUP_KEY);
  } catch {
    // ignore
  }
}
