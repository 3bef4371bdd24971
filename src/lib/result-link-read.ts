import { MAX_PAYLOAD_CHARS } from '../domain/files/result-link';
import { decodeResult, type LinkDecodeResult } from '../domain/files/result-link-read';
import type { ImportOptions } from '../domain/files/import';
import { base64UrlDecode } from './base64url';
import { inflateRaw } from './compression';

/**
 * Reading result links and QR messages in the browser (making them: result-links.ts): base64url
 * back to bytes, decompressed with the browser's DecompressionStream, checked as a file is.
 */

/** Checks a link's payload (the text after `#/r/`) as a results file is checked. */
export async function readResultPayload(
  payload: string,
  options: ImportOptions,
): Promise<LinkDecodeResult> {
  if (payload.length > MAX_PAYLOAD_CHARS) {
    return { ok: false, link: true, error: { code: 'tooLong' } };
  }
  const bytes = payload === '' ? null : base64UrlDecode(payload);
  if (bytes === null) return { ok: false, link: true, error: { code: 'notLink' } };
  return readResultBytes(bytes, options);
}

/** Checks the bytes of a message read from QR codes (the same bytes as a link's payload). */
export function readResultBytes(
  bytes: Uint8Array,
  options: ImportOptions,
): Promise<LinkDecodeResult> {
  return decodeResult(bytes, { ...options, inflate: inflateRaw });
}
