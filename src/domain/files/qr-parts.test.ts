import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import encodeQR from 'qr';
import decodeQR from 'qr/decode.js';
import { BASE45_ALPHABET, base45Decode, base45Encode } from './base45';
import { crc32 } from './crc32';
import {
  QR_MAX_CHUNK_BYTES,
  QR_MAX_MESSAGE_BYTES,
  QR_MAX_PARTS,
  QR_MAX_PART_TEXT,
  QR_OPEN_MESSAGES,
  createPartCollector,
  parseQrPart,
  splitForQr,
  type CollectResult,
} from './qr-parts';

function split(message: Uint8Array, maxChunkBytes?: number): string[] {
  const result = splitForQr(message, maxChunkBytes === undefined ? {} : { maxChunkBytes });
  if (!result.ok) throw new Error(result.error);
  return result.parts;
}

function bytes(length: number, seed = 1): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 131 + seed * 17 + 7) & 0xff);
}

function raw(text: string): Uint8Array {
  const decoded = base45Decode(text);
  if (!decoded.ok) throw new Error(decoded.error);
  return decoded.bytes;
}

/** A text with the Base45 header bytes given and a chunk after them. */
function forged(header: number[], chunk = [1, 2, 3]): string {
  return base45Encode(Uint8Array.from([...header, ...chunk]));
}

const completes = (results: CollectResult[]) =>
  results.filter((r): r is Extract<CollectResult, { kind: 'complete' }> => r.kind === 'complete');

describe('splitForQr', () => {
  it('has room for 3,152 bytes in 8 codes of at most 600 characters', () => {
    expect(QR_MAX_CHUNK_BYTES).toBe(394);
    expect(QR_MAX_MESSAGE_BYTES).toBe(3152);
    const parts = split(bytes(QR_MAX_MESSAGE_BYTES));
    expect(parts).toHaveLength(QR_MAX_PARTS);
    for (const part of parts) expect(part.length).toBe(QR_MAX_PART_TEXT);
  });

  it('says tooLargeForQr one byte beyond, and empty for nothing', () => {
    expect(splitForQr(bytes(QR_MAX_MESSAGE_BYTES + 1))).toEqual({
      ok: false,
      error: 'tooLargeForQr',
    });
    expect(splitForQr(new Uint8Array(0))).toEqual({ ok: false, error: 'empty' });
    expect(splitForQr(bytes(81), { maxChunkBytes: 10 })).toEqual({
      ok: false,
      error: 'tooLargeForQr',
    });
  });

  it('uses as few codes as fit, with chunks of equal size (at most one byte apart)', () => {
    expect(split(bytes(1))).toHaveLength(1);
    expect(split(bytes(394))).toHaveLength(1);
    const parts = split(bytes(395));
    expect(parts).toHaveLength(2);
    expect(parts.map((p) => raw(p).length - 6)).toEqual([198, 197]);
    const seven = split(bytes(2001));
    expect(seven).toHaveLength(6);
    const sizes = seven.map((p) => raw(p).length - 6);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    expect(sizes.reduce((a, b) => a + b)).toBe(2001);
  });

  it('writes the header: marker and version, index and count, CRC-32 big-endian', () => {
    const message = bytes(1000);
    const parts = split(message);
    const crc = crc32(message);
    parts.forEach((part, index) => {
      const b = raw(part);
      expect(b[0]).toBe(0xb1);
      expect(b[1]).toBe((index << 4) | (parts.length - 1));
      expect([b[2], b[3], b[4], b[5]]).toEqual([
        crc >>> 24,
        (crc >>> 16) & 0xff,
        (crc >>> 8) & 0xff,
        crc & 0xff,
      ]);
    });
  });

  it('gives codes of QR version 15 or less at level M, which a QR decoder reads back', () => {
    const parts = split(bytes(QR_MAX_MESSAGE_BYTES));
    for (const text of parts) {
      const matrix = encodeQR(text, 'raw', { ecc: 'medium', encoding: 'alphanumeric', border: 4 });
      const version = (matrix.length - 8 - 17) / 4;
      expect(version).toBeLessThanOrEqual(15);
      // Draw the code 3 pixels per module and read it with the decoder the app uses.
      const scale = 3;
      const size = matrix.length * scale;
      const data = new Uint8ClampedArray(size * size * 4);
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) {
          const v = matrix[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
          data.set([v, v, v, 255], (y * size + x) * 4);
        }
      }
      expect(decodeQR({ width: size, height: size, data })).toBe(text);
    }
  });
});

