import * as z from 'zod/mini';
import { actionSchema, agreedResponseSchema, responseSchema, schemaParts } from '../core/schemas';
import { lazy } from '../core/lazy';
import { compareInstants, compareText, isRecord } from '../core/records';
import type { Action, AgreedResponse, Response } from '../core/types';
import { decodeInput, exceedsSize, MAX_DEPTH, nestingExceeds } from './import';
import { slug, sortKeys } from './results-file';

/**
 * The network's backup: the whole of a facilitator's work in one file, for the day the browser
 * deletes its data or the laptop is replaced. Unlike a results file (one questionnaire, for
 * sending), it holds everything the network screens are made from, as it is held:
 *
 * - every imported file (source) with what it brought: responses, actions, agreed answers;
 * - the actions and agreed answers made on this device;
 * - the anonymisation settings: whether names are hidden, whose municipality stays named, and
 *   the network's random salt (NetworkData.salt), so hidden names get the same letters again.
 *
 * Restoring it gives back the same data: a backup written after a restore is the same file,
 * byte for byte (keys sorted, lists in the order held). It is one JSON text, checked as an
 * import is (size, text, depth, JSON, envelope, schema) before anything changes.
 */

export const BACKUP_FORMAT = 'naeringsspeilet-backup';
export const BACKUP_FORMAT_VERSION = 1;
/** 200 MB: the backup of a national network is far larger than one results file. */
export const BACKUP_MAX_BYTES = 200 * 1024 * 1024;

export const SOURCE_KINDS = ['file', 'demo', 'device'] as const;

/** One imported file as the backup holds it. */
export interface BackupSource {
  id: string;
  fileName: string;
  importedAt: string;
  kind: (typeof SOURCE_KINDS)[number];
  responses: Response[];
  actions: Action[];
  agreements: AgreedResponse[];
}

export interface NetworkBackup {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION;
  app: { name: 'naeringsspeilet'; version: string };
  exportedAt: string;
  settings: {
    /** The network's anonymisation salt (NetworkData.salt). */
    salt: string;
    anonymised: boolean;
    /** The viewer's own municipality (kommunenummer), which stays named; null for none. */
    viewer: string | null;
  };
  sources: BackupSource[];
  /** Made on this device: the facilitator's own actions and agreed answers. */
  own: { actions: Action[]; agreements: AgreedResponse[] };
}

/** Built on first use (see ../core/lazy.ts). */
const backupSchema = lazy(() => {
  const { id, timestamp } = schemaParts();
  const text = z.string().check(z.minLength(1), z.maxLength(500));
  const source = z.strictObject({
    id,
    fileName: z.string().check(z.maxLength(500)),
    importedAt: timestamp,
    kind: z.enum(SOURCE_KINDS),
    responses: z.array(responseSchema()),
    actions: z.array(actionSchema()),
    agreements: z.array(agreedResponseSchema()),
  });
  return z.strictObject({
    format: z.literal(BACKUP_FORMAT),
    formatVersion: z.literal(BACKUP_FORMAT_VERSION),
    app: z.strictObject({
      name: z.literal('naeringsspeilet'),
      version: z.string().check(z.minLength(1), z.maxLength(50)),
    }),
    exportedAt: timestamp,
    settings: z.strictObject({
      salt: text,
      anonymised: z.boolean(),
      viewer: z.nullable(z.string().check(z.regex(/^\d{4}$/))),
    }),
    sources: z.array(source),
    own: z.strictObject({
      actions: z.array(actionSchema()),
      agreements: z.array(agreedResponseSchema()),
    }),
  });
});

const byId = <T extends { id: string }>(items: Iterable<T>): T[] =>
  [...items].sort((a, b) => compareText(a.id, b.id));

/** The backup of what is held. Records are listed by id; sources stay in the order held. */
export function createBackup(
  held: {
    sources: readonly {
      id: string;
      fileName: string;
      importedAt: string;
      kind: BackupSource['kind'];
      responses: Readonly<Record<string, Response>>;
      actions: Readonly<Record<string, Action>>;
      agreements: Readonly<Record<string, AgreedResponse>>;
    }[];
    salt: string;
    anonymised: boolean;
    viewer: string | null;
    actions: Readonly<Record<string, Action>>;
    agreements: Readonly<Record<string, AgreedResponse>>;
  },
  meta: { appVersion: string; exportedAt: string },
): NetworkBackup {
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    app: { name: 'naeringsspeilet', version: meta.appVersion },
    exportedAt: meta.exportedAt,
    settings: { salt: held.salt, anonymised: held.anonymised, viewer: held.viewer },
    sources: held.sources.map((s) => ({
      id: s.id,
      fileName: s.fileName,
      importedAt: s.importedAt,
      kind: s.kind,
      responses: byId(Object.values(s.responses)),
      actions: byId(Object.values(s.actions)),
      agreements: byId(Object.values(s.agreements)),
    })),
    own: {
      actions: byId(Object.values(held.actions)),
      agreements: byId(Object.values(held.agreements)),
    },
  };
}

