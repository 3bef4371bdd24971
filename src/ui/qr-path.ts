import encodeQR from 'qr';

/** The quiet zone around a code, in modules: 4, as ISO/IEC 18004 asks. */
export const QR_QUIET_ZONE = 4;

export interface QrDrawing {
  /** Modules per side, quiet zone included. */
  size: number;
  /** One SVG path of every dark module, each row's runs as rectangles. */
  path: string;
}

/**
 * A QR code (error-correction level M) as one SVG path. The `qr` package picks the smallest
 * version and the densest mode the text allows (alphanumeric for Base45 parts).
 */
export function qrDrawing(text: string): QrDrawing {
  const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: QR_QUIET_ZONE });
  let path = '';
  matrix.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < row.length && row[x]) x++;
      path += `M${start} ${y}h${x - start}v1h${start - x}z`;
    }
  });
  return { size: matrix.length, path };
}
