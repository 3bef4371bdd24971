import { chromium, type Browser } from '@playwright/test';
import { closeSync, openSync, writeSync } from 'node:fs';
import encodeQR from 'qr';
import { CHROME_PATH, CHROMIUM_ARGS } from '../scripts/chromium';

/**
 * A camera for the e2e tests: a video of QR codes, made at test time, that Chromium plays as its
 * camera (`--use-fake-device-for-media-stream --use-file-for-fake-video-capture=<file>`).
 *
 * The video is YUV4MPEG2 (Y4M), the one format Chromium reads without ffmpeg: a header line, then
 * per frame `FRAME\n` and the Y, U and V planes (4:2:0, `C420jpeg`; 4:4:4 is refused). Frames
 * are 640 × 480 at 10 fps and grey, so U and V are flat. Chromium loops the file. A frame is
 * 460,800 bytes, so videos are written to a temp folder and never committed.
 */

export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 480;
export const VIDEO_FPS = 10;

export interface QrVideoOptions {
  /** Frames each code stays in view (10 at 10 fps: one second, as the research found enough). */
  framesPerCode?: number;
  /** The code's side, quiet zone included, as a share of the frame height (default 0.6). */
  heightShare?: number;
  /** Amplitude of the pixel noise, in grey levels (default 12). */
  noise?: number;
  seed?: number;
}

/** xorshift32: the same noise on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s / 4294967296;
  };
}

/**
 * One grey frame (0–255 per pixel): white, the code centred at `heightShare` of the height and
 * nudged a few pixels from frame to frame (a hand is never still), a soft light gradient, noise.
 */
function drawFrame(matrix: boolean[][], frame: number, o: Required<QrVideoOptions>): Uint8Array {
  const rnd = random(o.seed * 7919 + frame * 104729);
  const gray = new Uint8Array(VIDEO_WIDTH * VIDEO_HEIGHT);
  const side = Math.round(VIDEO_HEIGHT * o.heightShare);
  const modules = matrix.length;
  const left = Math.round((VIDEO_WIDTH - side) / 2 + (rnd() - 0.5) * 24);
  const top = Math.round((VIDEO_HEIGHT - side) / 2 + (rnd() - 0.5) * 24);
  for (let y = 0; y < VIDEO_HEIGHT; y++) {
    for (let x = 0; x < VIDEO_WIDTH; x++) {
      const light = 235 - 25 * (x / VIDEO_WIDTH) - 10 * (y / VIDEO_HEIGHT);
      let value = light;
      const mx = Math.floor(((x - left) * modules) / side);
      const my = Math.floor(((y - top) * modules) / side);
      if (mx >= 0 && my >= 0 && mx < modules && my < modules && matrix[my]![mx]) value = 30;
      value += (rnd() - 0.5) * 2 * o.noise;
      gray[y * VIDEO_WIDTH + x] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  return gray;
}

/**
 * Writes a Y4M video that shows each text as a QR code (level M, quiet zone 4) for
 * `framesPerCode` frames, in the order given. Returns the number of frames.
 */
export function writeQrVideo(path: string, texts: readonly string[], options: QrVideoOptions = {}) {
  const o: Required<QrVideoOptions> = {
    framesPerCode: 10,
    heightShare: 0.6,
    noise: 12,
    seed: 1,
    ...options,
  };
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `YUV4MPEG2 W${VIDEO_WIDTH} H${VIDEO_HEIGHT} F${VIDEO_FPS}:1 Ip A1:1 C420jpeg\n`);
    const chroma = new Uint8Array((VIDEO_WIDTH / 2) * (VIDEO_HEIGHT / 2) * 2).fill(128);
    let frames = 0;
    for (const text of texts) {
      const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
      for (let f = 0; f < o.framesPerCode; f++) {
        const gray = drawFrame(matrix, frames, o);
        // BT.601 limited range, as Chromium reads it: Y = 16 + 219 × grey / 255.
        const luma = gray.map((g) => Math.round(16 + (219 * g) / 255));
        writeSync(fd, 'FRAME\n');
        writeSync(fd, luma);
        writeSync(fd, chroma);
        frames++;
      }
    }
    return frames;
  } finally {
    closeSync(fd);
  }
}

/**
 * Chromium with the video as its camera, and the flags every browser run here uses. The page's
 * origin still needs the camera permission: `context.grantPermissions(['camera'], { origin })`.
 */
export function launchWithFakeCamera(videoPath: string): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROME_PATH,
    args: [
      ...CHROMIUM_ARGS,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${videoPath}`,
    ],
  });
}
