import * as z from 'zod/mini';
import { lazy } from '../domain/core/lazy';
import { isRecord, recordsById, type SafeParse } from '../domain/core/records';
import type { Action, AgreedResponse, Response } from '../domain/core/types';
import { checksumOf } from '../domain/core/hash';
import { fastResponse } from '../domain/files/fast-check';
import { actionSchema, agreedResponseSchema, responseSchema } from '../domain/core/schemas';
import type { ImportedSource } from './network-slice';
import type { NetworkRecovery } from './status-slice';
import { isSalt } from '../lib/id';
import type { PackedEntries } from '../lib/import-messages';

/*
 * How the network's imported results are laid out in their storage (lib/network-storage.ts),
 * one record per key:
 *
 *   network          the rest, besides the files: network-level settings (NetworkRecord)
 *   source:<id>      one imported file: what it brought (SourceRecord)
 *   kept:<key>       a copy of a record that could not be used as it was, for the user
 *   network-v1       the old layout (the whole network under one key): moved on first load
 *
 * Each record carries its format version. From version 2 a source record holds what its file
 * brought as one JSON text (`entries`) with a checksum of that text: storing and reading one text
 * is much quicker than storing and reading thousands of small objects, and a text whose checksum
 * matches is exactly what this app checked and wrote, so it is read back without checking each
 * entry again. One whose checksum does not match, and a version 1 record (entries as objects),
 * are checked entry by entry.
 */

/** The format of the records below. A record with a higher number is from a newer version. */
export const NETWORK_RECORD_VERSION = 2;
export const NETWORK_KEY = 'network';
export const SOURCE_PREFIX = 'source:';
export const KEPT_PREFIX = 'kept:';
export const LEGACY_KEY = 'network-v1';

export const sourceKey = (id: string) => `${SOURCE_PREFIX}${id}`;
export const keptKey = (key: string) => `${KEPT_PREFIX}${key}`;

/** One imported file, where it stands in the list of files, and the record's format. */
export type SourceRecord = Pick<ImportedSource, 'id' | 'fileName' | 'importedAt' | 'kind'> & {
  version: typeof NETWORK_RECORD_VERSION;
  position: number;
  /** JSON text of [responses, actions, agreements], each a list (packEntries). */
  entries: string;
  /** checksumOf(entries). */
  checksum: string;
};

/** Network-level settings: the anonymisation salt (NetworkData.salt). */
export interface NetworkRecord {
  version: typeof NETWORK_RECORD_VERSION;
  salt: string;
}

/** What a source brought, as one JSON text: its responses, actions and agreed answers as lists. */
function packEntries(source: ImportedSource): string {
  return JSON.stringify([
    Object.values(source.responses),
    Object.values(source.actions),
    Object.values(source.agreements),
  ]);
}

/**
 * Whether `packed` (an import worker's text of a file's lists, lib/import-messages.ts) is what
 * packEntries would make of `source`: its lists hold the very items the
 * source does, in the same order (so no item was dropped, replaced or moved since).
 */
function packs(packed: PackedEntries, source: ImportedSource): boolean {
  const held = [source.responses, source.actions, source.agreements];
  return held.every((records, i) => {
    const list = packed.lists[i]!;
    const values = Object.values(records);
    return values.length === list.length && values.every((item, k) => item === list[k]);
  });
}

/**
 * The packed entries of sources not saved yet, per store (AppStore.own): the import sets them,
 * and the source's first record takes its text from them (sourceRecord) instead of writing it
 * again on the page's main thread. Where nothing is saved, they stay as long as their source.
 */
export const unsavedEntries = (): WeakMap<ImportedSource, PackedEntries> => new WeakMap();

/**
 * A source's record. Its JSON text is made here, unless `packed` holds it for this source, so
 * make records a few at a time.
 */
export function sourceRecord(
  source: ImportedSource,
  position: number,
  packed?: PackedEntries,
): SourceRecord {
  const made = packed !== undefined && packs(packed, source) ? packed : null;
  const entries = made?.entries ?? packEntries(source);
  return {
    id: source.id,
    fileName: source.fileName,
    importedAt: source.importedAt,
    kind: source.kind,
    version: NETWORK_RECORD_VERSION,
    position,
    entries,
    checksum: made?.checksum ?? checksumOf(entries),
  };
}

