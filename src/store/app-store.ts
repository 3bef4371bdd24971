import { createStore, type StoreApi } from 'zustand/vanilla';
import { persist, type PersistStorage, type StateStorage } from 'zustand/middleware';
import { mergeResponseMaps } from '../domain/sync/merge-answers';
import type {
  AnswerValue,
  Gathering,
  Level,
  Locale,
  Municipality,
  Response,
  Role,
} from '../domain/core/types';
import { newId } from '../lib/id';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { writeBackup, type StorageStatus } from '../lib/storage';
import { createNetworkSlice, type NetworkSlice } from './network-slice';
import { createActionsSlice, type ActionsSlice } from './actions-slice';
import {
  initialPersisted,
  migrateState,
  MigrationError,
  STORE_KEY,
  STORE_VERSION,
  validatePersisted,
  type PersistedState,
} from './persisted';

/** Why saved state could not be used as it was. The raw state is kept as a backup. */
export type RecoveryNotice = 'corrupt' | 'newerVersion' | 'migrationFailed' | 'invalidEntries';

export interface NewResponseInput {
  municipality: Municipality;
  role: Role;
  gathering: Gathering;
  initials?: string;
  questionnaire: { id: string; version: number };
}

export interface ResponsesSlice {
  responses: Record<string, Response>;
  activeResponseId: string | null;
  lastAreaByResponse: Record<string, string>;
  /** Ids of responses deleted here, with when: another tab must not bring them back. */
  deletedResponses: Record<string, string>;
  startResponse: (input: NewResponseInput) => string;
  selectResponse: (id: string) => void;
  deleteResponse: (id: string) => void;
  setAnswer: (statementId: string, value: AnswerValue) => void;
  setComment: (statementId: string, comment: string) => void;
  setImportance: (areaId: string, level: Level) => void;
  setLastArea: (areaId: string) => void;
  submitResponse: () => void;
  /** Merges responses saved by another tab, statement by statement; newer edits win. */
  syncFromOtherTab: (raw: string | null) => void;
}

export interface SettingsSlice {
  language: Locale;
  setLanguage: (language: Locale) => void;
  /** Questionnaires a facilitator has loaded here (validated); new responses may use them. */
  customQuestionnaires: Questionnaire[];
  /** Adds or replaces (same id and version) a custom questionnaire. */
  addCustomQuestionnaire: (q: Questionnaire) => void;
  removeCustomQuestionnaire: (id: string, version: number) => void;
}

export interface StatusSlice {
  storageStatus: StorageStatus;
  recovery: RecoveryNotice | null;
  setStorageStatus: (status: StorageStatus) => void;
  dismissRecovery: () => void;
}

export type AppState = ResponsesSlice & SettingsSlice & StatusSlice & NetworkSlice & ActionsSlice;
export type AppStore = StoreApi<AppState>;

type Set = StoreApi<AppState>['setState'];
type Get = StoreApi<AppState>['getState'];

export interface StoreOptions {
  storage: StateStorage;
  now?: () => Date;
  backupStorage?: () => Storage | undefined;
}

function createResponsesSlice(set: Set, get: Get, now: () => string): ResponsesSlice {
  const updateActive = (change: (r: Response, stamp: string) => Response) => {
    const { activeResponseId, responses } = get();
    if (activeResponseId === null) return;
    const current = responses[activeResponseId];
    if (!current) return;
    const stamp = now();
    set({
      responses: {
        ...responses,
        [activeResponseId]: { ...change(current, stamp), updatedAt: stamp },
      },
    });
  };
  return {
    responses: {},
    activeResponseId: null,
    lastAreaByResponse: {},
    deletedResponses: {},
    startResponse(input) {
      const stamp = now();
      const id = newId();
      const respondent: Response['respondent'] = { id: newId(), role: input.role };
      const initials = input.initials?.trim();
      if (initials) respondent.initials = initials;
      const response: Response = {
        id,
        questionnaire: input.questionnaire,
        municipality: input.municipality,
        respondent,
        gathering: input.gathering,
        answers: {},
        importance: {},
        createdAt: stamp,
        updatedAt: stamp,
      };
      set({ responses: { ...get().responses, [id]: response }, activeResponseId: id });
      return id;
    },
    selectResponse(id) {
      if (Object.hasOwn(get().responses, id)) set({ activeResponseId: id });
    },
    deleteResponse(id) {
      const { [id]: _removed, ...responses } = get().responses;
      const { [id]: _last, ...lastAreaByResponse } = get().lastAreaByResponse;
      set({
        responses,
        lastAreaByResponse,
        deletedResponses: { ...get().deletedResponses, [id]: now() },
        activeResponseId: get().activeResponseId === id ? null : get().activeResponseId,
      });
    },
    setAnswer(statementId, value) {
      updateActive((r, stamp) => ({
        ...r,
        answers: {
          ...r.answers,
          [statementId]: { ...r.answers[statementId], value, updatedAt: stamp },
        },
      }));
    },
    setComment(statementId, comment) {
      updateActive((r, stamp) => {
        const previous = r.answers[statementId];
        const next = { ...previous, updatedAt: stamp };
        if (comment.trim() === '') delete next.comment;
        else next.comment = comment;
        return { ...r, answers: { ...r.answers, [statementId]: next } };
      });
    },
    setImportance(areaId, level) {
      updateActive((r) => ({ ...r, importance: { ...r.importance, [areaId]: level } }));
    },
    setLastArea(areaId) {
      const id = get().activeResponseId;
      if (id === null || get().lastAreaByResponse[id] === areaId) return;
      set({ lastAreaByResponse: { ...get().lastAreaByResponse, [id]: areaId } });
    },
    submitResponse() {
      updateActive((r, stamp) => ({ ...r, submittedAt: r.submittedAt ?? stamp }));
    },
    syncFromOtherTab(raw) {
      if (raw === null) return;
      let theirs: Record<string, Response>;
      let theirDeleted: Record<string, string>;
      try {
        const parsed = JSON.parse(raw) as { state?: unknown; version?: unknown };
        if (parsed.version !== STORE_VERSION) return;
        const state = validatePersisted(parsed.state).state;
        theirs = state.responses;
        theirDeleted = state.deletedResponses;
      } catch {
        return;
      }
      const mine = get().responses;
      const deleted = { ...theirDeleted, ...get().deletedResponses };
      const merged = mergeResponseMaps(mine, theirs);
      // A response deleted in either tab stays deleted.
      for (const id of Object.keys(deleted)) delete merged[id];
      const changed =
        JSON.stringify(merged) !== JSON.stringify(mine) ||
        Object.keys(deleted).length !== Object.keys(get().deletedResponses).length;
      if (changed) {
        const activeResponseId = get().activeResponseId;
        set({
          responses: merged,
          deletedResponses: deleted,
          activeResponseId:
            activeResponseId !== null && Object.hasOwn(merged, activeResponseId)
              ? activeResponseId
              : null,
        });
      }
    },
  };
}

