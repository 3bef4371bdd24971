import { describe, expect, it } from 'vitest';
import encodeQR from 'qr';
import decodeQR from 'qr/decode.js';
import { QR_QUIET_ZONE, qrDrawing } from './qr-path';
import { splitForQr } from '../domain/files/qr-parts';

/** The modules a path paints, read back from its «M x y h w v1 h-w z» rectangles. */
function painted(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, back] = [m[1], m[2], m[3], m[4]].map(Number) as [
      number,
      number,
      number,
      number,
    ];
    expect(back).toBe(w);
    for (let i = 0; i < w; i++) {
      expect(grid[y]![x + i]).toBe(false); // no module painted twice
      grid[y]![x + i] = true;
    }
  }
  return grid;
}

describe('qrDrawing', () => {
  it('paints exactly the dark modules, inside a quiet zone of 4', () => {
    const text = 'HELLO 45';
    const { size, path } = qrDrawing(text);
    expect(size).toBe(21 + 2 * QR_QUIET_ZONE); // version 1
    expect(path).toMatch(/^(M\d+ \d+h\d+v1h-\d+z)+$/);
    const grid = painted(path, size);
    expect(grid).toEqual(encodeQR(text, 'raw', { ecc: 'medium', border: QR_QUIET_ZONE }));
    for (let i = 0; i < size; i++) {
      for (const [r, c] of [
        [i, 0],
        [i, 3],
        [0, i],
        [3, i],
        [i, size - 1],
        [size - 4, i],
      ] as const) {
        expect(grid[r]![c]).toBe(false);
      }
    }
  });

  it('draws a full-size part (version 15) that a decoder reads back', () => {
    const split = splitForQr(Uint8Array.from({ length: 394 }, (_, i) => (i * 7) & 0xff));
    if (!split.ok) throw new Error(split.error);
    const text = split.parts[0]!;
    const { size, path } = qrDrawing(text);
    expect(size).toBe(17 + 4 * 15 + 2 * QR_QUIET_ZONE);
    const grid = painted(path, size);
    const scale = 3;
    const px = size * scale;
    const data = new Uint8ClampedArray(px * px * 4);
    for (let y = 0; y < px; y++) {
      for (let x = 0; x < px; x++) {
        const v = grid[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
        data.set([v, v, v, 255], (y * px + x) * 4);
      }
    }
    expect(decodeQR({ width: px, height: px, data })).toBe(text);
  });
});
