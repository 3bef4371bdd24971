/**
 * The saved state's shape, version, migrations and seal, without zod, so that the first screen
 * can read what the app saved itself without loading the full validation (persisted.ts).
 *
 * Every save is sealed: the envelope carries an FNV-1a sum of the state's JSON beside the state.
 * State whose seal matches, at this version, and whose shape passes `trustedPersisted` is what
 * this app wrote and is used as it is. Anything else (an older version, a damaged or hand-edited
 * save, one from before the seal) goes through persisted.ts's validatePersisted, loaded on
 * demand (loadFullCheck).
 */
import { fnv1a } from '../domain/core/hash';
import { runMigrations } from '../domain/core/migrations';
import { isRecord } from '../domain/core/records';
import { namePeriods } from '../domain/core/gatherings';
import {
  LOCALES,
  type Action,
  type Locale,
  type Response,
  type AgreedResponse,
} from '../domain/core/types';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { initialNetworkView, type NetworkView } from './network-slice';

export const STORE_KEY = 'naeringsspeilet';
/** Bump together with a new entry in `migrations`, a fixture and a test. 2: periods. */
export const STORE_VERSION = 2;

/** What is saved in the browser: the sources of truth only, never scores. */
export interface PersistedState {
  responses: Record<string, Response>;
  activeResponseId: string | null;
  lastAreaByResponse: Record<string, string>;
  /** Tombstones: response id → when it was deleted. */
  deletedResponses: Record<string, string>;
  language: Locale;
  networkView: NetworkView;
  /** The municipality's own actions, made on this device. */
  actions: Record<string, Action>;
  /** Agreed answers recorded on this device. */
  agreements: Record<string, AgreedResponse>;
  /** Questionnaires a facilitator loaded here. */
  customQuestionnaires: Questionnaire[];
  /**
   * Free text the facilitator keeps off the projector, and the expected responses
   * (facilitator-slice.ts). Added after version 1 without a bump: state saved without them reads
   * as none hidden and none typed, which is what it meant.
   */
  hiddenFreeText: string[];
  expectedResponses: Record<string, number>;
  /** When the network's last backup was written here; absent in older saved state (null). */
  lastBackupAt: string | null;
  /** When the backup reminder was put off. */
  backupReminderPutOffAt: string | null;
}

export const initialPersisted = (): PersistedState => ({
  responses: {},
  activeResponseId: null,
  lastAreaByResponse: {},
  deletedResponses: {},
  language: 'nb',
  networkView: initialNetworkView(),
  actions: {},
  agreements: {},
  customQuestionnaires: [],
  hiddenFreeText: [],
  expectedResponses: {},
  lastBackupAt: null,
  backupReminderPutOffAt: null,
});

/** The part of the store's state that is saved: the fields of PersistedState, no more. */
export function persistedPart(s: PersistedState): PersistedState {
  return {
    responses: s.responses,
    activeResponseId: s.activeResponseId,
    lastAreaByResponse: s.lastAreaByResponse,
    deletedResponses: s.deletedResponses,
    language: s.language,
    networkView: s.networkView,
    actions: s.actions,
    agreements: s.agreements,
    customQuestionnaires: s.customQuestionnaires,
    hiddenFreeText: s.hiddenFreeText,
    expectedResponses: s.expectedResponses,
    lastBackupAt: s.lastBackupAt,
    backupReminderPutOffAt: s.backupReminderPutOffAt,
  };
}

type Migration = (state: Record<string, unknown>) => Record<string, unknown>;

/** The values of a saved record of records (responses by id), or [] when it is not one. */
function valuesOf(value: unknown): unknown[] {
  return isRecord(value) ? Object.values(value) : [];
}

/** `named` put back under the keys of `original`, in the same order; anything else as it was. */
function sameKeys(original: unknown, named: unknown[]): unknown {
  if (!isRecord(original)) return original;
  return Object.fromEntries(Object.keys(original).map((key, i) => [key, named[i]]));
}

/**
 * Version 1 → 2: every gathering names its period, by the same rule as a version 1 results
 * file (domain/core/gatherings.ts, namePeriods). The network view chose a gathering by round
 * alone; it now chooses one by period and round, so it starts again from the latest.
 */
function addPeriods(state: Record<string, unknown>): Record<string, unknown> {
  const named = namePeriods({
    responses: valuesOf(state.responses),
    actions: valuesOf(state.actions),
    agreements: valuesOf(state.agreements),
  });
  const out = { ...state };
  if (Object.hasOwn(state, 'responses')) out.responses = sameKeys(state.responses, named.responses);
  if (Object.hasOwn(state, 'actions')) out.actions = sameKeys(state.actions, named.actions);
  if (Object.hasOwn(state, 'agreements'))
    out.agreements = sameKeys(state.agreements, named.agreements);
  if (isRecord(state.networkView)) {
    const { round: _round, ...view } = state.networkView;
    out.networkView = { ...view, gathering: null };
  }
  return out;
}

