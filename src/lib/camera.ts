/**
 * The camera, for reading QR codes: open it (the back camera where there is one), grab frames
 * from a <video>, and find QR codes in them. Errors come back as codes that the UI translates.
 *
 * Decoding: the browser's BarcodeDetector where it reads QR codes (Chrome on macOS and Android,
 * not on Linux or Windows), otherwise the `qr` package's pure-JS decoder, imported only when a
 * scan starts so it never weighs on the first screen. No WASM, no worker: the CSP stays
 * `script-src 'self'`.
 *
 * The decoder runs on the main thread, so it is kept short: one frame at a time (frames that
 * arrive meanwhile are skipped), at most one every `minIntervalMs`, and large frames are scaled
 * down first. A 640 × 480 frame takes about 7–11 ms with `qr`.
 */

export type CameraErrorCode =
  /** The page is not served over HTTPS (or from localhost): browsers give no camera then. */
  | 'insecureContext'
  /** The browser has no camera API at all. */
  | 'unsupported'
  /** The user, or a policy, said no. */
  | 'denied'
  /** No camera on this device. */
  | 'notFound'
  /** The camera is there but could not start: another app holds it, or the hardware failed. */
  | 'inUse'
  | 'failed';

export type CameraOpenResult =
  { ok: true; stream: MediaStream } | { ok: false; error: CameraErrorCode };

/** The back camera if there is one, at a size that reads codes well without much work. */
const PREFERRED: MediaStreamConstraints = {
  audio: false,
  video: {
    facingMode: { ideal: 'environment' },
    width: { ideal: 1280 },
    height: { ideal: 720 },
  },
};

export function cameraErrorCode(error: unknown): CameraErrorCode {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'notFound';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'inUse';
    default:
      return 'failed';
  }
}

/** Asks for the camera. The browser shows its permission prompt the first time. */
export async function openCamera(
  env: { isSecureContext?: boolean; mediaDevices?: MediaDevices } = {
    isSecureContext: globalThis.isSecureContext,
    mediaDevices: globalThis.navigator?.mediaDevices,
  },
): Promise<CameraOpenResult> {
  if (env.isSecureContext === false) return { ok: false, error: 'insecureContext' };
  const devices = env.mediaDevices;
  if (!devices || typeof devices.getUserMedia !== 'function') {
    return { ok: false, error: 'unsupported' };
  }
  try {
    return { ok: true, stream: await devices.getUserMedia(PREFERRED) };
  } catch (error) {
    // Only a camera that cannot meet the wishes above is worth a second try: any camera at all.
    if ((error as { name?: unknown } | null)?.name !== 'OverconstrainedError') {
      return { ok: false, error: cameraErrorCode(error) };
    }
  }
  try {
    return { ok: true, stream: await devices.getUserMedia({ audio: false, video: true }) };
  } catch (error) {
    return { ok: false, error: cameraErrorCode(error) };
  }
}