describe('parseQrPart', () => {
  it.each([
    ['a web address', 'HTTPS://EXAMPLE.ORG/', 'notOurs'],
    ['lower case', 'https://example.org/', 'notOurs'],
    ['empty text', '', 'notOurs'],
    ['too long', '0'.repeat(603), 'notOurs'],
    ['a header and no chunk', forged([0xb1, 0x00, 1, 2, 3, 4], []), 'notOurs'],
    ['another marker', forged([0xa1, 0x00, 1, 2, 3, 4]), 'notOurs'],
    ['version 0', forged([0xb0, 0x00, 1, 2, 3, 4]), 'notOurs'],
    ['a newer version', forged([0xb2, 0x00, 1, 2, 3, 4]), 'newerFormat'],
    ['16 parts', forged([0xb1, 0x0f, 1, 2, 3, 4]), 'badHeader'],
    ['9 parts', forged([0xb1, 0x08, 1, 2, 3, 4]), 'badHeader'],
    ['index 3 of 3', forged([0xb1, 0x32, 1, 2, 3, 4]), 'badHeader'],
  ])('rejects %s', (_name, text, reason) => {
    expect(parseQrPart(text)).toEqual({ ok: false, reason });
  });

  it('reads index, count, CRC and chunk', () => {
    const parsed = parseQrPart(forged([0xb1, 0x27, 0xde, 0xad, 0xbe, 0xef], [9, 8]));
    expect(parsed.ok && parsed.part).toEqual({
      index: 2,
      count: 8,
      crc: 0xdeadbeef,
      chunk: Uint8Array.of(9, 8),
    });
  });
});

