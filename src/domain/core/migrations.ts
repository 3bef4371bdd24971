import { isRecord } from './records';

/**
 * The one runner of migrations, for every versioned shape that comes from outside: the results
 * file (../files/migrations.ts) and the state saved in the browser (src/store/persisted.ts).
 * Each caller keeps its own table and turns a problem into its own error code and message.
 */

/** Plain JSON object, as JSON.parse returns it. */
export type JsonRecord = Record<string, unknown>;

export interface MigrationStep {
  /** Turns data of version `from` into version `from + 1`. */
  from: number;
  /** Returns a new object; never mutates `data`. May throw; the runner reports it. */
  migrate: (data: Readonly<JsonRecord>) => JsonRecord;
}

/** Why migrations could not run, and at which version. */
export type MigrationProblem =
  /** `fromVersion` is above the target: written by a newer app. */
  | { problem: 'newerVersion'; version: number }
  /** `fromVersion` is not a whole number ≥ 0. */
  | { problem: 'badVersion'; version: number }
  /** The data is not a plain object. */
  | { problem: 'notObject'; version: number }
  /** The table has no step from `version`. */
  | { problem: 'noStep'; version: number }
  /** The step from `version` threw `error`. */
  | { problem: 'stepFailed'; version: number; error: unknown }
  /** The step from `version` returned something other than a plain object. */
  | { problem: 'badResult'; version: number };

export type MigrationOutcome =
  { ok: true; data: JsonRecord; applied: number[] } | ({ ok: false } & MigrationProblem);

/**
 * Brings `data` of `fromVersion` up to `target`, one step of the table at a time. Never throws
 * and never mutates `data`. With `versionKey`, each step's result gets that key set to its new
 * version, so a step need not set it.
 */
export function runMigrations(
  data: unknown,
  fromVersion: number,
  table: readonly MigrationStep[],
  target: number,
  options: { versionKey?: string } = {},
): MigrationOutcome {
  if (!Number.isSafeInteger(fromVersion) || fromVersion < 0) {
    return { ok: false, problem: 'badVersion', version: fromVersion };
  }
  if (fromVersion > target) return { ok: false, problem: 'newerVersion', version: fromVersion };
  if (!isRecord(data)) return { ok: false, problem: 'notObject', version: fromVersion };
  let current: JsonRecord = { ...data };
  const applied: number[] = [];
  for (let v = fromVersion; v < target; v += 1) {
    const step = table.find((m) => m.from === v);
    if (!step) return { ok: false, problem: 'noStep', version: v };
    let next: unknown;
    try {
      next = step.migrate(current);
    } catch (error) {
      return { ok: false, problem: 'stepFailed', version: v, error };
    }
    if (!isRecord(next)) return { ok: false, problem: 'badResult', version: v };
    current = options.versionKey === undefined ? next : { ...next, [options.versionKey]: v + 1 };
    applied.push(v);
  }
  return { ok: true, data: current, applied };
}