export const networkRecord = (salt: string): NetworkRecord => ({
  version: NETWORK_RECORD_VERSION,
  salt,
});

const KINDS = ['file', 'demo', 'device'] as const;

/** Built on first use (see ../domain/core/lazy.ts). */
const sourceMetaSchema = lazy(() =>
  z.object({
    version: z.union([z.literal(1), z.literal(NETWORK_RECORD_VERSION)]),
    position: z.number(),
    id: z.string(),
    fileName: z.string(),
    importedAt: z.string(),
    kind: z.enum(KINDS),
  }),
);

/**
 * A saved response, checked: records the app wrote itself pass the fast check (fast-check.ts,
 * which gives what zod would), and anything it is not sure of, such as a damaged record, gets
 * the full zod check.
 */
const checkResponse: SafeParse<Response> = (v) => {
  const fast = fastResponse(v);
  return fast === null ? responseSchema().safeParse(v) : { success: true, data: fast };
};

/** The entries of one source, checked one by one; `rejected` counts those left out. */
function sourceEntries(raw: Record<string, unknown>) {
  const responses = recordsById(raw.responses, checkResponse);
  const actions = recordsById(raw.actions, (v) => actionSchema().safeParse(v));
  const agreements = recordsById(raw.agreements, (v) => agreedResponseSchema().safeParse(v));
  return {
    responses: responses.records,
    actions: actions.records,
    agreements: agreements.records,
    rejected: responses.rejected + actions.rejected + agreements.rejected,
  };
}

/** Lists of records keyed by their ids; null unless all three are lists. */
function byIds(lists: unknown): Record<string, Record<string, unknown>> | null {
  if (!Array.isArray(lists) || lists.length !== 3 || !lists.every(Array.isArray)) return null;
  const keyed = (list: unknown[]) => {
    const out: Record<string, unknown> = {};
    for (const item of list) {
      // An id that is not a string, or a reserved key, is left to the check to refuse.
      const id = isRecord(item) && typeof item.id === 'string' ? item.id : `#${String(item)}`;
      Object.defineProperty(out, id, { value: item, enumerable: true, writable: true });
    }
    return out;
  };
  const [responses, actions, agreements] = lists as unknown[][];
  return { responses: keyed(responses!), actions: keyed(actions!), agreements: keyed(agreements!) };
}

/** Lists of records this app wrote and checked (a matching checksum): keyed by id, unchecked. */
function trusted<T extends { id: string }>(list: readonly T[]): Record<string, T> {
  const out: Record<string, T> = {};
  for (const item of list) out[item.id] = item;
  return out;
}

/**
 * A saved source record, checked like any outside input: null when it cannot be read (damaged,
 * from a newer version, or not saved under its own id), else the source with the entries that
 * pass their check, how many did not, and whether the record must be written again (`damaged`:
 * its checksum did not match). A version 2 record whose checksum matches
 * is read without checking its entries again.
 */
export function readSourceRecord(
  key: string,
  raw: unknown,
): { source: ImportedSource; position: number; rejected: number; damaged: boolean } | null {
  if (!isRecord(raw)) return null;
  const meta = sourceMetaSchema().safeParse(raw);
  if (!meta.success || sourceKey(meta.data.id) !== key) return null;
  const { version, position, ...source } = meta.data;
  let entries: Record<string, unknown>;
  if (version === 1) {
    if (![raw.responses, raw.actions, raw.agreements].every(isRecord)) return null;
    entries = raw;
  } else {
    if (typeof raw.entries !== 'string') return null;
    let lists: unknown;
    try {
      lists = JSON.parse(raw.entries);
    } catch {
      return null;
    }
    const lists3 = Array.isArray(lists) && lists.length === 3 && lists.every(Array.isArray);
    if (lists3 && raw.checksum === checksumOf(raw.entries)) {
      const [responses, actions, agreements] = lists as [Response[], Action[], AgreedResponse[]];
      return {
        source: {
          ...source,
          responses: trusted(responses),
          actions: trusted(actions),
          agreements: trusted(agreements),
        },
        position,
        rejected: 0,
        damaged: false,
      };
    }
    const keyed = byIds(lists);
    if (keyed === null) return null;
    entries = keyed;
  }
  const { rejected, ...checked } = sourceEntries(entries);
  return { source: { ...source, ...checked }, position, rejected, damaged: version !== 1 };
}

