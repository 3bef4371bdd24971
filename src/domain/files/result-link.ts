import type { AgreedResponse, Response } from '../core/types';
import { crc32 } from './crc32';

/**
 * The result link's layout: one response, or one delegation's agreed answers, as the bytes that
 * travel in a link's fragment (`#/r/<base64url>`) and in a sequence of QR codes. See
 * docs/results-file.md, "Result links".
 *
 *   byte 0      layout version (RESULT_LINK_VERSION)
 *   bytes 1–4   CRC-32 of bytes 5–, big-endian: raw DEFLATE has no checksum of its own, and a
 *               change to the padding bits of its last byte would not even change the text
 *   bytes 5–    the layout text, UTF-8 JSON, compressed with raw DEFLATE
 *
 * The layout text is the record with its answers as a list and without a timestamp per answer:
 *
 *   { "t": "r", "r": <the response without `answers`>, "a": [[statementId, value, comment?], …] }
 *   { "t": "a", "r": <the agreed response without `agreed`>, "a": [[statementId, level, rationale?], …] }
 *
 * value: 1–5, "d" (don't know), "n" (not relevant) or null (a comment only). On import, every
 * answer takes the record's `updatedAt`, as a results file's whole-response rule treats it anyway.
 * The record's other fields are copied as they are (the gathering with its round, date and any
 * `period`), so the layout follows the record's shape without a change of its own.
 *
 * Decoding (result-link-read.ts, apart so that sending a result does not load the import chain)
 * rebuilds a results file and hands its text to importResultsFile: a link goes through exactly
 * the same checks as a file. Compression is passed in (the browser's CompressionStream
 * lives in lib/compression.ts), so this module stays pure.
 */

export const RESULT_LINK_VERSION = 1;
export const RESULT_LINK_HEADER_BYTES = 5;
/** The longest link the app sends: beyond it, it offers a file. */
export const MAX_LINK_CHARS = 8000;
/** The longest payload (the part after `#/r/`) that is decoded at all. */
export const MAX_PAYLOAD_CHARS = MAX_LINK_CHARS;
/**
 * The layout text is never inflated past this (64 KiB, far below the file limit of 20 MB):
 * a small hostile link cannot unfold into a large one.
 */
export const MAX_LAYOUT_BYTES = 64 * 1024;
/** The results file format that first has `gathering.period` (issue 13). */
export const PERIOD_FORMAT_VERSION = 2;

export type CompressionOutcome =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; error: 'compressionUnsupported' | 'corrupt' | 'tooLarge' };

export type Deflate = (bytes: Uint8Array) => Promise<CompressionOutcome>;
export type Inflate = (
  bytes: Uint8Array,
  options: { maxBytes: number },
) => Promise<CompressionOutcome>;

/** What a link or QR message may be sent as. */
export type LinkRecord =
  { kind: 'response'; record: Response } | { kind: 'agreement'; record: AgreedResponse };

/**
 * Why a link or QR message was refused before the file checks:
 * - notLink: no payload, or characters a link never holds;
 * - tooLong: a payload over MAX_PAYLOAD_CHARS;
 * - newerLink: a layout version newer than this app reads (update the app);
 * - corrupt: changed or cut short on the way: the compressed data or its checksum is wrong;
 * - tooLarge: the layout unfolds past MAX_LAYOUT_BYTES;
 * - notResult: intact, but not a result (no response or agreed answers in the layout);
 * - compressionUnsupported: the browser cannot decompress (Safari before 16.4).
 */
export const LINK_ERROR_CODES = [
  'notLink',
  'tooLong',
  'newerLink',
  'corrupt',
  'tooLarge',
  'notResult',
  'compressionUnsupported',
] as const;
export type LinkErrorCode = (typeof LINK_ERROR_CODES)[number];

export interface LinkError {
  code: LinkErrorCode;
  detail?: string;
}

export type LinkEncodeResult =
  | { ok: true; bytes: Uint8Array; layoutBytes: number }
  | { ok: false; error: 'compressionUnsupported' | 'corrupt' | 'tooLarge' };

export const VALUE_CODE = { dontKnow: 'd', notRelevant: 'n' } as const;

/** The layout text of a record (see the module comment). Deterministic: answers in key order. */
export function resultLayout(link: LinkRecord): string {
  if (link.kind === 'response') {
    const { answers, ...rest } = link.record;
    const list = Object.keys(answers)
      .sort()
      .map((id) => {
        const a = answers[id]!;
        const value =
          a.value === undefined
            ? null
            : typeof a.value === 'number'
              ? a.value
              : VALUE_CODE[a.value];
        return a.comment ? [id, value, a.comment] : [id, value];
      });
    return JSON.stringify({ t: 'r', r: rest, a: list });
  }
  const { agreed, ...rest } = link.record;
  const list = Object.keys(agreed)
    .sort()
    .map((id) => {
      const a = agreed[id]!;
      const level = typeof a.level === 'number' ? a.level : VALUE_CODE[a.level];
      return a.rationale ? [id, level, a.rationale] : [id, level];
    });
  return JSON.stringify({ t: 'a', r: rest, a: list });
}

/** The bytes of a link: version, checksum and the compressed layout. */
export async function encodeResult(link: LinkRecord, deflate: Deflate): Promise<LinkEncodeResult> {
  const layout = new TextEncoder().encode(resultLayout(link));
  const compressed = await deflate(layout);
  if (!compressed.ok) return { ok: false, error: compressed.error };
  const bytes = new Uint8Array(RESULT_LINK_HEADER_BYTES + compressed.bytes.length);
  bytes[0] = RESULT_LINK_VERSION;
  new DataView(bytes.buffer).setUint32(1, crc32(compressed.bytes), false);
  bytes.set(compressed.bytes, RESULT_LINK_HEADER_BYTES);
  return { ok: true, bytes, layoutBytes: layout.length };
}
