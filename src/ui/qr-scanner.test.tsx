import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '../app/test-utils';
import type { Locale } from '../domain/core/types';
import { splitForQr } from '../domain/files/qr-parts';
import type { CameraOpenResult, ScanOptions } from '../lib/camera';
import { QrScanner } from './qr-scanner';

// The camera adapter is replaced: jsdom has no camera. lib/camera has its own tests, and the
// e2e harness reads codes through Chromium's fake camera.
const camera = vi.hoisted(() => ({
  open: null as null | (() => Promise<CameraOpenResult>),
  onText: null as null | ((text: string) => void),
  closed: 0,
  stopped: 0,
  endTrack: null as null | (() => void),
}));

vi.mock('../lib/camera', () => ({
  openCamera: () => camera.open!(),
  closeCamera: () => {
    camera.closed++;
  },
  showStream: () => Promise.resolve(),
  createQrDetector: () => Promise.resolve({ kind: 'library', detect: () => Promise.resolve([]) }),
  scanFrames: (_video: HTMLVideoElement, options: ScanOptions) => {
    camera.onText = options.onText;
    return {
      stop: () => {
        camera.stopped++;
        camera.onText = null;
      },
      decoded: 0,
    };
  },
}));

function stream(): MediaStream {
  const track = {
    addEventListener: (_: string, listener: () => void) => {
      camera.endTrack = listener;
    },
  };
  return { getVideoTracks: () => [track], getTracks: () => [track] } as unknown as MediaStream;
}

function parts(length: number, seed: number, maxChunkBytes = 100): string[] {
  const message = Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
  const result = splitForQr(message, { maxChunkBytes });
  if (!result.ok) throw new Error(result.error);
  return result.parts;
}

function start(
  language: Locale = 'nb',
  open = () => Promise.resolve<CameraOpenResult>({ ok: true, stream: stream() }),
) {
  camera.open = open;
  const onMessage = vi.fn();
  const onStop = vi.fn();
  const user = userEvent.setup();
  renderWithApp(<QrScanner onMessage={onMessage} onStop={onStop} />, { language });
  return { onMessage, onStop, user };
}

function scan(text: string): void {
  act(() => {
    camera.onText!(text);
  });
}
const status = () => screen.getByRole('status');

afterEach(() => {
  cleanup(); // unmount first: that turns the camera off, which the next test must not count
  Object.assign(camera, { open: null, onText: null, closed: 0, stopped: 0, endTrack: null });
});

