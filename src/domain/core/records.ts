/**
 * Records that carry an `updatedAt` and an `id`, and THE rule for two copies of the same record:
 * the whole record with the newer `updatedAt` wins, in a total order (compareEdits). Imports
 * (files/import.ts), the network's "one copy per response" (scoring/counted.ts) and the store
 * use it. The answer-by-answer merge between browser tabs is a different rule, in
 * ../sync/merge-answers.ts; it compares instants through compareInstants, as compareEdits does.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A check of untrusted data, as a zod schema's safeParse. */
export type SafeParse<T> = (value: unknown) => { success: true; data: T } | { success: false };

/**
 * The entries of a record keyed by id, read from outside (saved state, a stored network), that
 * `parse` accepts and that sit under their own id; `rejected` counts the others. A value that is
 * not a record at all gives nothing (the caller decides whether that counts).
 */
export function recordsById<T extends { id: string }>(
  raw: unknown,
  parse: SafeParse<T>,
): { records: Record<string, T>; rejected: number } {
  const records: Record<string, T> = {};
  let rejected = 0;
  if (!isRecord(raw)) return { records, rejected };
  for (const [key, value] of Object.entries(raw)) {
    const parsed = parse(value);
    // The id check also keeps "__proto__" out: no id can be a reserved key (core/schemas.ts).
    if (parsed.success && parsed.data.id === key) records[key] = parsed.data;
    else rejected += 1;
  }
  return { records, rejected };
}

/** Orders text by UTF-16 code units, as `<` does: the same in every locale and runtime. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A timestamp's instant in ms; an unreadable one counts as earlier than any readable one. */
function instant(timestamp: string): number {
  const t = Date.parse(timestamp);
  return Number.isNaN(t) ? -Infinity : t;
}

/**
 * Compares two ISO timestamps as instants, not as text: "12:00+02:00" is before "11:00Z", and
 * ":00Z" equals ":00.000Z". > 0 when `a` is later, < 0 when `b` is later, 0 for the same
 * instant. Every comparison of edit times goes through here (compareEdits, and the
 * answer-by-answer merge in ../sync/merge-answers.ts). Saved and imported timestamps are
 * validated, so an unreadable one is a last resort; it loses to any readable one.
 */
export function compareInstants(a: string, b: string): number {
  const ta = instant(a);
  const tb = instant(b);
  return ta === tb ? 0 : ta > tb ? 1 : -1;
}

/**
 * The order in which two copies of the same record (same id) win over each other:
 * the later `updatedAt` instant wins (compareInstants); when the instants are equal but the
 * contents differ, the copy whose canonical JSON sorts last wins. This is a total order, so a
 * merge gives the same result whatever order files come in.
 * Returns > 0 when `a` wins, < 0 when `b` wins and 0 when the two are identical.
 */
export function compareEdits<T extends { updatedAt: string }>(a: T, b: T): number {
  if (a === b) return 0;
  const byTime = compareInstants(a.updatedAt, b.updatedAt);
  if (byTime !== 0) return byTime;
  return compareText(canonicalJson(a), canonicalJson(b));
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

/**
 * Merges `incoming` into `held` (changed in place) by id, with the import rule: an id not held
 * is added, and a held one is replaced only when the incoming copy wins (compareEdits). The same
 * id twice in `incoming` counts once: the winning copy goes on. `add` places a new id (default:
 * at the end of `held`, in the order of `incoming`). Returns what happened, for the user.
 */
export function mergeInto<T extends { id: string; updatedAt: string }>(
  held: Map<string, T>,
  incoming: readonly T[],
  add: (id: string, item: T) => void = (id, item) => held.set(id, item),
): MergeCounts {
  const best = new Map<string, T>();
  for (const item of incoming) {
    const previous = best.get(item.id);
    if (previous === undefined || compareEdits(item, previous) > 0) best.set(item.id, item);
  }
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0, keptNewer: 0 };
  for (const [id, item] of best) {
    const current = held.get(id);
    if (current === undefined) {
      add(id, item);
      counts.added += 1;
      continue;
    }
    const c = compareEdits(item, current);
    if (c > 0) {
      held.set(id, item);
      counts.updated += 1;
    } else if (c === 0) counts.unchanged += 1;
    else counts.keptNewer += 1;
  }
  return counts;
}

/**
 * Merges imported records into those already held, whole record by whole record: the copy with
 * the newer `updatedAt` wins (compareEdits), and the counts tell the user what happened. Whole
 * records rather than answer by answer (../sync/merge-answers.ts), because an imported response
 * is someone's finished self-assessment: "the newer edit wins" is then true of what the user
 * sees. Pure: neither input is changed; the result is a new record that shares the objects.
 * New ids go last, sorted, so key order does not depend on the order of the import either.
 */
export function mergeById<T extends { id: string; updatedAt: string }>(
  existing: Readonly<Record<string, T>>,
  incoming: readonly T[],
): { merged: Record<string, T>; counts: MergeCounts } {
  const out = new Map<string, T>(Object.entries(existing));
  const added: [string, T][] = [];
  const counts = mergeInto(out, incoming, (id, item) => added.push([id, item]));
  added.sort(([a], [b]) => compareText(a, b));
  for (const [id, item] of added) out.set(id, item);
  return { merged: Object.fromEntries(out), counts };
}
