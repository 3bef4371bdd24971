import { base45Decode, base45Encode } from './base45';
import { crc32 } from './crc32';

/**
 * A message (any bytes: the app puts a result link's compressed layout in it) as a short sequence
 * of QR codes, and back. Each code holds Base45 text (QR alphanumeric mode) of
 *
 *   byte 0      0xB0 | part format version   (the high nibble 0xB tells our codes from others)
 *   byte 1      (index << 4) | (count − 1)   (index from 0; at most QR_MAX_PARTS parts)
 *   bytes 2–5   CRC-32 of the whole message, big-endian: it ties the parts of one message
 *               together and checks the message once it is whole
 *   bytes 6–    this part's chunk of the message
 *
 * The message is cut into chunks of equal size (at most one byte apart), so every code of a
 * sequence has the same QR version. A part's text is at most QR_MAX_PART_TEXT characters, which
 * fits QR version 15 at error-correction level M (600 alphanumeric characters).
 *
 * Pure: data and error codes only.
 */

export const QR_PART_FORMAT_VERSION = 1;
export const QR_MAX_PARTS = 8;
/** Characters of Base45 text per code: QR version 15 at level M holds 600 alphanumeric ones. */
export const QR_MAX_PART_TEXT = 600;
export const QR_HEADER_BYTES = 6;
/** Bytes of message per code: 600 Base45 characters are 400 bytes, less the header. */
export const QR_MAX_CHUNK_BYTES = (QR_MAX_PART_TEXT / 3) * 2 - QR_HEADER_BYTES;
/** The largest message that fits in QR_MAX_PARTS codes (3,152 bytes). */
export const QR_MAX_MESSAGE_BYTES = QR_MAX_PARTS * QR_MAX_CHUNK_BYTES;

const MAGIC = 0xb0;

export type SplitErrorCode = 'empty' | 'tooLargeForQr';

export type SplitResult = { ok: true; parts: string[] } | { ok: false; error: SplitErrorCode };

export interface SplitOptions {
  /**
   * Bytes of message per code, at most QR_MAX_CHUNK_BYTES (the default). Smaller chunks give
   * smaller, easier codes and more of them; tests use it to make many parts from little data.
   */
  maxChunkBytes?: number;
}

/** Cuts a message into the Base45 texts of at most QR_MAX_PARTS codes, in order. */
export function splitForQr(message: Uint8Array, options: SplitOptions = {}): SplitResult {
  const perPart = Math.min(
    QR_MAX_CHUNK_BYTES,
    Math.max(1, Math.floor(options.maxChunkBytes ?? QR_MAX_CHUNK_BYTES)),
  );
  if (message.length === 0) return { ok: false, error: 'empty' };
  const count = Math.ceil(message.length / perPart);
  if (count > QR_MAX_PARTS) return { ok: false, error: 'tooLargeForQr' };
  const crc = crc32(message);
  const base = Math.floor(message.length / count);
  const longer = message.length % count; // the first `longer` chunks get one byte more
  const parts: string[] = [];
  let offset = 0;
  for (let index = 0; index < count; index++) {
    const size = base + (index < longer ? 1 : 0);
    const part = new Uint8Array(QR_HEADER_BYTES + size);
    part[0] = MAGIC | QR_PART_FORMAT_VERSION;
    part[1] = (index << 4) | (count - 1);
    new DataView(part.buffer).setUint32(2, crc, false);
    part.set(message.subarray(offset, offset + size), QR_HEADER_BYTES);
    offset += size;
    parts.push(base45Encode(part));
  }
  return { ok: true, parts };
}

/**
 * Why a scanned text is not taken as a part:
 * - notOurs: another kind of QR code (a web address, a ticket), or text we never write;
 * - newerFormat: one of our codes, from a newer version of the app;
 * - badHeader: our marker, but an index or count that cannot be (a misread or a forgery).
 */
export type PartRejection = 'notOurs' | 'newerFormat' | 'badHeader';

export interface QrPart {
  index: number;
  count: number;
  crc: number;
  chunk: Uint8Array;
}

export type ParsePartResult = { ok: true; part: QrPart } | { ok: false; reason: PartRejection };

