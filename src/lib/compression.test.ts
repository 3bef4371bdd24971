import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import {
  compressionSupported,
  deflateRaw,
  inflateRaw,
  type CompressionResult,
} from './compression';

// CompressionStream comes from Node (20+) here; jsdom has none of its own. The checks below run
// on the same stream implementation that Chromium, Firefox and Safari each provide.

const list = (bytes: Uint8Array) => Array.from(bytes);

function ok(result: CompressionResult): Uint8Array {
  if (!result.ok) throw new Error(result.error);
  return result.bytes;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('deflateRaw / inflateRaw', () => {
  it('is supported here (Node 20 has deflate-raw streams)', () => {
    expect(compressionSupported()).toBe(true);
  });

  it('round-trips any bytes (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 5000 }), async (bytes) => {
        const packed = ok(await deflateRaw(bytes));
        const unpacked = ok(await inflateRaw(packed, { maxBytes: bytes.length }));
        expect(list(unpacked)).toEqual(list(bytes));
      }),
      { numRuns: 150 },
    );
  });

  it('speaks plain raw DEFLATE, as zlib does', async () => {
    const text = new TextEncoder().encode('Næringsspeilet '.repeat(200));
    const packed = ok(await deflateRaw(text));
    expect(packed.length).toBeLessThan(text.length / 10);
    expect(list(inflateRawSync(packed))).toEqual(list(text));
    const fromZlib = deflateRawSync(text, { level: 9 });
    expect(list(ok(await inflateRaw(fromZlib, { maxBytes: 1e6 })))).toEqual(list(text));
  });

  it('stops at maxBytes: the exact size passes, one byte less does not', async () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => i % 7);
    const packed = deflateRawSync(bytes);
    expect(ok(await inflateRaw(packed, { maxBytes: 3000 })).length).toBe(3000);
    expect(await inflateRaw(packed, { maxBytes: 2999 })).toEqual({ ok: false, error: 'tooLarge' });
  });

  it('says tooLarge for a zip bomb', async () => {
    const bomb = deflateRawSync(new Uint8Array(32 * 1024 * 1024)); // 32 MB of zeros in ~32 KB
    expect(await inflateRaw(bomb, { maxBytes: 100_000 })).toEqual({
      ok: false,
      error: 'tooLarge',
    });
  });

  it('never inflates a zip bomb in full: input goes in slices, only as output is read', async () => {
    // A stand-in decompressor that, like Chromium's, turns each input chunk into all of its
    // output at once, here 1,000 bytes per input byte; it counts what it produces.
    let produced = 0;
    class Expanding {
      readonly readable: ReadableStream<Uint8Array>;
      readonly writable: WritableStream<BufferSource>;
      constructor() {
        const t = new TransformStream<Uint8Array, Uint8Array>({
          transform(chunk, controller) {
            for (let i = 0; i < chunk.byteLength; i++) {
              controller.enqueue(new Uint8Array(1000));
              produced += 1000;
            }
          },
        });
        this.readable = t.readable;
        this.writable = t.writable as WritableStream<BufferSource>;
      }
    }
    vi.stubGlobal('DecompressionStream', Expanding);
    const input = new Uint8Array(1024 * 1024); // would be 1 GB of output in full
    expect(await inflateRaw(input, { maxBytes: 200_000 })).toEqual({
      ok: false,
      error: 'tooLarge',
    });
    // The limit, plus at most the output of the one slice (1,024 bytes) being read, and one more.
    expect(produced).toBeLessThanOrEqual(200_000 + 2 * 1024 * 1000);
  });

  it.each([
    ['a reserved block type', Uint8Array.of(0xff, 0xff, 0xff, 0xff)],
    [
      'a stream cut short',
      deflateRawSync(new TextEncoder().encode('x'.repeat(100) + 'yz')).slice(0, 3),
    ],
    ['nothing', new Uint8Array(0)],
  ])('says corrupt for %s', async (_name, bytes) => {
    expect(await inflateRaw(bytes, { maxBytes: 1e6 })).toEqual({ ok: false, error: 'corrupt' });
  });

  it('says compressionUnsupported where the streams are missing (Safari before 16.4)', async () => {
    vi.stubGlobal('CompressionStream', undefined);
    vi.stubGlobal('DecompressionStream', undefined);
    expect(compressionSupported()).toBe(false);
    expect(await deflateRaw(Uint8Array.of(1))).toEqual({
      ok: false,
      error: 'compressionUnsupported',
    });
    expect(await inflateRaw(Uint8Array.of(1), { maxBytes: 10 })).toEqual({
      ok: false,
      error: 'compressionUnsupported',
    });
  });

  it('says compressionUnsupported where only gzip and deflate are known', () => {
    const Real = CompressionStream;
    class GzipOnly extends Real {
      constructor(format: CompressionFormat) {
        if (format === 'deflate-raw') throw new TypeError('Unsupported compression format');
        super(format);
      }
    }
    vi.stubGlobal('CompressionStream', GzipOnly);
    expect(compressionSupported()).toBe(false);
  });
});