describe('QrScanner', () => {
  it('reads a sequence in any order, counts, and hands each message over once', async () => {
    const { onMessage } = start();
    expect(await screen.findByText('Hold QR-koden foran kameraet.')).toBe(status());
    expect(screen.getByText('0 resultater lest')).toBeInTheDocument();
    const codes = parts(450, 1); // 5 codes
    expect(codes).toHaveLength(5);
    scan(codes[3]!);
    expect(status()).toHaveTextContent('Har lest 1 av 5 koder.');
    scan(codes[3]!);
    scan(codes[0]!);
    scan(codes[4]!);
    scan(codes[1]!);
    expect(status()).toHaveTextContent('Har lest 4 av 5 koder.');
    expect(onMessage).not.toHaveBeenCalled();
    scan(codes[2]!);
    expect(onMessage).toHaveBeenCalledTimes(1);
    expect(Array.from(onMessage.mock.calls[0]![0] as Uint8Array)).toEqual(
      Array.from({ length: 450 }, (_, i) => (i * 31 + 1) & 0xff),
    );
    expect(status()).toHaveTextContent('Et resultat er lest. Vis fram det neste.');
    expect(screen.getByText('1 resultat lest')).toBeInTheDocument();
    scan(codes[0]!); // the phone keeps looping
    expect(status()).toHaveTextContent('Denne koden er allerede lest.');
    expect(onMessage).toHaveBeenCalledTimes(1);
    for (const code of parts(80, 2)) scan(code);
    expect(onMessage).toHaveBeenCalledTimes(2);
    expect(screen.getByText('2 resultater lest')).toBeInTheDocument();
  });

  it('says when a code is not ours, or belongs to another result', async () => {
    start();
    await screen.findByText('Hold QR-koden foran kameraet.');
    scan('https://example.org/');
    expect(status()).toHaveTextContent('Dette er ikke en QR-kode fra Næringsspeilet.');
    const a = parts(300, 3);
    const b = parts(300, 4);
    scan(a[0]!);
    scan(b[0]!);
    expect(status()).toHaveTextContent(
      'Denne koden hører til et annet resultat. Begge blir lest ferdig. Har lest 1 av 3 koder.',
    );
  });

  it('stops the camera with the Stop button, and starts it again', async () => {
    const { onStop, user } = start();
    await screen.findByText('Hold QR-koden foran kameraet.');
    await user.click(screen.getByRole('button', { name: 'Stopp kameraet' }));
    expect(status()).toHaveTextContent('Kameraet er av.');
    expect(camera.stopped).toBe(1);
    expect(camera.closed).toBe(1);
    expect(onStop).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Start kameraet' }));
    expect(await screen.findByText('Hold QR-koden foran kameraet.')).toBe(status());
  });

  it('turns the camera off when it goes away', async () => {
    start();
    await screen.findByText('Hold QR-koden foran kameraet.');
    expect(camera.closed).toBe(0);
    cleanup();
    expect(camera.closed).toBe(1);
    expect(camera.stopped).toBe(1);
  });

  it.each([
    [
      'denied',
      'Kameraet er blokkert. Tillat det i adressefeltet i nettleseren, og start kameraet på nytt.',
    ],
    [
      'insecureContext',
      'Kameraet virker bare når appen er åpnet over https (eller fra denne maskinen).',
    ],
    ['notFound', 'Fant ikke noe kamera.'],
  ] as const)('explains %s, and offers to start again', async (error, text) => {
    start('nb', () => Promise.resolve({ ok: false, error }));
    expect(await screen.findByText(text)).toBe(status());
    expect(screen.getByRole('button', { name: 'Start kameraet' })).toBeInTheDocument();
  });

  it('says so when the camera is unplugged', async () => {
    start();
    await screen.findByText('Hold QR-koden foran kameraet.');
    act(() => {
      camera.endTrack!();
    });
    expect(status()).toHaveTextContent('Kameraet ble koblet fra.');
    expect(screen.getByRole('button', { name: 'Start kameraet' })).toBeInTheDocument();
  });

  it.each([
    [
      'nn',
      'Hald QR-koden framfor kameraet.',
      'Har lese 1 av 3 kodar.',
      '0 resultat lese',
      'Stopp kameraet',
    ],
    [
      'en',
      'Hold the QR code up to the camera.',
      'Read 1 of 3 codes.',
      '0 results read',
      'Stop camera',
    ],
  ] as const)('speaks %s', async (language, ready, progress, count, stop) => {
    start(language);
    expect(await screen.findByText(ready)).toBe(status());
    expect(screen.getByText(count)).toBeInTheDocument();
    scan(parts(300, 5)[0]!);
    expect(status()).toHaveTextContent(progress);
    expect(screen.getByRole('button', { name: stop })).toBeInTheDocument();
  });

  it.each([
    ['nb', 1, '1 resultat lest'],
    ['nb', 2, '2 resultater lest'],
    ['nn', 1, '1 resultat lese'],
    ['en', 1, '1 result read'],
    ['en', 2, '2 results read'],
  ] as const)('counts in %s: %i → %s', async (language, n, text) => {
    start(language);
    await screen.findByText(/kameraet\.|camera\./, { selector: '[role=status]' });
    for (let i = 0; i < n; i++) for (const code of parts(50, 10 + i)) scan(code);
    expect(screen.getByText(text)).toBeInTheDocument();
  });
});
