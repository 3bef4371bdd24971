/**
 * base64url (RFC 4648 §5) without padding, as result links carry their payload: 0-9 A-Z a-z - _.
 * Uses Uint8Array.prototype.toBase64 / Uint8Array.fromBase64 where the browser has them
 * (Baseline 2025), else btoa / atob.
 *
 * Decoding is strict: only the 64 characters (no padding, no white space), no length that leaves
 * a lone character, and no stray bits in the last character, so each text has exactly one byte
 * string and a changed character is never read as the same bytes.
 */

interface NativeBase64 {
  toBase64?: (this: Uint8Array, options: { alphabet: 'base64url'; omitPadding: boolean }) => string;
}
interface NativeFromBase64 {
  fromBase64?: (text: string, options: { alphabet: 'base64url' }) => Uint8Array;
}

const VALID = /^[A-Za-z0-9_-]*$/;

export function base64UrlEncode(bytes: Uint8Array): string {
  const toBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
  if (toBase64) return toBase64.call(bytes, { alphabet: 'base64url', omitPadding: true });
  return encodeWithBtoa(bytes);
}

/** The bytes, or null when `text` is not strict, unpadded base64url. */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (!VALID.test(text) || text.length % 4 === 1) return null;
  const fromBase64 = (Uint8Array as NativeFromBase64).fromBase64;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64 ? fromBase64(text, { alphabet: 'base64url' }) : decodeWithAtob(text);
  } catch {
    return null;
  }
  // Stray bits in the last character («AB» and «AC» are both one byte 0x00): only the canonical
  // text counts.
  return base64UrlEncode(bytes) === text ? bytes : null;
}

export function encodeWithBtoa(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeWithAtob(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
