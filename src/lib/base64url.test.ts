import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { base64UrlDecode, base64UrlEncode, decodeWithAtob, encodeWithBtoa } from './base64url';

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const list = (bytes: Uint8Array | null) => (bytes ? Array.from(bytes) : null);

type Proto = { toBase64?: unknown };
type Ctor = { fromBase64?: unknown };
const hadNative = typeof (Uint8Array.prototype as Proto).toBase64 === 'function';

afterEach(() => {
  if (!hadNative) {
    delete (Uint8Array.prototype as Proto).toBase64;
    delete (Uint8Array as Ctor).fromBase64;
  }
});

describe('base64url', () => {
  // RFC 4648 §10, in the URL alphabet without padding.
  it.each([
    ['', ''],
    ['f', 'Zg'],
    ['fo', 'Zm8'],
    ['foo', 'Zm9v'],
    ['foob', 'Zm9vYg'],
    ['fooba', 'Zm9vYmE'],
    ['foobar', 'Zm9vYmFy'],
  ])('%j ⇄ %j', (text, encoded) => {
    expect(base64UrlEncode(ascii(text))).toBe(encoded);
    expect(list(base64UrlDecode(encoded))).toEqual(list(ascii(text)));
  });

  it('uses - and _ where base64 has + and /', () => {
    expect(base64UrlEncode(Uint8Array.of(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(list(base64UrlDecode('-_-_'))).toEqual([0xfb, 0xff, 0xbf]);
  });

  it.each([
    ['padding', 'Zg=='],
    ['one pad', 'Zm8='],
    ['a space', 'Zm9v YmFy'],
    ['a line break', 'Zm9v\nYmFy'],
    ['base64 +', 'Zm+v'],
    ['base64 /', 'Zm/v'],
    ['a lone last character', 'Zm9vY'],
    ['stray bits («Zh» would also be «f»)', 'Zh'],
    ['stray bits in two bytes', 'Zm9'],
    ['non-ASCII', 'Zm9vÅ'],
  ])('rejects %s', (_name, text) => {
    expect(base64UrlDecode(text)).toBeNull();
  });

  it('round-trips any bytes, and takes back only what it writes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const text = base64UrlEncode(bytes);
        expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
        expect(list(base64UrlDecode(text))).toEqual(list(bytes));
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AZaz09-_Qg'), maxLength: 12 }), (text) => {
        const bytes = base64UrlDecode(text);
        if (bytes) expect(base64UrlEncode(bytes)).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });

  it('uses Uint8Array.toBase64 / fromBase64 where present, in the URL alphabet', () => {
    const calls: unknown[] = [];
    if (!hadNative) {
      // A stand-in for the built-ins (Node 20 lacks them) that records how it is called.
      (Uint8Array.prototype as Proto).toBase64 = function (this: Uint8Array, options: unknown) {
        calls.push(options);
        return encodeWithBtoa(this);
      };
      (Uint8Array as Ctor).fromBase64 = (text: string, options: unknown) => {
        calls.push(options);
        return decodeWithAtob(text);
      };
    }
    expect(base64UrlEncode(ascii('foobar?'))).toBe('Zm9vYmFyPw');
    expect(list(base64UrlDecode('Zm9vYmFyPw'))).toEqual(list(ascii('foobar?')));
    expect(base64UrlDecode('Zm9vYmFyPx')).toBeNull();
    if (!hadNative) {
      expect(calls[0]).toEqual({ alphabet: 'base64url', omitPadding: true });
      expect(calls[1]).toEqual({ alphabet: 'base64url' });
    }
  });
});