/** Turns the camera off (the browser's camera indicator goes out). */
export function closeCamera(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Shows the stream in `video` and starts it playing (muted and inline, as iOS requires). */
export async function showStream(video: HTMLVideoElement, stream: MediaStream): Promise<void> {
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
}

// ---------------------------------------------------------------------------------------------
// Decoders

export interface QrDetector {
  readonly kind: 'native' | 'library';
  /** The texts of the QR codes found in the frame (none: an empty list). Never rejects. */
  detect(frame: ImageData): Promise<string[]>;
}

interface NativeBarcodeDetector {
  detect(source: ImageData): Promise<{ rawValue: string }[]>;
}
interface NativeBarcodeDetectorClass {
  new (options: { formats: string[] }): NativeBarcodeDetector;
  getSupportedFormats(): Promise<string[]>;
}

async function nativeDetector(): Promise<QrDetector | null> {
  const Native = (globalThis as { BarcodeDetector?: NativeBarcodeDetectorClass }).BarcodeDetector;
  if (typeof Native !== 'function') return null;
  try {
    if (!(await Native.getSupportedFormats()).includes('qr_code')) return null;
    const detector = new Native({ formats: ['qr_code'] });
    return {
      kind: 'native',
      detect: (frame) =>
        detector.detect(frame).then(
          (codes) => codes.map((c) => c.rawValue),
          () => [],
        ),
    };
  } catch {
    return null;
  }
}

async function libraryDetector(): Promise<QrDetector> {
  const { default: decodeQR } = await import('qr/decode.js');
  return {
    kind: 'library',
    detect: (frame) => {
      try {
        return Promise.resolve([decodeQR(frame)]);
      } catch {
        return Promise.resolve([]); // decodeQR throws when it finds no code
      }
    },
  };
}

/** The browser's BarcodeDetector when it reads QR codes, else the `qr` package (loaded now). */
export async function createQrDetector(): Promise<QrDetector> {
  return (await nativeDetector()) ?? libraryDetector();
}

// ---------------------------------------------------------------------------------------------
// The frame loop

/** The size to decode a frame at: the longer side at most `maxSide`, proportions kept. */
export function frameSize(
  width: number,
  height: number,
  maxSide: number,
): { width: number; height: number } {
  const scale = Math.min(1, maxSide / Math.max(width, height));
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}

/** Grabs the video's current frame as pixels, scaled down; null before the video has one. */
export type FrameCapture = (video: HTMLVideoElement, maxSide: number) => ImageData | null;

export function canvasCapture(): FrameCapture {
  const canvas = document.createElement('canvas');
  let context: CanvasRenderingContext2D | null = null;
  return (video, maxSide) => {
    if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) {
      return null;
    }
    const { width, height } = frameSize(video.videoWidth, video.videoHeight, maxSide);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context ??= canvas.getContext('2d', { willReadFrequently: true });
    if (!context) return null;
    context.drawImage(video, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  };
}

export interface ScanOptions {
  detector: QrDetector;
  /** Called with the text of every code read (the same code again on later frames, too). */
  onText: (text: string) => void;
  /** Frames are scaled down to this many pixels on their longer side (default 960). */
  maxSide?: number;
  /** At least this long between the starts of two decodes (default 60 ms: at most ~16 a second). */
  minIntervalMs?: number;
  capture?: FrameCapture;
  now?: () => number;
}

export interface FrameLoop {
  stop(): void;
  /** Frames decoded so far. */
  readonly decoded: number;
}

/**
 * Reads QR codes from the frames of a playing video until stopped. Uses the video's frame
 * callback where there is one (one call per new camera frame), else animation frames.
 */
export function scanFrames(video: HTMLVideoElement, options: ScanOptions): FrameLoop {
  const {
    detector,
    onText,
    maxSide = 960,
    minIntervalMs = 60,
    capture = canvasCapture(),
    now = () => performance.now(),
  } = options;
  // requestVideoFrameCallback: Chromium 83+, Safari 15.4+, Firefox 132+.
  const perVideoFrame =
    typeof (video as Partial<HTMLVideoElement>).requestVideoFrameCallback === 'function';
  let stopped = false;
  let busy = false;
  let handle = 0;
  let lastStart = Number.NEGATIVE_INFINITY;
  let decoded = 0;

  const schedule = () => {
    handle = perVideoFrame ? video.requestVideoFrameCallback(tick) : requestAnimationFrame(tick);
  };

  function tick() {
    if (stopped) return;
    schedule();
    if (busy || now() - lastStart < minIntervalMs) return; // one decode at a time
    const frame = capture(video, maxSide);
    if (!frame) return;
    busy = true;
    lastStart = now();
    decoded++;
    void detector
      .detect(frame)
      .then((texts) => {
        if (!stopped) for (const text of texts) onText(text);
      })
      .finally(() => {
        busy = false;
      });
  }

  schedule();
  return {
    stop() {
      stopped = true;
      if (perVideoFrame) video.cancelVideoFrameCallback(handle);
      else cancelAnimationFrame(handle);
    },
    get decoded() {
      return decoded;
    },
  };
}
