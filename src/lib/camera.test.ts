import { afterEach, describe, expect, it, vi } from 'vitest';
import encodeQR from 'qr';
import {
  cameraErrorCode,
  createQrDetector,
  frameSize,
  openCamera,
  scanFrames,
  type FrameCapture,
  type QrDetector,
} from './camera';

afterEach(() => {
  vi.unstubAllGlobals();
});

const domError = (name: string) => new DOMException('camera says no', name);

function devices(getUserMedia: (c: MediaStreamConstraints) => Promise<MediaStream>) {
  const spy = vi.fn(getUserMedia);
  return { spy, mediaDevices: { getUserMedia: spy } as unknown as MediaDevices };
}

const STREAM = { getTracks: () => [] } as unknown as MediaStream;

describe('openCamera', () => {
  it('says insecureContext over plain HTTP, without asking for the camera', async () => {
    const { spy, mediaDevices } = devices(() => Promise.resolve(STREAM));
    expect(await openCamera({ isSecureContext: false, mediaDevices })).toEqual({
      ok: false,
      error: 'insecureContext',
    });
    expect(spy).not.toHaveBeenCalled();
  });

  it('says unsupported when the browser has no camera API', async () => {
    expect(await openCamera({ isSecureContext: true })).toEqual({
      ok: false,
      error: 'unsupported',
    });
  });

  it('asks for the back camera, and gets the stream', async () => {
    const { spy, mediaDevices } = devices(() => Promise.resolve(STREAM));
    expect(await openCamera({ isSecureContext: true, mediaDevices })).toEqual({
      ok: true,
      stream: STREAM,
    });
    expect(spy).toHaveBeenCalledTimes(1);
    expect(spy.mock.calls[0]![0]).toMatchObject({
      audio: false,
      video: { facingMode: { ideal: 'environment' } },
    });
  });

  it('takes any camera when the wishes cannot be met', async () => {
    const { spy, mediaDevices } = devices((c) =>
      c.video === true ? Promise.resolve(STREAM) : Promise.reject(domError('OverconstrainedError')),
    );
    expect(await openCamera({ isSecureContext: true, mediaDevices })).toEqual({
      ok: true,
      stream: STREAM,
    });
    expect(spy.mock.calls.map((c) => c[0].video)).toEqual([expect.any(Object), true]);
  });

  it.each([
    ['NotAllowedError', 'denied'],
    ['SecurityError', 'denied'],
    ['NotFoundError', 'notFound'],
    ['NotReadableError', 'inUse'],
    ['AbortError', 'inUse'],
    ['TypeError', 'failed'],
  ])('maps %s to %s, without a second try', async (name, code) => {
    const { spy, mediaDevices } = devices(() => Promise.reject(domError(name)));
    expect(await openCamera({ isSecureContext: true, mediaDevices })).toEqual({
      ok: false,
      error: code,
    });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('maps the second try’s error too', async () => {
    const { mediaDevices } = devices((c) =>
      Promise.reject(domError(c.video === true ? 'NotFoundError' : 'OverconstrainedError')),
    );
    expect(await openCamera({ isSecureContext: true, mediaDevices })).toEqual({
      ok: false,
      error: 'notFound',
    });
  });
});

describe('cameraErrorCode', () => {
  it('is failed for anything that is not a known error', () => {
    expect(cameraErrorCode('oops')).toBe('failed');
    expect(cameraErrorCode(null)).toBe('failed');
    expect(cameraErrorCode(new Error('x'))).toBe('failed');
  });
});

describe('frameSize', () => {
  it.each([
    [1920, 1080, 960, 960, 540],
    [720, 1280, 960, 540, 960],
    [640, 480, 960, 640, 480],
    [4000, 3000, 800, 800, 600],
  ])('%i×%i at most %i → %i×%i', (w, h, max, ew, eh) => {
    expect(frameSize(w, h, max)).toEqual({ width: ew, height: eh });
  });
});

/** A video whose frame callbacks the test fires by hand. */
function fakeVideo(withFrameCallback = true) {
  const callbacks = new Map<number, () => void>();
  let next = 1;
  const video = (withFrameCallback
    ? {
        requestVideoFrameCallback: (cb: () => void) => {
          callbacks.set(next, cb);
          return next++;
        },
        cancelVideoFrameCallback: (h: number) => callbacks.delete(h),
      }
    : {}) as unknown as HTMLVideoElement;
  const frame = () => {
    const pending = [...callbacks.values()];
    callbacks.clear();
    for (const cb of pending) cb();
  };
  return { video, frame, pending: () => callbacks.size, callbacks };
}

const FRAME = { width: 4, height: 4, data: new Uint8ClampedArray(64) } as ImageData;
const capture: FrameCapture = () => FRAME;

/** A detector whose answers the test releases one at a time. */
function heldDetector() {
  const releases: ((texts: string[]) => void)[] = [];
  const detector: QrDetector = {
    kind: 'library',
    detect: vi.fn(() => new Promise<string[]>((resolve) => releases.push(resolve))),
  };
  return { detector, releases };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('scanFrames', () => {
  it('decodes one frame at a time and skips the frames that come meanwhile', async () => {
    const { video, frame } = fakeVideo();
    const { detector, releases } = heldDetector();
    const onText = vi.fn();
    let t = 0;
    const loop = scanFrames(video, { detector, onText, capture, now: () => t });
    frame();
    expect(detector.detect).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 5; i++) {
      t += 100;
      frame();
    }
    expect(detector.detect).toHaveBeenCalledTimes(1);
    releases[0]!(['HELLO']);
    await flush();
    expect(onText).toHaveBeenCalledWith('HELLO');
    t += 100;
    frame();
    expect(detector.detect).toHaveBeenCalledTimes(2);
    expect(loop.decoded).toBe(2);
    loop.stop();
  });

  it('leaves minIntervalMs between the starts of two decodes', async () => {
    const { video, frame } = fakeVideo();
    const detector: QrDetector = { kind: 'library', detect: vi.fn(() => Promise.resolve([])) };
    let t = 1000;
    scanFrames(video, { detector, onText: vi.fn(), capture, now: () => t, minIntervalMs: 60 });
    frame();
    await flush();
    t += 30;
    frame();
    await flush();
    expect(detector.detect).toHaveBeenCalledTimes(1);
    t += 30;
    frame();
    expect(detector.detect).toHaveBeenCalledTimes(2);
  });

  it('stops: no more frames asked for, and no text from a decode still running', async () => {
    const { video, frame, pending } = fakeVideo();
    const { detector, releases } = heldDetector();
    const onText = vi.fn();
    const loop = scanFrames(video, { detector, onText, capture });
    frame();
    loop.stop();
    expect(pending()).toBe(0);
    releases[0]!(['LATE']);
    await flush();
    expect(onText).not.toHaveBeenCalled();
  });

  it('waits for the video to have a frame', () => {
    const { video, frame } = fakeVideo();
    const detector: QrDetector = { kind: 'library', detect: vi.fn(() => Promise.resolve([])) };
    scanFrames(video, { detector, onText: vi.fn(), capture: () => null });
    frame();
    frame();
    expect(detector.detect).not.toHaveBeenCalled();
  });

  it('falls back to animation frames without requestVideoFrameCallback', () => {
    const raf = vi.fn(() => 7);
    const caf = vi.fn();
    vi.stubGlobal('requestAnimationFrame', raf);
    vi.stubGlobal('cancelAnimationFrame', caf);
    const { video } = fakeVideo(false);
    const detector: QrDetector = { kind: 'library', detect: vi.fn(() => Promise.resolve([])) };
    const loop = scanFrames(video, { detector, onText: vi.fn(), capture });
    expect(raf).toHaveBeenCalledTimes(1);
    loop.stop();
    expect(caf).toHaveBeenCalledWith(7);
  });
});

/** A QR code drawn into pixels, 4 per module, with its quiet zone. */
function qrImage(text: string): ImageData {
  const matrix = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
  const scale = 4;
  const size = matrix.length * scale;
  const data = new Uint8ClampedArray(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = matrix[Math.floor(y / scale)]![Math.floor(x / scale)] ? 0 : 255;
      data.set([v, v, v, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data, colorSpace: 'srgb' };
}

describe('createQrDetector', () => {
  it('uses the qr package where there is no BarcodeDetector, and finds nothing in a blank frame', async () => {
    vi.stubGlobal('BarcodeDetector', undefined);
    const detector = await createQrDetector();
    expect(detector.kind).toBe('library');
    expect(await detector.detect(qrImage('HELLO 45'))).toEqual(['HELLO 45']);
    const blank = { width: 50, height: 50, data: new Uint8ClampedArray(50 * 50 * 4).fill(255) };
    expect(await detector.detect(blank as ImageData)).toEqual([]);
  });

  it('uses the browser’s BarcodeDetector when it reads QR codes', async () => {
    const detect = vi.fn(() => Promise.resolve([{ rawValue: 'NATIVE' }]));
    class FakeDetector {
      static getSupportedFormats = () => Promise.resolve(['ean_13', 'qr_code']);
      constructor(readonly options: { formats: string[] }) {}
      detect = detect;
    }
    vi.stubGlobal('BarcodeDetector', FakeDetector);
    const detector = await createQrDetector();
    expect(detector.kind).toBe('native');
    expect(await detector.detect(FRAME)).toEqual(['NATIVE']);
    detect.mockImplementationOnce(() => Promise.reject(new Error('busy')));
    expect(await detector.detect(FRAME)).toEqual([]);
  });

  it('does not use a BarcodeDetector that cannot read QR codes', async () => {
    class EanOnly {
      static getSupportedFormats = () => Promise.resolve(['ean_13']);
    }
    vi.stubGlobal('BarcodeDetector', EanOnly);
    expect((await createQrDetector()).kind).toBe('library');
  });
});