describe('createPartCollector', () => {
  it('counts the parts it has, in any order, and returns the message once', () => {
    const message = bytes(1500);
    const parts = split(message);
    expect(parts).toHaveLength(4);
    const collector = createPartCollector();
    const order = [2, 0, 2, 3, 0, 1, 1, 3];
    const results = order.map((i) => collector.add(parts[i]!));
    expect(results.slice(0, 5)).toMatchObject([
      { kind: 'part', index: 2, count: 4, have: 1, duplicate: false },
      { kind: 'part', index: 0, count: 4, have: 2, duplicate: false },
      { kind: 'part', index: 2, count: 4, have: 2, duplicate: true },
      { kind: 'part', index: 3, count: 4, have: 3, duplicate: false },
      { kind: 'part', index: 0, count: 4, have: 3, duplicate: true },
    ]);
    expect(results[5]).toEqual({
      kind: 'complete',
      messageId: `${crc32(message).toString(16).padStart(8, '0')}-4`,
      count: 4,
      message,
    });
    // The sequence keeps looping on the delegate's screen: no second copy.
    expect(results[6]).toMatchObject({ kind: 'alreadyComplete', count: 4 });
    expect(results[7]).toMatchObject({ kind: 'alreadyComplete', count: 4 });
    expect(collector.completed).toBe(1);
  });

  it('returns a one-code message at once', () => {
    const collector = createPartCollector();
    const message = bytes(60);
    expect(collector.add(split(message)[0]!)).toMatchObject({ kind: 'complete', message });
  });

  it('keeps two messages apart when their parts arrive mixed, and says so', () => {
    const a = bytes(900, 1);
    const b = bytes(900, 2);
    const pa = split(a);
    const pb = split(b);
    const collector = createPartCollector();
    const results = [
      collector.add(pa[0]!),
      collector.add(pb[0]!),
      collector.add(pa[1]!),
      collector.add(pb[1]!),
      collector.add(pb[2]!),
      collector.add(pa[2]!),
    ];
    expect(results.map((r) => (r.kind === 'part' ? r.otherMessage : r.kind))).toEqual([
      false,
      true,
      true,
      true,
      'complete',
      'complete',
    ]);
    expect(completes(results).map((r) => r.message)).toEqual([b, a]);
    expect(collector.completed).toBe(2);
  });

  it('reports a whole message whose CRC does not match, drops it, and then takes a good pass', () => {
    const message = bytes(600);
    const parts = split(message);
    const header = [...raw(parts[1]!).subarray(0, 6)];
    const wrongChunk = [...raw(parts[1]!).subarray(6)].map((b) => b ^ 0x55);
    const collector = createPartCollector();
    expect(collector.add(parts[0]!)).toMatchObject({ kind: 'part', have: 1 });
    expect(collector.add(forged(header, wrongChunk))).toMatchObject({ kind: 'corrupt', count: 2 });
    expect(collector.add(parts[1]!)).toMatchObject({ kind: 'part', have: 1 });
    expect(collector.add(parts[0]!)).toMatchObject({ kind: 'complete', message });
  });

  it('rejects foreign codes without losing the parts it has', () => {
    const parts = split(bytes(800));
    const collector = createPartCollector();
    collector.add(parts[0]!);
    expect(collector.add('HTTPS://EXAMPLE.ORG')).toEqual({ kind: 'rejected', reason: 'notOurs' });
    expect(collector.add(forged([0xb2, 0x00, 1, 2, 3, 4]))).toEqual({
      kind: 'rejected',
      reason: 'newerFormat',
    });
    expect(collector.add(parts[1]!)).toMatchObject({ kind: 'part', have: 2, otherMessage: false });
  });

  it(`gathers at most ${QR_OPEN_MESSAGES} messages at once and forgets the oldest`, () => {
    const messages = Array.from({ length: QR_OPEN_MESSAGES + 1 }, (_, i) => split(bytes(500, i)));
    const collector = createPartCollector();
    for (const parts of messages) collector.add(parts[0]!);
    // The first message was pushed out: its first part counts as new again.
    expect(collector.add(messages[0]![0]!)).toMatchObject({ kind: 'part', have: 1 });
    // The last one is still there.
    expect(collector.add(messages.at(-1)![1]!)).toMatchObject({ kind: 'complete' });
  });

  it('round-trips any message that fits, split → shuffle with repeats → collect (property)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: QR_MAX_MESSAGE_BYTES, size: 'max' }),
        fc.integer({ min: 1, max: QR_MAX_CHUNK_BYTES }),
        fc.infiniteStream(fc.nat()),
        (message, maxChunkBytes, randoms) => {
          const result = splitForQr(message, { maxChunkBytes });
          if (!result.ok) {
            expect(result.error).toBe('tooLargeForQr');
            expect(message.length).toBeGreaterThan(QR_MAX_PARTS * maxChunkBytes);
            return;
          }
          const { parts } = result;
          expect(parts.length).toBeLessThanOrEqual(QR_MAX_PARTS);
          for (const p of parts) expect(p.length).toBeLessThanOrEqual(QR_MAX_PART_TEXT);
          // A camera's view: every part at least once, in a random order, some twice.
          const it = randoms[Symbol.iterator]();
          const next = () => it.next().value as number;
          const seen = [...parts, ...parts.filter(() => next() % 3 === 0)];
          for (let i = seen.length - 1; i > 0; i--) {
            const j = next() % (i + 1);
            [seen[i], seen[j]] = [seen[j]!, seen[i]!];
          }
          const collector = createPartCollector();
          const results = seen.map((text) => collector.add(text));
          const done = completes(results);
          expect(done).toHaveLength(1);
          expect(done[0]!.message).toEqual(message);
          // It completes at the first moment every part has been seen, not before.
          const firstAll = seen.findIndex(
            (_, k) => new Set(seen.slice(0, k + 1)).size === parts.length,
          );
          expect(results[firstAll]!.kind).toBe('complete');
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never returns a wrong message when one character of one part is changed (property)', () => {
    const alphabet = [...BASE45_ALPHABET, 'a', '#', 'Ø'];
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 1200, size: 'max' }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...alphabet),
        (message, partPick, charPick, replacement) => {
          const parts = split(message, 200);
          const p = partPick % parts.length;
          const at = charPick % parts[p]!.length;
          fc.pre(parts[p]![at] !== replacement);
          const changed = parts[p]!.slice(0, at) + replacement + parts[p]!.slice(at + 1);
          const collector = createPartCollector();
          const results = [...parts.slice(0, p), changed, ...parts.slice(p + 1)].map((t) =>
            collector.add(t),
          );
          for (const r of completes(results)) expect(r.message).toEqual(message);
          // The changed part is never taken for the original one, so nothing completes.
          expect(completes(results)).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