/**
 * Ordered migrations: `migrations[n]` turns saved state of version n into version n + 1.
 * Each bump of STORE_VERSION adds a step here, a fixture of the old saved state under
 * src/store/fixtures/ and a test.
 */
export const migrations: Readonly<Record<number, Migration>> = { 1: addPeriods };

export class MigrationError extends Error {
  constructor(
    readonly code: 'newerVersion' | 'migrationFailed',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs every migration from `fromVersion` up to STORE_VERSION, with the domain's one runner
 * (domain/core/migrations.ts). Throws MigrationError.
 */
export function migrateState(
  state: unknown,
  fromVersion: number,
  table: Readonly<Record<number, Migration>> = migrations,
  target: number = STORE_VERSION,
): Record<string, unknown> {
  const steps = Object.entries(table).map(([from, migrate]) => ({ from: Number(from), migrate }));
  const run = runMigrations(state, fromVersion, steps, target);
  if (run.ok) return run.data;
  const v = run.version;
  switch (run.problem) {
    case 'newerVersion':
      throw new MigrationError('newerVersion', `Saved by a newer version (${v})`);
    case 'notObject':
      throw new MigrationError('migrationFailed', 'Saved state is not an object');
    case 'badVersion':
    case 'noStep':
      throw new MigrationError('migrationFailed', `No migration from version ${v}`);
    case 'stepFailed':
      throw new MigrationError(
        'migrationFailed',
        `Migration from version ${v} failed: ${String(run.error)}`,
      );
    case 'badResult':
      throw new MigrationError('migrationFailed', `Migration from version ${v} gave no object`);
  }
}

/** The full validation of saved state (persisted.ts): what it keeps, and how many it left out. */
export type FullCheck = (state: unknown) => { state: PersistedState; rejected: number };

/** Loads the full validation (persisted.ts, with zod) when saved state is not trusted. */
export const loadFullCheck = (): Promise<FullCheck> =>
  import('./persisted').then((m) => m.validatePersisted);

/** The envelope zustand's persist hands to storage. */
export interface SavedEnvelope {
  state: unknown;
  version?: number | undefined;
}

const sealOf = (stateJson: string) => fnv1a(stateJson).toString(36);

/** The text saved under STORE_KEY: the envelope with the seal of its state. */
export function sealSaved(value: SavedEnvelope): string {
  const state = JSON.stringify(value.state);
  return `{"state":${state},"version":${JSON.stringify(value.version ?? 0)},"seal":"${sealOf(state)}"}`;
}

/**
 * Reads the text saved under STORE_KEY: the envelope, and whether its seal matches at this
 * version (JSON.stringify gives back the very text it wrote for a value JSON.parse read from it).
 * Null when it is not an envelope at all.
 */
export function readSaved(
  raw: string,
): { state: unknown; version: number; sealed: boolean } | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!isRecord(value) || !('state' in value) || typeof value.version !== 'number') return null;
  const sealed =
    value.version === STORE_VERSION &&
    typeof value.seal === 'string' &&
    value.seal === sealOf(JSON.stringify(value.state));
  return { state: value.state, version: value.version, sealed };
}

const isText = (v: unknown): v is string => typeof v === 'string';
const isTextOrNull = (v: unknown) => v === null || isText(v);
const recordOf = (v: unknown, item: (x: unknown) => boolean) =>
  isRecord(v) && Object.values(v).every(item);
const byOwnId = (v: unknown) =>
  isRecord(v) && Object.entries(v).every(([key, r]) => isRecord(r) && r.id === key);

/**
 * The light check of sealed state: every field of PersistedState is there with the right kind
 * of value. The seal says the app wrote it; this guards against a save whose fields the app no
 * longer reads the same way. The state itself when it passes, else null (then check it fully).
 */
export function trustedPersisted(state: unknown): PersistedState | null {
  if (!isRecord(state)) return null;
  const s = state as Partial<Record<keyof PersistedState, unknown>>;
  const ok =
    byOwnId(s.responses) &&
    byOwnId(s.actions) &&
    byOwnId(s.agreements) &&
    isTextOrNull(s.activeResponseId) &&
    (s.activeResponseId === null || Object.hasOwn(s.responses as object, s.activeResponseId)) &&
    recordOf(s.lastAreaByResponse, isText) &&
    recordOf(s.deletedResponses, isText) &&
    (LOCALES as readonly unknown[]).includes(s.language) &&
    isRecord(s.networkView) &&
    Array.isArray(s.customQuestionnaires) &&
    s.customQuestionnaires.every(isRecord) &&
    Array.isArray(s.hiddenFreeText) &&
    s.hiddenFreeText.every(isText) &&
    recordOf(s.expectedResponses, (n) => Number.isInteger(n)) &&
    isTextOrNull(s.lastBackupAt) &&
    isTextOrNull(s.backupReminderPutOffAt);
  return ok ? (state as unknown as PersistedState) : null;
}