export function parseQrPart(text: string): ParsePartResult {
  if (text.length > QR_MAX_PART_TEXT) return { ok: false, reason: 'notOurs' };
  const decoded = base45Decode(text);
  if (!decoded.ok) return { ok: false, reason: 'notOurs' };
  const bytes = decoded.bytes;
  if (bytes.length <= QR_HEADER_BYTES || (bytes[0]! & 0xf0) !== MAGIC) {
    return { ok: false, reason: 'notOurs' };
  }
  const version = bytes[0]! & 0x0f;
  if (version > QR_PART_FORMAT_VERSION) return { ok: false, reason: 'newerFormat' };
  if (version < QR_PART_FORMAT_VERSION) return { ok: false, reason: 'notOurs' };
  const index = bytes[1]! >> 4;
  const count = (bytes[1]! & 0x0f) + 1;
  if (count > QR_MAX_PARTS || index >= count) return { ok: false, reason: 'badHeader' };
  const crc = new DataView(bytes.buffer, bytes.byteOffset).getUint32(2, false);
  return { ok: true, part: { index, count, crc, chunk: bytes.subarray(QR_HEADER_BYTES) } };
}

/**
 * What one scanned text did:
 * - rejected: not a part (see PartRejection);
 * - part: a part of a message not yet whole: `have` of `count` read (`duplicate` when this part
 *   was read before; `otherMessage` when the previous part read belonged to another message that
 *   is not yet whole: the two are kept apart, never mixed);
 * - complete: the message is whole and its CRC-32 matches: here it is, once;
 * - alreadyComplete: a part of a message already returned (a sequence keeps looping on screen);
 * - corrupt: every part was read but the CRC-32 does not match; the parts are dropped so the
 *   next pass of the sequence can start over.
 */
export type CollectResult =
  | { kind: 'rejected'; reason: PartRejection }
  | {
      kind: 'part';
      messageId: string;
      index: number;
      count: number;
      have: number;
      duplicate: boolean;
      otherMessage: boolean;
    }
  | { kind: 'complete'; messageId: string; count: number; message: Uint8Array }
  | { kind: 'alreadyComplete'; messageId: string; count: number }
  | { kind: 'corrupt'; messageId: string; count: number };

export interface PartCollector {
  /** Takes the text of one scanned code, in any order, any number of times. */
  add(text: string): CollectResult;
  /** How many messages have come out complete. */
  readonly completed: number;
}

/** Messages being gathered at once (say two phones held up in turn); the oldest goes first. */
export const QR_OPEN_MESSAGES = 4;

interface Gathering {
  count: number;
  crc: number;
  chunks: Map<number, Uint8Array>;
}

export function createPartCollector(): PartCollector {
  const open = new Map<string, Gathering>(); // in order of last use
  const done = new Set<string>();
  let last: string | null = null;
  let completed = 0;

  function add(text: string): CollectResult {
    const parsed = parseQrPart(text);
    if (!parsed.ok) return { kind: 'rejected', reason: parsed.reason };
    const { index, count, crc, chunk } = parsed.part;
    const messageId = `${crc.toString(16).padStart(8, '0')}-${count}`;
    if (done.has(messageId)) {
      last = messageId;
      return { kind: 'alreadyComplete', messageId, count };
    }
    const otherMessage = last !== null && last !== messageId && open.has(last);
    last = messageId;

    let gathering = open.get(messageId);
    if (gathering) {
      open.delete(messageId); // re-inserted below: most recently used last
    } else {
      gathering = { count, crc, chunks: new Map() };
      if (open.size >= QR_OPEN_MESSAGES) open.delete(open.keys().next().value!);
    }
    open.set(messageId, gathering);

    const duplicate = gathering.chunks.has(index);
    if (!duplicate) gathering.chunks.set(index, chunk.slice());
    if (gathering.chunks.size < count) {
      return {
        kind: 'part',
        messageId,
        index,
        count,
        have: gathering.chunks.size,
        duplicate,
        otherMessage,
      };
    }

    open.delete(messageId);
    let length = 0;
    for (const c of gathering.chunks.values()) length += c.length;
    const message = new Uint8Array(length);
    let offset = 0;
    for (let i = 0; i < count; i++) {
      const c = gathering.chunks.get(i)!;
      message.set(c, offset);
      offset += c.length;
    }
    if (crc32(message) !== crc) return { kind: 'corrupt', messageId, count };
    done.add(messageId);
    completed++;
    return { kind: 'complete', messageId, count, message };
  }

  return {
    add,
    get completed() {
      return completed;
    },
  };
}
