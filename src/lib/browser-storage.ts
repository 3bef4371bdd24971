/**
 * What the browser does with this site's data: whether it promises to keep it
 * (navigator.storage.persist), how much room is used and left (navigator.storage.estimate), and
 * whether it deletes data after a week without a visit (Safari, unless the app was added to the
 * Home Screen). Adapters only: each takes the navigator and window it reads, so tests pass their
 * own, and none keeps state.
 */

export type PersistAnswer = 'granted' | 'denied' | 'unsupported';

type StorageManagerLike = Partial<Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>>;

/**
 * Asks the browser to keep this site's data even when space runs short. Asked once data worth
 * keeping is here (the first network loaded); an answer already given is read, not asked again.
 */
export async function askToPersist(
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<PersistAnswer> {
  if (typeof storage?.persist !== 'function') return 'unsupported';
  try {
    if (typeof storage.persisted === 'function' && (await storage.persisted())) return 'granted';
    return (await storage.persist()) ? 'granted' : 'denied';
  } catch {
    return 'unsupported';
  }
}

/** Bytes used and the most this site may use; null when the browser does not say. */
export async function estimateStorage(
  storage: StorageManagerLike | undefined = globalThis.navigator?.storage,
): Promise<{ usage: number; quota: number } | null> {
  if (typeof storage?.estimate !== 'function') return null;
  try {
    const { usage, quota } = await storage.estimate();
    return typeof usage === 'number' && typeof quota === 'number' && quota > 0
      ? { usage, quota }
      : null;
  } catch {
    return null;
  }
}

/** Storage is low: four fifths used, or less than 50 MB left. */
export function storageLow(estimate: { usage: number; quota: number } | null): boolean {
  if (estimate === null) return false;
  const left = estimate.quota - estimate.usage;
  return estimate.usage / estimate.quota >= 0.8 || left < 50 * 1024 * 1024;
}

/** Runs as an app added to the Home Screen (or installed), not in a browser tab. */
export function isInstalled(win: Pick<Window, 'matchMedia' | 'navigator'> = window): boolean {
  const standalone = (win.navigator as Navigator & { standalone?: boolean }).standalone === true;
  return standalone || win.matchMedia?.('(display-mode: standalone)').matches === true;
}

/**
 * The browser deletes this site's data after seven days without a visit: Safari on a Mac, and
 * every browser on an iPhone or iPad (they all run on WebKit), unless the app was added to the
 * Home Screen.
 */
export function deletesAfterAWeek(win: Pick<Window, 'matchMedia' | 'navigator'> = window): boolean {
  if (isInstalled(win)) return false;
  const ua = win.navigator.userAgent;
  const iOS =
    /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && win.navigator.maxTouchPoints > 1);
  const macSafari =
    /Macintosh/.test(ua) && /Safari\//.test(ua) && !/Chrome|Chromium|Edg|Firefox|OPR/.test(ua);
  return iOS || macSafari;
}
