import {
  decodeResult,
  encodeResult,
  MAX_LINK_CHARS,
  MAX_PAYLOAD_CHARS,
  type LinkDecodeResult,
  type LinkRecord,
} from '../domain/files/result-link';
import { RESULT_LINK_FRAGMENT } from '../domain/files/link-text';
import type { ImportOptions } from '../domain/files/import';
import { base64UrlDecode, base64UrlEncode } from './base64url';
import { deflateRaw, inflateRaw } from './compression';

/**
 * Result links in the browser: the layout (domain/files/result-link.ts) compressed with the
 * browser's CompressionStream and written in base64url after `#/r/` on the app's own address.
 */

/** The app's address as it was opened, without its fragment: the app may live in any folder. */
export function appAddress(location: Pick<Location, 'href'> = window.location): string {
  const href = location.href;
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

export type ResultLinkResult =
  | { ok: true; link: string; bytes: Uint8Array; layoutBytes: number }
  | { ok: false; error: 'compressionUnsupported' | 'tooLong' | 'failed' };

/** Builds the link (and the bytes a QR sequence carries) for one response or agreed response. */
export async function createResultLink(
  record: LinkRecord,
  address: string = appAddress(),
): Promise<ResultLinkResult> {
  const encoded = await encodeResult(record, deflateRaw);
  if (!encoded.ok) {
    return {
      ok: false,
      error: encoded.error === 'compressionUnsupported' ? 'compressionUnsupported' : 'failed',
    };
  }
  const link = `${address}${RESULT_LINK_FRAGMENT}${base64UrlEncode(encoded.bytes)}`;
  if (link.length > MAX_LINK_CHARS) return { ok: false, error: 'tooLong' };
  return { ok: true, link, bytes: encoded.bytes, layoutBytes: encoded.layoutBytes };
}

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