/** Creates the app's one store. Tests create a fresh one with an in-memory storage. */
export function createAppStore(options: StoreOptions): AppStore {
  const now = () => (options.now ? options.now() : new Date()).toISOString();
  const backup = (raw: string) => writeBackup(raw, options.backupStorage);
  let recovery: RecoveryNotice | null = null;

  const storage: PersistStorage<PersistedState> = {
    getItem(name) {
      const raw = options.storage.getItem(name);
      if (typeof raw !== 'string') return null;
      try {
        const value = JSON.parse(raw) as unknown;
        if (
          typeof value !== 'object' ||
          value === null ||
          !('state' in value) ||
          typeof (value as { version?: unknown }).version !== 'number'
        ) {
          throw new Error('not a saved state');
        }
        return value as { state: PersistedState; version: number };
      } catch {
        backup(raw);
        recovery = 'corrupt';
        return null;
      }
    },
    setItem(name, value) {
      // State saved by a newer version stays as it is: that version can still open it.
      if (recovery === 'newerVersion') return;
      void options.storage.setItem(name, JSON.stringify(value));
    },
    removeItem(name) {
      void options.storage.removeItem(name);
    },
  };

  const store = createStore<AppState>()(
    persist(
      (set, get) => ({
        ...createResponsesSlice(set, get, now),
        ...createNetworkSlice(set, get, now),
        ...createActionsSlice(set, get, now),
        language: 'nb',
        setLanguage: (language) => set({ language }),
        customQuestionnaires: [],
        addCustomQuestionnaire: (q) =>
          set({
            customQuestionnaires: [
              ...get().customQuestionnaires.filter(
                (c) => !(c.id === q.id && c.version === q.version),
              ),
              q,
            ],
          }),
        removeCustomQuestionnaire: (id, version) =>
          set({
            customQuestionnaires: get().customQuestionnaires.filter(
              (c) => !(c.id === id && c.version === version),
            ),
          }),
        storageStatus: 'ok',
        recovery: null,
        setStorageStatus: (storageStatus) => set({ storageStatus }),
        dismissRecovery: () => set({ recovery: null }),
      }),
      {
        name: STORE_KEY,
        version: STORE_VERSION,
        storage,
        partialize: (s): PersistedState => ({
          responses: s.responses,
          activeResponseId: s.activeResponseId,
          lastAreaByResponse: s.lastAreaByResponse,
          deletedResponses: s.deletedResponses,
          language: s.language,
          networkView: s.networkView,
          actions: s.actions,
          agreements: s.agreements,
          customQuestionnaires: s.customQuestionnaires,
        }),
        migrate(persisted, version) {
          try {
            return migrateState(persisted, version) as unknown as PersistedState;
          } catch (error) {
            backup(JSON.stringify({ state: persisted, version }));
            recovery = error instanceof MigrationError ? error.code : 'migrationFailed';
            return initialPersisted();
          }
        },
        merge(persisted, current) {
          // Nothing saved yet (a first visit): zustand still calls merge, with undefined.
          if (persisted === undefined) return current;
          const { state, rejected } = validatePersisted(persisted);
          if (rejected > 0 && recovery === null) {
            backup(JSON.stringify({ state: persisted, version: STORE_VERSION }));
            recovery = 'invalidEntries';
          }
          return { ...current, ...state };
        },
      },
    ),
  );
  // Local storage hydrates synchronously, so any problem is known by now.
  if (recovery !== null) store.setState({ recovery });
  return store;
}
