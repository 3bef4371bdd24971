/**
 * Base45 (RFC 9285): bytes as text in the 45 characters of a QR code's alphanumeric mode, so a
 * code carries 2 bytes in 3 characters (16.5 bits in 11 bits per pair of characters, the densest
 * a QR code holds). Each pair of bytes [a, b] is n = a × 256 + b, written as c + d × 45 + e × 45²
 * in the order c d e; a last odd byte is written as c + d × 45.
 *
 * Decoding is strict: only the 45 characters, no length that leaves one character over, no
 * group whose value does not fit its bytes. Every valid text has exactly one byte string, so
 * decode(encode(bytes)) is bytes and encode(decode(text)) is text.
 */

export const BASE45_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

const VALUE = new Map<string, number>([...BASE45_ALPHABET].map((c, i) => [c, i]));

export type Base45ErrorCode = 'invalidLength' | 'invalidCharacter' | 'outOfRange';

export type Base45Result =
  | { ok: true; bytes: Uint8Array }
  | {
      ok: false;
      error: Base45ErrorCode;
      /** offset of the offending character or group */ at: number;
    };

export function base45Encode(bytes: Uint8Array): string {
  let out = '';
  const pairs = bytes.length - (bytes.length % 2);
  for (let i = 0; i < pairs; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    const d = n % 45;
    const e = (n - d) / 45;
    out += BASE45_ALPHABET[c]! + BASE45_ALPHABET[d]! + BASE45_ALPHABET[e]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += BASE45_ALPHABET[n % 45]! + BASE45_ALPHABET[Math.floor(n / 45)]!;
  }
  return out;
}

export function base45Decode(text: string): Base45Result {
  if (text.length % 3 === 1) return { ok: false, error: 'invalidLength', at: text.length - 1 };
  const bytes = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    const size = Math.min(3, text.length - i);
    let n = 0;
    for (let k = 0, weight = 1; k < size; k++, weight *= 45) {
      const v = VALUE.get(text[i + k]!);
      if (v === undefined) return { ok: false, error: 'invalidCharacter', at: i + k };
      n += v * weight;
    }
    if (size === 3) {
      if (n > 0xffff) return { ok: false, error: 'outOfRange', at: i };
      bytes[o++] = n >> 8;
      bytes[o++] = n & 0xff;
    } else {
      if (n > 0xff) return { ok: false, error: 'outOfRange', at: i };
      bytes[o++] = n;
    }
  }
  return { ok: true, bytes };
}
