import { encodeResult, MAX_LINK_CHARS, type LinkRecord } from '../domain/files/result-link';
import { RESULT_LINK_FRAGMENT } from '../domain/files/link-text';
import { base64UrlEncode } from './base64url';
import { deflateRaw } from './compression';

/**
 * Result links in the browser: the layout (domain/files/result-link.ts) compressed with the
 * browser's CompressionStream and written in base64url after `#/r/` on the app's own address.
 * Reading them back: result-link-read.ts.
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
