import { expect, test } from '@playwright/test';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { cspWith } from '../vite.config';
import { splitForQr } from '../src/domain/files/qr-parts';
import { guardRequests } from './helpers';
import { launchWithFakeCamera, writeQrVideo } from './qr-video';
import type { ScanReport } from './fixtures/qr/harness';

/**
 * QR codes through a real camera pipeline: Chromium's fake camera plays a video of codes made
 * here, and the app's camera adapter (src/lib/camera.ts: getUserMedia, frame loop, the lazily
 * loaded `qr` decoder) with the part collector (src/domain/files/qr-parts.ts) reads them back to
 * the exact bytes. The harness page (e2e/fixtures/qr) is bundled with Vite at test time and served
 * under the app's Content-Security-Policy, so it also shows the decoder needs no WASM or eval.
 *
 * The app's own screens will use the same harness (qr-video.ts) once they scan.
 */

test.describe.configure({ mode: 'serial' });

let dir = '';
let server: Server | undefined;
let origin = '';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

function serve(root: string): Promise<Server> {
  const s = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(
      root,
      decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname),
    );
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'content-security-policy': cspWith([]),
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => s.listen(0, '127.0.0.1', () => resolve(s)));
}

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'naeringsspeilet-qr-'));
  await build({
    root: path.resolve('e2e/fixtures/qr'),
    configFile: false,
    base: './',
    logLevel: 'warn',
    build: { outDir: path.join(dir, 'site'), emptyOutDir: true, target: 'es2022' },
  });
  server = await serve(path.join(dir, 'site'));
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

test.afterAll(() => {
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A message of `length` bytes that looks like compressed data (no long runs). */
function message(length: number, seed: number): Uint8Array {
  let x = seed;
  return Uint8Array.from({ length }, () => {
    x = (x * 1103515245 + 12345) >>> 0;
    return x >>> 24;
  });
}

function codes(bytes: Uint8Array): string[] {
  const result = splitForQr(bytes);
  if (!result.ok) throw new Error(result.error);
  return result.parts;
}

let videos = 0;

/** Plays `texts` as the camera and scans until `count` messages are whole. */
async function scan(texts: string[], count: number): Promise<Extract<ScanReport, { ok: true }>> {
  const video = path.join(dir, `codes-${++videos}.y4m`);
  const frames = writeQrVideo(video, texts);
  const browser = await launchWithFakeCamera(video);
  try {
    const context = await browser.newContext();
    await context.grantPermissions(['camera'], { origin });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const foreign = guardRequests(page);
    await page.goto(`${origin}/`);
    await expect(page.locator('html')).toHaveAttribute('data-ready', 'true');
    const report = await page.evaluate(
      (n) =>
        (window as unknown as { scanMessages(n: number): Promise<ScanReport> }).scanMessages(n),
      count,
    );
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    if (!report.ok) throw new Error(`camera: ${report.error}`);
    const figures = {
      videoFrames: frames,
      codes: texts.length,
      detector: report.detector,
      frameSize: report.frameSize,
      framesDecoded: report.framesDecoded,
      codesRead: report.codesRead,
      perMessage: report.messages.map((m) => ({
        framesDecoded: m.framesDecoded,
        codesRead: m.codesRead,
        ms: m.ms,
      })),
    };
    test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
    console.log(JSON.stringify(figures));
    return report;
  } finally {
    await browser.close();
  }
}

test('one QR code, read through the camera to the exact bytes', async () => {
  const bytes = message(300, 1);
  const parts = codes(bytes);
  expect(parts).toHaveLength(1);
  const report = await scan(parts, 1);
  expect(report.frameSize).toEqual({ width: 640, height: 480 });
  expect(report.messages).toHaveLength(1);
  expect(report.messages[0]!.bytes).toEqual(Array.from(bytes));
  expect(report.rejected).toBe(0);
});

test('a sequence of five codes shown out of order is read whole, to the exact bytes', async () => {
  const bytes = message(1900, 2);
  const parts = codes(bytes);
  expect(parts).toHaveLength(5);
  // Each code a full QR version 15 (600 Base45 characters at most).
  for (const p of parts) expect(p.length).toBeGreaterThan(560);
  const shuffled = [3, 0, 4, 1, 2].map((i) => parts[i]!);
  const report = await scan(shuffled, 1);
  expect(report.messages).toHaveLength(1);
  expect(report.messages[0]!.bytes).toEqual(Array.from(bytes));
  expect(report.rejected).toBe(0);
});

test('two results shown one after the other are kept apart and both read', async () => {
  const first = message(700, 3);
  const second = message(1000, 4);
  const report = await scan([...codes(first), ...codes(second)], 2);
  expect(report.messages.map((m) => m.bytes).sort((a, b) => a.length - b.length)).toEqual([
    Array.from(first),
    Array.from(second),
  ]);
});
