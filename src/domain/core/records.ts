/**
 * Records that carry an `updatedAt` and an `id`, and THE rule for two copies of the same record:
 * the whole record with the newer `updatedAt` wins, in a total order (compareEdits). Imports
 * (files/import.ts), the network's "one copy per response" (scoring/counted.ts) and the store
 * use it. The answer-by-answer merge between browser tabs is a different rule, in
 * ../sync/merge-answers.ts.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Orders text by UTF-16 code units, as `<` does: the same in every locale and runtime. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The order in which two copies of the same record (same id) win over each other:
 * the later `updatedAt` instant wins (compared as instants, so "+02:00" and "Z" agree); when the
 * instants are equal but the contents differ, the copy whose canonical JSON sorts last wins.
 * This is a total order, so a merge gives the same result whatever order files come in.
 * Returns > 0 when `a` wins, < 0 when `b` wins and 0 when the two are identical.
 */
export function compareEdits<T extends { updatedAt: string }>(a: T, b: T): number {
  if (a === b) return 0;
  const ta = Date.parse(a.updatedAt);
  const tb = Date.parse(b.updatedAt);
  const na = Number.isNaN(ta) ? -Infinity : ta;
  const nb = Number.isNaN(tb) ? -Infinity : tb;
  if (na !== nb) return na > nb ? 1 : -1;
  const ca = canonicalJson(a);
  const cb = canonicalJson(b);
  if (ca === cb) return 0;
  return ca > cb ? 1 : -1;
}

/** JSON with object keys sorted at every level: equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isRecord(v)
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, v[k]]),
        )
      : v,
  );
}

export interface MergeCounts {
  /** Ids not held before. */
  added: number;
  /** Ids held before, replaced by the imported copy (it was newer). */
  updated: number;
  /** Ids held before with identical content. */
  unchanged: number;
  /** Ids held before where the held copy is newer and was kept. */
  keptNewer: number;
}

export function mergeById<T extends { id: string; updatedAt: string }>(
  existing: Readonly<Record<string, T>>,
  incoming: readonly T[],
): { merged: Record<string, T>; counts: MergeCounts } {
  // The same id twice in the import counts once: the winning copy goes on.
  const best = new Map<string, T>();
  for (const item of incoming) {
    const previous = best.get(item.id);
    if (previous === undefined || compareEdits(item, previous) > 0) best.set(item.id, item);
  }
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, keptNewer: 0 };
  const out = new Map<string, T>(Object.entries(existing));
  const added: [string, T][] = [];
  for (const [id, item] of best) {
    const held = Object.hasOwn(existing, id) ? existing[id] : undefined;
    if (held === undefined) {
      added.push([id, item]);
      counts.added += 1;
      continue;
    }
    const c = compareEdits(item, held);
    if (c > 0) {
      out.set(id, item);
      counts.updated += 1;
    } else if (c === 0) counts.unchanged += 1;
    else counts.keptNewer += 1;
  }
  // New ids go last, sorted, so key order does not depend on the order of the import either.
  added.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  for (const [id, item] of added) out.set(id, item);
  return { merged: Object.fromEntries(out), counts };
}
