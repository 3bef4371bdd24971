/** A random id. crypto.randomUUID exists only in secure contexts, so fall back to getRandomValues. */
export function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A secret for a network's anonymisation (domain/comparison/anonymise.ts): 128 random bits as
 * hex. Kept with the network's data, never shown, so the letters that replace names cannot be
 * worked out from the (public) list of kommunenummer.
 */
export function newSalt(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** What newSalt makes: 32 lower-case hex digits. */
export function isSalt(value: unknown): value is string {
  return typeof value === 'string' && /^[0-9a-f]{32}$/.test(value);
}
