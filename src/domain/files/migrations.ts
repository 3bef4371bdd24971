import { runMigrations, type JsonRecord, type MigrationStep } from '../core/migrations';
import { isRecord } from '../core/records';
import { namePeriods } from '../core/gatherings';
import { RESULTS_FORMAT_VERSION } from './results-file';

/**
 * Older results-file formats, and how each is brought up to the current one.
 *
 * Policy (docs/results-file.md, "Versions and migrations"):
 * - A released format version is never changed. A change to the file's shape bumps
 *   RESULTS_FORMAT_VERSION and adds one entry to FORMAT_MIGRATIONS, a fixture of the old format
 *   under src/domain/files/fixtures/ and a test that the fixture imports.
 * - Every key that is renamed or dropped is listed in the migration that does it (`legacyKeys`),
 *   so there is one typed table to read when an old file looks strange.
 * - Migrations work on plain JSON data that has passed the envelope check but not yet zod, and
 *   must never mutate their input: they return a new object.
 *
 * Version 1 is the first released format; version 2 names each gathering's period
 * (addPeriods). The runner (../core/migrations.ts) is also tested with tables injected by the
 * tests.
 */

/** Where in the file a legacy key lives. */
export type LegacyKeyScope = 'file' | 'response' | 'answer' | 'action';

/** A key that an older format used, and what became of it. */
export interface LegacyKey {
  scope: LegacyKeyScope;
  /** The key in the older format. */
  key: string;
  /** The key that replaced it, or null when the key was dropped. */
  replacedBy: string | null;
}

/**
 * A step of the results file (run by ../core/migrations.ts): turns a file of formatVersion
 * `from` into formatVersion `from + 1`. It returns a new object and never mutates the file; the
 * runner sets `formatVersion` on the result, so a step need not. A step may throw; the runner
 * turns that into an error code.
 */
export interface FormatMigration extends MigrationStep {
  /** One line for docs and error details, e.g. "v1 → v2: responses[].respondent.role renamed". */
  description: string;
  legacyKeys: readonly LegacyKey[];
}

/** Version 1 → 2: every gathering names its period (core/gatherings.ts, namePeriods). */
function addPeriods(file: Readonly<JsonRecord>): JsonRecord {
  const out: JsonRecord = { ...file };
  const named = namePeriods({
    responses: Array.isArray(file.responses) ? (file.responses as unknown[]) : [],
    actions: Array.isArray(file.actions) ? (file.actions as unknown[]) : [],
    agreements: Array.isArray(file.agreements) ? (file.agreements as unknown[]) : [],
  });
  if (Array.isArray(file.responses)) out.responses = named.responses;
  if (Array.isArray(file.actions)) out.actions = named.actions;
  if (Array.isArray(file.agreements)) out.agreements = named.agreements;
  return out;
}

/** Ordered migrations of the results file. */
export const FORMAT_MIGRATIONS: readonly FormatMigration[] = [
  {
    from: 1,
    description:
      'v1 → v2: every gathering names its period (a response: the year of gathering.date)',
    legacyKeys: [],
    migrate: addPeriods,
  },
];

export type MigrateResult =
  | { ok: true; file: JsonRecord; applied: number[] }
  | { ok: false; code: 'newerFormat' | 'unsupportedFormat' | 'invalid'; detail: string };

/**
 * Brings a file of `fromVersion` up to `target` by running each step of the table in turn.
 * Never throws:
 * - `fromVersion` above `target` gives 'newerFormat' (made by a newer app);
 * - a version with no step in the table, or one that is not a whole number ≥ 0, gives
 *   'unsupportedFormat' (released versions start at 1; a test table may start at 0);
 * - a step that throws or returns something other than an object gives 'invalid'.
 */
