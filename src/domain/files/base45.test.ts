import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BASE45_ALPHABET, base45Decode, base45Encode } from './base45';

/** Bytes of ASCII text (a Uint8Array of this realm, so toEqual compares the bytes). */
const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe('base45 (RFC 9285)', () => {
  // The examples of RFC 9285, section 4.
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
    ['', ''],
  ])('encodes %j as %j and back', (text, encoded) => {
    expect(base45Encode(ascii(text))).toBe(encoded);
    expect(base45Decode(encoded)).toEqual({ ok: true, bytes: ascii(text) });
  });

  it('writes the largest values with the last characters of the alphabet', () => {
    // 65535 = 15 + 16 × 45 + 32 × 45² → "F" "G" "W";  255 = 30 + 5 × 45 → "U" "5"
    expect(base45Encode(Uint8Array.of(0xff, 0xff))).toBe('FGW');
    expect(base45Encode(Uint8Array.of(0xff))).toBe('U5');
    expect(base45Encode(Uint8Array.of(0, 0, 0))).toBe('00000');
  });

  it.each([
    ['GGW', 'outOfRange', 0], // 16 + 16 × 45 + 32 × 2025 = 65536 (the RFC's example)
    ['ABCGGW', 'outOfRange', 3],
    ['V5', 'outOfRange', 0], // 31 + 5 × 45 = 256
    ['A', 'invalidLength', 0],
    ['BB8A', 'invalidLength', 3],
    ['bb8', 'invalidCharacter', 0],
    ['BB8#B8', 'invalidCharacter', 3],
    ['BB\n', 'invalidCharacter', 2],
    ['BBÅ', 'invalidCharacter', 2],
  ] as const)('rejects %j: %s at %i', (text, error, at) => {
    expect(base45Decode(text)).toEqual({ ok: false, error, at });
  });

  it('round-trips any bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const text = base45Encode(bytes);
        expect(text.length).toBe(Math.floor(bytes.length / 2) * 3 + (bytes.length % 2) * 2);
        expect([...text].every((c) => BASE45_ALPHABET.includes(c))).toBe(true);
        expect(base45Decode(text)).toEqual({ ok: true, bytes });
      }),
      { numRuns: 500 },
    );
  });

  it('gives every accepted text back unchanged (no two texts for one byte string)', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...BASE45_ALPHABET), maxLength: 60 }),
        (text) => {
          const decoded = base45Decode(text);
          if (decoded.ok) expect(base45Encode(decoded.bytes)).toBe(text);
          else expect(['invalidLength', 'outOfRange']).toContain(decoded.error);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