/** Pretty JSON with every object's keys sorted: the same data always gives the same bytes. */
export function serializeBackup(backup: NetworkBackup): string {
  return `${JSON.stringify(sortKeys(backup), null, 2)}\n`;
}

/** naeringsspeilet-sikkerhetskopi-2024-05-03.json (the word comes from the caller's language). */
export function backupFileName(word: string, date: string): string {
  return `naeringsspeilet-${slug(word)}-${date.slice(0, 10)}.json`;
}

export type BackupErrorCode =
  'tooLarge' | 'notText' | 'notJson' | 'tooDeep' | 'notBackup' | 'newerFormat' | 'invalid';

export type BackupReadResult =
  { ok: true; backup: NetworkBackup } | { ok: false; code: BackupErrorCode; detail?: string };

/**
 * Reads a backup: size → text → depth → JSON → envelope → schema, and ids unique in each list.
 * Never throws; a problem gives a code, and the caller changes nothing.
 */
export function readBackup(
  input: string | Uint8Array,
  maxBytes: number = BACKUP_MAX_BYTES,
): BackupReadResult {
  try {
    if (exceedsSize(input, maxBytes)) return { ok: false, code: 'tooLarge' };
    const decoded = decodeInput(input);
    if (!decoded.ok) return { ok: false, code: 'notText' };
    if (nestingExceeds(decoded.text, MAX_DEPTH)) return { ok: false, code: 'tooDeep' };
    let data: unknown;
    try {
      data = JSON.parse(decoded.text);
    } catch {
      return { ok: false, code: 'notJson' };
    }
    if (!isRecord(data) || data.format !== BACKUP_FORMAT) return { ok: false, code: 'notBackup' };
    if (typeof data.formatVersion === 'number' && data.formatVersion > BACKUP_FORMAT_VERSION)
      return { ok: false, code: 'newerFormat' };
    const parsed = backupSchema().safeParse(data);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return { ok: false, code: 'invalid', detail: first?.path.join('.').slice(0, 200) ?? '' };
    }
    const backup: NetworkBackup = parsed.data;
    const lists = [
      backup.sources,
      backup.own.actions,
      backup.own.agreements,
      ...backup.sources.flatMap((s) => [s.responses, s.actions, s.agreements]),
    ];
    for (const list of lists) {
      if (new Set(list.map((x) => x.id)).size !== list.length)
        return { ok: false, code: 'invalid', detail: 'duplicate id' };
    }
    return { ok: true, backup };
  } catch (error) {
    return { ok: false, code: 'invalid', detail: error instanceof Error ? error.name : 'error' };
  }
}

// ---------------------------------------------------------------------------------------------
// The reminder

/**
 * When the data last changed in a way a backup should keep: the latest import (a source's
 * `importedAt`) or edit made at a gathering on this device (an own action's or agreed answer's
 * `updatedAt`). The demo network is made up, so none of it counts. Null when there is nothing
 * to keep.
 */
export function lastChangeOf(held: {
  sources: readonly { importedAt: string; kind?: string }[];
  actions: Readonly<Record<string, { updatedAt: string; demo?: boolean | undefined }>>;
  agreements: Readonly<Record<string, { updatedAt: string; demo?: boolean | undefined }>>;
}): string | null {
  let latest: string | null = null;
  const consider = (t: string) => {
    if (latest === null || compareInstants(t, latest) > 0) latest = t;
  };
  for (const s of held.sources) if (s.kind !== 'demo') consider(s.importedAt);
  for (const a of Object.values(held.actions)) if (a.demo !== true) consider(a.updatedAt);
  for (const a of Object.values(held.agreements)) if (a.demo !== true) consider(a.updatedAt);
  return latest;
}

/**
 * Whether to remind the facilitator to take a backup: there is data, and it changed after the
 * last backup. "Not now" puts the reminder off until the data changes again, so it never nags:
 * it comes back once per import or gathering at most.
 */
export function backupDue(state: {
  changedAt: string | null;
  lastBackupAt: string | null;
  putOffAt: string | null;
}): boolean {
  const { changedAt, lastBackupAt, putOffAt } = state;
  if (changedAt === null) return false;
  if (lastBackupAt !== null && compareInstants(lastBackupAt, changedAt) >= 0) return false;
  return putOffAt === null || compareInstants(putOffAt, changedAt) < 0;
}
