import type { SliceCreator } from './slice';

/** What the browser said when asked to keep the data (navigator.storage.persist()). */
export type Persistence = 'granted' | 'denied' | 'unsupported';

/**
 * Keeping a year of work safe on this device: when the last backup was taken (persisted, for
 * the reminder), and what the browser says about its storage (not persisted: asked anew).
 */
export interface SafekeepingSlice {
  /** When the network's last backup was written here (ISO); null for never. */
  lastBackupAt: string | null;
  /** When the reminder was put off ("not now"); it stays away until the data changes again. */
  backupReminderPutOffAt: string | null;
  backupTaken: () => void;
  putOffBackupReminder: () => void;
  /** The browser's answer about persistent storage; null until asked. */
  persistence: Persistence | null;
  setPersistence: (persistence: Persistence) => void;
  /** How much storage this site uses and may use, in bytes; null when the browser does not say. */
  storageEstimate: { usage: number; quota: number } | null;
  setStorageEstimate: (estimate: { usage: number; quota: number } | null) => void;
  /** The delegate put away the suggestion to keep the answers safe, for this visit. */
  keepAnswersDismissed: boolean;
  dismissKeepAnswers: () => void;
}

export const createSafekeepingSlice: SliceCreator<SafekeepingSlice> = (set, _get, now) => ({
  lastBackupAt: null,
  backupReminderPutOffAt: null,
  backupTaken: () => set({ lastBackupAt: now() }),
  putOffBackupReminder: () => set({ backupReminderPutOffAt: now() }),
  persistence: null,
  setPersistence: (persistence) => set({ persistence }),
  storageEstimate: null,
  setStorageEstimate: (storageEstimate) => set({ storageEstimate }),
  keepAnswersDismissed: false,
  dismissKeepAnswers: () => set({ keepAnswersDismissed: true }),
});