/**
 * Data saved in the old layout, moved to one source per file: each old source gets the entries
 * it listed. Null when it cannot be read at all. Entries that fail their check, and any that no
 * source listed, are counted in `rejected` (the caller keeps a copy of the whole).
 */
export function migrateLegacy(
  raw: unknown,
): { sources: ImportedSource[]; rejected: number; salt: string | null } | null {
  if (!isRecord(raw) || !Array.isArray(raw.sources)) return null;
  const { rejected: badEntries, ...all } = sourceEntries(raw);
  let rejected = badEntries;
  const listed = new Set<string>();
  const pick = <T>(pool: Record<string, T>, ids: unknown, prefix: string) => {
    const out: Record<string, T> = {};
    for (const id of Array.isArray(ids) ? ids : []) {
      if (typeof id !== 'string' || !Object.hasOwn(pool, id)) continue;
      out[id] = pool[id]!;
      listed.add(`${prefix}${id}`);
    }
    return out;
  };
  const sources: ImportedSource[] = [];
  for (const old of raw.sources) {
    if (
      !isRecord(old) ||
      typeof old.id !== 'string' ||
      typeof old.fileName !== 'string' ||
      !Array.isArray(old.responseIds) ||
      !Array.isArray(old.actionIds)
    ) {
      rejected += 1;
      continue;
    }
    const kind = KINDS.find((k) => k === old.kind) ?? 'file';
    const source: ImportedSource = {
      id: old.id,
      fileName: old.fileName,
      importedAt: typeof old.importedAt === 'string' ? old.importedAt : '',
      kind,
      responses: pick(all.responses, old.responseIds, 'r:'),
      actions: pick(all.actions, old.actionIds, 'a:'),
      agreements: pick(all.agreements, old.agreementIds, 'g:'),
    };
    sources.push(source);
  }
  const held =
    Object.keys(all.responses).length +
    Object.keys(all.actions).length +
    Object.keys(all.agreements).length;
  rejected += held - listed.size;
  return { sources, rejected, salt: isSalt(raw.salt) ? raw.salt : null };
}

/** What loading the saved records gives: the sources to hold, and what to tell and keep. */
export interface ReadNetwork {
  /** The sources read, in their saved order (with the entries that passed their check). */
  sources: ImportedSource[];
  /** The sources of the old layout, moved: held once `tidy` is written. */
  migrated: ImportedSource[];
  /** Each source's place in the order, by id (those read, then those moved). */
  positions: Map<string, number>;
  recovery: NetworkRecovery | null;
  /**
   * Copies of what could not be used as it was, by the key they are kept under once `tidy` is
   * written (kept:<key>; the old layout, when it cannot be moved, stays under its own key).
   */
  kept: Record<string, unknown>;
  /** The same copies where they are now, before `tidy` (if writing it fails). */
  keptInPlace: Record<string, unknown>;
  /**
   * One transaction for the load, or null for none: the moved old layout (its records, and the
   * old key deleted), a copy of each record that could not be used as it was, that record's
   * checked part written over it (or, if nothing could be read, the record deleted), and the
   * network record if there is none. So the next load reads clean records and keeps the copies.
   */
  tidy: { put: Map<string, unknown>; remove: string[] } | null;
  /** The network's anonymisation salt: the saved one, or (for none) a new one. */
  salt: string;
  /**
   * Whether the network record holds that salt (`saved`), is to be written with the first
   * save (`missing`), or is from a newer version, which is never written over (`newer`).
   */
  networkRecord: 'saved' | 'missing' | 'newer';
}

/**
 * Reads every saved record of the network. Nothing is written here: the caller writes `tidy`,
 * and must not save anything if that fails (a record with entries left out would be written over
 * without its copy).
 */