export function migrateResultsFile(
  file: Readonly<JsonRecord>,
  fromVersion: number,
  table: readonly FormatMigration[] = FORMAT_MIGRATIONS,
  target: number = RESULTS_FORMAT_VERSION,
): MigrateResult {
  const run = runMigrations(file, fromVersion, table, target, { versionKey: 'formatVersion' });
  if (run.ok) return { ok: true, file: run.data, applied: run.applied };
  const v = run.version;
  switch (run.problem) {
    case 'newerVersion':
      return { ok: false, code: 'newerFormat', detail: `formatVersion ${v} > ${target}` };
    case 'badVersion':
    case 'notObject':
      return { ok: false, code: 'unsupportedFormat', detail: `formatVersion ${String(v)}` };
    case 'noStep':
      return {
        ok: false,
        code: 'unsupportedFormat',
        detail: `No migration from formatVersion ${v}`,
      };
    case 'stepFailed': {
      const message = run.error instanceof Error ? run.error.message : 'error';
      return {
        ok: false,
        code: 'invalid',
        detail: `Migration from formatVersion ${v} failed: ${message.slice(0, 200)}`,
      };
    }
    case 'badResult':
      return {
        ok: false,
        code: 'invalid',
        detail: `Migration from formatVersion ${v} did not return an object`,
      };
  }
}

/**
 * Helper for migrations: a copy of `record` with `from` renamed to `to` (or dropped when `to` is
 * null). A key `to` already present wins over the legacy key. Keys are copied with
 * Object.fromEntries, so a `__proto__` key stays an ordinary own key and pollutes nothing.
 */
export function renameKey(
  record: Readonly<JsonRecord>,
  from: string,
  to: string | null,
): JsonRecord {
  if (!Object.hasOwn(record, from)) return Object.fromEntries(Object.entries(record));
  const entries = Object.entries(record).filter(([k]) => k !== from);
  if (to !== null && !Object.hasOwn(record, to)) entries.push([to, record[from]]);
  return Object.fromEntries(entries);
}

/** Applies a list of legacy keys of one scope to a record, in table order. */
export function applyLegacyKeys(
  record: Readonly<JsonRecord>,
  keys: readonly LegacyKey[],
  scope: LegacyKeyScope,
): JsonRecord {
  let out: JsonRecord = Object.fromEntries(Object.entries(record));
  for (const k of keys) if (k.scope === scope) out = renameKey(out, k.key, k.replacedBy);
  return out;
}

function mapRecords(value: unknown, fn: (r: JsonRecord) => JsonRecord): unknown {
  if (!Array.isArray(value)) return value;
  return (value as unknown[]).map((item) => (isRecord(item) ? fn(item) : item));
}

/**
 * Builds a migration that only renames or drops keys, from its table of legacy keys: 'file' keys
 * on the envelope, 'response' keys on each of `responses`, 'answer' keys on each value of a
 * response's `answers`, and 'action' keys on each of `actions`. Anything that is not the expected
 * shape is left alone for zod to reject.
 */
export function keyRenameMigration(
  from: number,
  description: string,
  legacyKeys: readonly LegacyKey[],
): FormatMigration {
  const migrateAnswers = (answers: unknown): unknown =>
    isRecord(answers)
      ? Object.fromEntries(
          Object.entries(answers).map(([k, a]) => [
            k,
            isRecord(a) ? applyLegacyKeys(a, legacyKeys, 'answer') : a,
          ]),
        )
      : answers;
  return {
    from,
    description,
    legacyKeys,
    migrate: (file) => {
      const out = applyLegacyKeys(file, legacyKeys, 'file');
      if (Object.hasOwn(out, 'responses')) {
        out.responses = mapRecords(out.responses, (r) => {
          const response = applyLegacyKeys(r, legacyKeys, 'response');
          if (Object.hasOwn(response, 'answers'))
            response.answers = migrateAnswers(response.answers);
          return response;
        });
      }
      if (Object.hasOwn(out, 'actions')) {
        out.actions = mapRecords(out.actions, (a) => applyLegacyKeys(a, legacyKeys, 'action'));
      }
      return out;
    },
  };
}
