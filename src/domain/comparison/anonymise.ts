import { fnv1a } from '../core/hash';
import { compareText } from '../core/records';

/**
 * Stable letters in place of municipality names: "Kommune A", "Kommune B", … Pure.
 *
 * Without a salt, letters follow kommunenummer order, so the same municipality gets the same
 * letter whatever order the data came in; but anyone who knows the network's numbers (they are
 * public) can then work out who is who (the lowest number is always A). With a `salt`, letters
 * follow a hash of salt and number instead: still stable for the same salt, and, as long as the
 * salt is secret, not to be worked out from the list of members. The app gives each network a
 * random salt (src/lib/id.ts, newSalt), kept with the network's data and never shown.
 */

/** 0 → "A", 25 → "Z", 26 → "AA", 27 → "AB", … 701 → "ZZ", 702 → "AAA" (bijective base 26). */
export function letterFor(index: number): string {
  let n = Math.floor(index) + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * Letters for every municipality but `keepNamed` (absent from the map: the viewer's own stays
 * named). Duplicates in the input are ignored. The remaining municipalities get A, B, C… with no
 * gap, sorted by kommunenummer, or by a salted hash when `options.salt` is given.
 */
export function anonymiseNames(
  municipalityNumbers: readonly string[],
  keepNamed?: string,
  options: { salt?: string } = {},
): Map<string, string> {
  const unique = [...new Set(municipalityNumbers)].filter((n) => n !== keepNamed);
  const { salt } = options;
  const ordered =
    salt === undefined
      ? unique.sort(compareText)
      : unique
          .map((n) => ({ n, h: fnv1a(`${salt}\u0000${n}`) }))
          .sort((a, b) => a.h - b.h || compareText(a.n, b.n))
          .map((x) => x.n);
  return new Map(ordered.map((n, i) => [n, letterFor(i)]));
}

/**
 * The name to show for a municipality: its own, or the label of its letter when it has one in
 * `letters` (anonymiseNames). The label comes from the caller ("Kommune A" in the active
 * language): the domain gives the letter, never the words around it.
 */
export function municipalityNamer(
  letters: ReadonlyMap<string, string>,
  anonymousName: (letter: string) => string,
): (m: { number: string; name: string }) => string {
  return (m) => {
    const letter = letters.get(m.number);
    return letter === undefined ? m.name : anonymousName(letter);
  };
}
