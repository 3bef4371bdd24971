import type { Invite } from '../domain/files/invite';

/**
 * The invite a delegate opened, kept in this browser so that, days later, the result still goes
 * to the facilitator's address. Its own key, beside the app's saved state: nothing else reads it.
 */
export const INVITE_KEY = 'naeringsspeilet-invite';

export function saveInvite(invite: Invite, storage: Storage | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(INVITE_KEY, JSON.stringify(invite));
  } catch {
    // Storage full or blocked: the send screen then asks for nothing and offers mail without "to".
  }
}

/** The facilitator's email from the last invite opened here, if any. */
export function savedFacilitatorEmail(
  storage: Storage | undefined = globalThis.localStorage,
): string | undefined {
  try {
    const saved = JSON.parse(storage?.getItem(INVITE_KEY) ?? 'null') as Partial<Invite> | null;
    return typeof saved?.email === 'string' ? saved.email : undefined;
  } catch {
    return undefined;
  }
}
