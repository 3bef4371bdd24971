import * as z from 'zod/mini';
import { lazy } from '../domain/core/lazy';
import { runMigrations } from '../domain/core/migrations';
import { isRecord, recordsById, type SafeParse } from '../domain/core/records';
import { responseSchema, agreedResponseSchema, actionSchema } from '../domain/core/schemas';
import { parseQuestionnaire, type Questionnaire } from '../domain/questionnaire/schema';
import { namePeriods, parseGatheringKey } from '../domain/core/gatherings';
import {
  LOCALES,
  type Action,
  type Locale,
  type Response,
  type AgreedResponse,
} from '../domain/core/types';
import { initialNetworkView, type NetworkView } from './network-slice';
import { MAX_EXPECTED } from './facilitator-slice';

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
  /** When the network's last backup was written here; absent in older saved state (null). */
  lastBackupAt: string | null;
  /** When the backup reminder was put off. */
  backupReminderPutOffAt: string | null;
  /**
   * Free text the facilitator keeps off the projector, and the expected responses
   * (facilitator-slice.ts). Added after version 1 without a bump: state saved without them reads
   * as none hidden and none typed, which is what it meant.
   */
  hiddenFreeText: string[];
  expectedResponses: Record<string, number>;
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
  lastBackupAt: null,
  backupReminderPutOffAt: null,
  hiddenFreeText: [],
  expectedResponses: {},
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
    lastBackupAt: s.lastBackupAt,
    backupReminderPutOffAt: s.backupReminderPutOffAt,
    hiddenFreeText: s.hiddenFreeText,
    expectedResponses: s.expectedResponses,
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

/** Built on first use (see ../domain/core/lazy.ts). */
const settingsSchema = lazy(() =>
  z.object({
    activeResponseId: z.catch(z.nullable(z.string()), null),
    lastAreaByResponse: z.catch(z.record(z.string(), z.string()), {}),
    deletedResponses: z.catch(z.record(z.string(), z.string()), {}),
    language: z.catch(z.enum(LOCALES), 'nb'),
    lastBackupAt: z.catch(z.nullable(z.iso.datetime({ offset: true })), null),
    backupReminderPutOffAt: z.catch(z.nullable(z.iso.datetime({ offset: true })), null),
    networkView: z.catch(
      z.object({
        gathering: z.catch(
          z.nullable(z.string().check(z.refine((k) => parseGatheringKey(k) !== null))),
          null,
        ),
        anonymised: z.catch(z.boolean(), false),
        viewer: z.catch(z.nullable(z.string().check(z.regex(/^\d{4}$/))), null),
        source: z.catch(z.enum(['mean', 'agreed']), 'mean'),
      }),
      initialNetworkView(),
    ),
    hiddenFreeText: z.catch(
      z.array(z.string().check(z.maxLength(300))).check(z.maxLength(10_000)),
      [],
    ),
    expectedResponses: z.catch(
      z.record(z.string().check(z.maxLength(200)), z.int().check(z.gte(0), z.lte(MAX_EXPECTED))),
      {},
    ),
  }),
);

/**
 * Validates migrated state. Responses are checked one by one, so one bad entry
 * does not take the others with it; `rejected` counts those left out.
 */
export function validatePersisted(state: unknown): { state: PersistedState; rejected: number } {
  const base = initialPersisted();
  if (!isRecord(state)) return { state: base, rejected: 1 };
  const settings = settingsSchema().parse(state);
  let rejected = state.responses !== undefined && !isRecord(state.responses) ? 1 : 0;
  const valid = <T extends { id: string }>(
    raw: unknown,
    parse: SafeParse<T>,
  ): Record<string, T> => {
    const { records, rejected: left } = recordsById(raw, parse);
    rejected += left;
    return records;
  };
  const responses: Record<string, Response> = valid(state.responses, (v) =>
    responseSchema().safeParse(v),
  );
  const actions: Record<string, Action> = valid(state.actions, (v) => actionSchema().safeParse(v));
  const agreements: Record<string, AgreedResponse> = valid(state.agreements, (v) =>
    agreedResponseSchema().safeParse(v),
  );
  const customQuestionnaires: Questionnaire[] = [];
  if (Array.isArray(state.customQuestionnaires)) {
    for (const value of state.customQuestionnaires) {
      const parsed = parseQuestionnaire(value);
      if (parsed.ok) customQuestionnaires.push(parsed.questionnaire);
      else rejected += 1;
    }
  }
  const lastAreaByResponse: Record<string, string> = {};
  for (const [key, value] of Object.entries(settings.lastAreaByResponse)) {
    if (Object.hasOwn(responses, key)) lastAreaByResponse[key] = value;
  }
  return {
    state: {
      responses,
      activeResponseId:
        settings.activeResponseId !== null && Object.hasOwn(responses, settings.activeResponseId)
          ? settings.activeResponseId
          : null,
      lastAreaByResponse,
      deletedResponses: settings.deletedResponses,
      language: settings.language,
      networkView: settings.networkView,
      actions,
      agreements,
      customQuestionnaires,
      lastBackupAt: settings.lastBackupAt,
      backupReminderPutOffAt: settings.backupReminderPutOffAt,
      hiddenFreeText: [...new Set(settings.hiddenFreeText)],
      expectedResponses: settings.expectedResponses,
    },
    rejected,
  };
}
