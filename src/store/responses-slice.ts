import { periodOf } from '../domain/core/gatherings';
import type {
  AnswerValue,
  Gathering,
  Level,
  Municipality,
  Response,
  Role,
} from '../domain/core/types';
import { newId } from '../lib/id';
import { mergeFromOtherTab, readOtherTab } from './cross-tab-sync';
import type { SliceCreator } from './slice';

export interface NewResponseInput {
  municipality: Municipality;
  role: Role;
  gathering: Gathering;
  initials?: string;
  questionnaire: { id: string; version: number };
}

/** The responses answered on this device. Persisted (localStorage). */
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

export const createResponsesSlice: SliceCreator<ResponsesSlice> = (set, get, now) => {
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
        // The period written out, so the response keeps it wherever it goes.
        gathering: {
          period: periodOf(input.gathering),
          round: input.gathering.round,
          date: input.gathering.date,
        },
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
      readOtherTab(raw, (theirs) => {
        const merged = mergeFromOtherTab(get(), theirs);
        if (merged === null) return;
        const activeResponseId = get().activeResponseId;
        set({
          ...merged,
          activeResponseId:
            activeResponseId !== null && Object.hasOwn(merged.responses, activeResponseId)
              ? activeResponseId
              : null,
        });
      });
    },
  };
};
