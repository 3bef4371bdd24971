import { describe, expect, it } from 'vitest';
import { crc32 } from './crc32';

/** Bytes of ASCII text (a Uint8Array of this realm, so toEqual compares the bytes). */
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('crc32', () => {
  // Check values of CRC-32/ISO-HDLC (the zlib, PNG and Ethernet CRC).
  it.each([
    ['', 0x00000000],
    ['a', 0xe8b7be43],
    ['abc', 0x352441c2],
    ['123456789', 0xcbf43926],
    ['The quick brown fox jumps over the lazy dog', 0x414fa339],
  ])('crc32(%j) = %i', (text, expected) => {
    expect(crc32(ascii(text))).toBe(expected);
  });

  it('is an unsigned 32-bit number, also when the top bit is set', () => {
    expect(crc32(Uint8Array.from({ length: 256 }, (_, i) => i))).toBe(0x29058c73);
    const high = crc32(ascii('123456789'));
    expect(high).toBeGreaterThan(0x7fffffff);
    expect(Number.isInteger(high) && high <= 0xffffffff).toBe(true);
  });

  it('sees a single flipped bit anywhere', () => {
    const bytes = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff);
    const original = crc32(bytes);
    for (let i = 0; i < bytes.length * 8; i++) {
      const copy = bytes.slice();
      copy[i >> 3]! ^= 1 << (i & 7);
      expect(crc32(copy)).not.toBe(original);
    }
  });
});
