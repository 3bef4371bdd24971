/**
 * FNV-1a, 32-bit: a small, stable string hash (not for security). It orders anonymised names
 * (comparison/anonymise.ts, with a secret salt), seeds made-up data (demo/demo-network.ts) and
 * makes checksums (checksumOf) and finds repeated response ids quickly (scoring/counted.ts).
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A text's checksum: FNV-1a over it, and its length. Saved network records carry one of their
 * entries' text (store/network-records.ts); an import worker makes it where it has the text.
 */
export const checksumOf = (text: string) => `${fnv1a(text).toString(16)}-${text.length}`;