export function readNetworkRecords(
  records: ReadonlyMap<string, unknown>,
  makeSalt: () => string,
): ReadNetwork {
  const recovery: NetworkRecovery = { unreadable: 0, invalidEntries: 0, migrationFailed: false };
  const kept: Record<string, unknown> = {};
  const keptInPlace: Record<string, unknown> = {};
  const put = new Map<string, unknown>();
  const remove: string[] = [];
  /** Copies a record to kept:<key>; one that could not be read at all leaves its key. */
  const keepCopy = (key: string, raw: unknown, readable: boolean) => {
    kept[keptKey(key)] = raw;
    keptInPlace[key] = raw;
    put.set(keptKey(key), raw);
    if (!readable) remove.push(key);
  };
  const read: { source: ImportedSource; position: number }[] = [];
  let salt: string | null = null;
  let networkRecordState: ReadNetwork['networkRecord'] = 'missing';
  for (const [key, raw] of records) {
    if (key.startsWith(KEPT_PREFIX)) {
      kept[key] = raw;
      keptInPlace[key] = raw;
    } else if (key === NETWORK_KEY) {
      if (!isRecord(raw) || typeof raw.version !== 'number') {
        recovery.unreadable += 1;
        keepCopy(key, raw, false);
        continue;
      }
      if (isSalt(raw.salt)) salt = raw.salt;
      // One from a newer version is left for that version to read.
      if (raw.version > NETWORK_RECORD_VERSION) networkRecordState = 'newer';
      else if (salt !== null) networkRecordState = 'saved';
    } else if (key.startsWith(SOURCE_PREFIX)) {
      const source = readSourceRecord(key, raw);
      if (source === null) {
        recovery.unreadable += 1;
        keepCopy(key, raw, false);
        continue;
      }
      // A record whose checksum does not match was changed outside this app: checked in full,
      // copied, and written again as it now reads, with what failed its check left out.
      if (source.rejected > 0 || source.damaged) {
        recovery.invalidEntries += source.rejected;
        keepCopy(key, raw, true);
        put.set(key, sourceRecord(source.source, source.position));
      }
      read.push(source);
    }
  }
  read.sort((a, b) => a.position - b.position || (a.source.id < b.source.id ? -1 : 1));
  const positions = new Map(read.map((r) => [r.source.id, r.position]));
  let migrated: ImportedSource[] = [];
  if (records.has(LEGACY_KEY)) {
    const raw = records.get(LEGACY_KEY);
    const moved = migrateLegacy(raw);
    if (moved === null) {
      // Left as it is, under its own key.
      recovery.migrationFailed = true;
      kept[LEGACY_KEY] = raw;
      keptInPlace[LEGACY_KEY] = raw;
    } else {
      // After the sources read above, in their old order.
      const after = Math.max(-1, ...positions.values()) + 1;
      moved.sources.forEach((source, i) => {
        put.set(sourceKey(source.id), sourceRecord(source, after + i));
        positions.set(source.id, after + i);
      });
      migrated = moved.sources;
      salt ??= moved.salt;
      if (moved.rejected > 0) {
        recovery.invalidEntries += moved.rejected;
        keepCopy(LEGACY_KEY, raw, true);
      }
      remove.push(LEGACY_KEY);
    }
  }
  // Saved before networks had a salt: make one now (letters were not secret until then).
  salt ??= makeSalt();
  // Written with the moved layout, unless a network record is there (then with the first save:
  // an unreadable one is moved aside by this transaction, and a key is not put and removed at once).
  if (put.size > 0 && networkRecordState === 'missing' && !records.has(NETWORK_KEY)) {
    put.set(NETWORK_KEY, networkRecord(salt));
    networkRecordState = 'saved';
  }
  const problems =
    recovery.unreadable > 0 || recovery.invalidEntries > 0 || recovery.migrationFailed;
  return {
    sources: read.map((r) => r.source),
    migrated,
    positions,
    recovery: problems ? recovery : null,
    kept,
    keptInPlace,
    tidy: put.size > 0 || remove.length > 0 ? { put, remove } : null,
    salt,
    networkRecord: networkRecordState,
  };
}
