import type { AgreedResponse, Response } from '../core/types';
import { isRecord } from '../core/records';
import { gatheringOf, periodOfRecord } from '../core/gatherings';
import { crc32 } from './crc32';
import {
  decodeInput,
  importResultsFile,
  MAX_DEPTH,
  nestingExceeds,
  type ImportOptions,
  type ImportResult,
} from './import';
import { RESULTS_FORMAT, RESULTS_FORMAT_VERSION } from './results-file';

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
 * Decoding rebuilds a results file and hands its text to importResultsFile: a link goes through
 * exactly the same checks as a file. Compression is passed in (the browser's CompressionStream
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

export type LinkDecodeResult = ImportResult | { ok: false; error: LinkError; link: true };

export type LinkEncodeResult =
  | { ok: true; bytes: Uint8Array; layoutBytes: number }
  | { ok: false; error: 'compressionUnsupported' | 'corrupt' | 'tooLarge' };

const VALUE_CODE = { dontKnow: 'd', notRelevant: 'n' } as const;

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

const linkFail = (code: LinkErrorCode, detail?: string): LinkDecodeResult => ({
  ok: false,
  link: true,
  error: detail === undefined ? { code } : { code, detail },
});

function valueOf(code: unknown): unknown {
  if (code === 'd') return 'dontKnow';
  if (code === 'n') return 'notRelevant';
  return code;
}

/**
 * The results file a layout stands for, as plain JSON data for importResultsFile; null when the
 * layout is not one (see LinkErrorCode 'notResult'). The record's own fields are not checked here:
 * the file's schema does that, with paths such as `responses.0.gathering.round`.
 */
export function layoutToFile(layout: unknown): Record<string, unknown> | null {
  if (!isRecord(layout) || (layout.t !== 'r' && layout.t !== 'a')) return null;
  const { r: record, a: list } = layout;
  if (!isRecord(record) || !Array.isArray(list)) return null;
  if (Object.keys(layout).some((k) => k !== 't' && k !== 'r' && k !== 'a')) return null;
  if ('answers' in record || 'agreed' in record) return null;
  const entries: [string, Record<string, unknown>][] = [];
  for (const item of list) {
    if (!Array.isArray(item) || item.length < 2 || item.length > 3) return null;
    const [id, value, text] = item as unknown[];
    if (typeof id !== 'string') return null;
    const answer: Record<string, unknown> = {};
    if (layout.t === 'r') {
      if (value !== null) answer.value = valueOf(value);
      if (text !== undefined) answer.comment = text;
    } else {
      answer.level = valueOf(value);
      answer.rationale = text ?? '';
    }
    answer.updatedAt = record.updatedAt;
    entries.push([id, answer]);
  }
  // Object.fromEntries makes own keys even of "__proto__": the file's checks then refuse it.
  const answers = Object.fromEntries(entries);
  const gathering = record.gathering;
  const hasPeriod = isRecord(gathering) && 'period' in gathering;
  return {
    format: RESULTS_FORMAT,
    // A gathering without a period is a version 1 record, which the file migrations bring up to
    // date; one with a period needs the version that has periods (or is refused as newer).
    formatVersion: hasPeriod ? Math.max(PERIOD_FORMAT_VERSION, RESULTS_FORMAT_VERSION) : 1,
    app: { name: 'naeringsspeilet', version: 'result-link' },
    exportedAt: record.updatedAt,
    questionnaire: record.questionnaire,
    responses: layout.t === 'r' ? [{ ...record, answers }] : [],
    ...(layout.t === 'a' ? { agreements: [{ ...record, agreed: answers }] } : {}),
  };
}

/**
 * Checks the bytes of a link or QR message, and imports them as a results file would be: the
 * same checks, the same result. Nothing is held or changed; the caller merges what comes back.
 * Never throws.
 */
export async function decodeResult(
  bytes: Uint8Array,
  options: ImportOptions & { inflate: Inflate },
): Promise<LinkDecodeResult> {
  try {
    if (bytes.length <= RESULT_LINK_HEADER_BYTES) return linkFail('corrupt', 'Too short');
    const version = bytes[0]!;
    if (version > RESULT_LINK_VERSION) return linkFail('newerLink', `Layout version ${version}`);
    if (version !== RESULT_LINK_VERSION) return linkFail('corrupt', `Layout version ${version}`);
    const crc = new DataView(bytes.buffer, bytes.byteOffset).getUint32(1, false);
    const compressed = bytes.subarray(RESULT_LINK_HEADER_BYTES);
    if (crc32(compressed) !== crc) return linkFail('corrupt', 'Checksum does not match');
    const inflated = await options.inflate(compressed, { maxBytes: MAX_LAYOUT_BYTES });
    if (!inflated.ok) {
      return linkFail(
        inflated.error === 'tooLarge' ? 'tooLarge' : inflated.error,
        inflated.error === 'tooLarge' ? `More than ${MAX_LAYOUT_BYTES} bytes` : undefined,
      );
    }
    const decoded = decodeInput(inflated.bytes);
    if (!decoded.ok) return linkFail('corrupt', 'Not UTF-8');
    if (nestingExceeds(decoded.text, MAX_DEPTH)) return linkFail('notResult', 'Too deep');
    let layout: unknown;
    try {
      layout = JSON.parse(decoded.text);
    } catch {
      return linkFail('notResult', 'Not JSON');
    }
    const file = layoutToFile(layout);
    if (file === null) return linkFail('notResult', 'Not a result layout');
    const { inflate: _inflate, ...importOptions } = options;
    return importResultsFile(JSON.stringify(file), importOptions);
  } catch (error) {
    return linkFail('corrupt', error instanceof Error ? error.name : 'unknown');
  }
}

/** What a checked link holds, for the screen that asks before importing it. */
export interface LinkSummary {
  kind: 'response' | 'agreement';
  municipality: Response['municipality'];
  /** A response's role; absent for agreed answers. */
  role?: Response['respondent']['role'];
  /** The gathering: its period (../core/gatherings.ts), round and, for a response, date. */
  gathering: { period: string; round: Response['gathering']['round']; date?: string };
  answers: number;
  comments: number;
}

/** How many of `items` are answered, and how many carry a comment. */
function tally<T>(
  items: readonly T[],
  answered: (item: T) => boolean,
  comment: (item: T) => unknown,
) {
  return {
    answers: items.filter(answered).length,
    comments: items.filter((item) => Boolean(comment(item))).length,
  };
}

export function summarizeResult(result: Extract<ImportResult, { ok: true }>): LinkSummary | null {
  const response = result.responses[0];
  if (response) {
    return {
      kind: 'response',
      municipality: response.municipality,
      role: response.respondent.role,
      gathering: { ...gatheringOf(response), date: response.gathering.date },
      ...tally(
        Object.values(response.answers),
        (a) => a.value !== undefined,
        (a) => a.comment,
      ),
    };
  }
  const agreement = result.agreements[0];
  if (!agreement) return null;
  return {
    kind: 'agreement',
    municipality: agreement.municipality,
    gathering: { period: periodOfRecord(agreement, agreement.updatedAt), round: agreement.round },
    ...tally(
      Object.values(agreement.agreed),
      () => true,
      (a) => a.rationale,
    ),
  };
}
