/**
 * Raw DEFLATE (RFC 1951) through the browser's own CompressionStream and DecompressionStream
 * ('deflate-raw': Chromium 103+, Firefox 113+, Safari 16.4+). No fallback library: where the API
 * is missing, the caller gets `compressionUnsupported` and can say so (or offer a file).
 *
 * inflateRaw reads the output as it comes and stops as soon as it passes `maxBytes`, feeding the
 * input in small slices, so a "zip bomb" is never inflated in full: at most one slice's output
 * (about a thousand times the slice) comes on top of the limit.
 */

export type CompressionErrorCode = 'compressionUnsupported' | 'corrupt' | 'tooLarge';

export type CompressionResult =
  { ok: true; bytes: Uint8Array } | { ok: false; error: CompressionErrorCode };

/** Input is fed to the decompressor this many bytes at a time. */
const SLICE = 1024;

export function compressionSupported(): boolean {
  if (typeof CompressionStream !== 'function' || typeof DecompressionStream !== 'function') {
    return false;
  }
  try {
    new CompressionStream('deflate-raw');
    new DecompressionStream('deflate-raw');
    return true;
  } catch {
    return false; // an older browser that knows only 'gzip' and 'deflate'
  }
}

async function collect(
  readable: ReadableStream<Uint8Array>,
  maxBytes: number,
): Promise<CompressionResult> {
  const reader = readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, error: 'tooLarge' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, error: 'corrupt' };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

/** Writes `bytes` in slices, each once the stream wants more; stops quietly if it is cancelled. */
async function feed(writable: WritableStream<BufferSource>, bytes: Uint8Array): Promise<void> {
  const writer = writable.getWriter();
  try {
    for (let offset = 0; offset < bytes.length; offset += SLICE) {
      await writer.write(bytes.slice(offset, offset + SLICE));
    }
    await writer.close();
  } catch {
    // The reading side was cancelled (too large) or the data is corrupt: collect() says which.
  }
}

/** Pipes `bytes` through a compression or decompression stream, reading at most `maxBytes`. */
async function through(
  stream: CompressionStream | DecompressionStream,
  bytes: Uint8Array,
  maxBytes: number,
): Promise<CompressionResult> {
  const [result] = await Promise.all([
    collect(stream.readable, maxBytes),
    feed(stream.writable, bytes),
  ]);
  return result;
}

export async function deflateRaw(bytes: Uint8Array): Promise<CompressionResult> {
  if (!compressionSupported()) return { ok: false, error: 'compressionUnsupported' };
  return through(new CompressionStream('deflate-raw'), bytes, Number.POSITIVE_INFINITY);
}

export async function inflateRaw(
  bytes: Uint8Array,
  options: { maxBytes: number },
): Promise<CompressionResult> {
  if (!compressionSupported()) return { ok: false, error: 'compressionUnsupported' };
  return through(new DecompressionStream('deflate-raw'), bytes, options.maxBytes);
}
