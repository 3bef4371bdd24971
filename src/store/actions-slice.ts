import type { StoreApi } from 'zustand/vanilla';
import {
  addFollowUp,
  createAction,
  updateActionStatus,
  type ActionInput,
} from '../domain/priorities/actions';
import type {
  Action,
  ActionFollowUp,
  ActionStatus,
  AgreedResponse,
  AnswerValue,
  GatheringRound,
  Municipality,
  QuestionnaireRef,
} from '../domain/core/types';
import {
  clearAgreedAnswer,
  createAgreedResponse,
  setAgreedAnswer,
} from '../domain/priorities/consensus';
import { compareEdits } from '../domain/core/records';
import { newId } from '../lib/id';

/** Actions made on this device: the municipality's own plan. Persisted with the responses. */
export interface ActionsSlice {
  actions: Record<string, Action>;
  addAction: (input: ActionInput) => Action;
  setActionStatus: (id: string, status: ActionStatus) => void;
  followUpAction: (id: string, followUp: ActionFollowUp) => void;
  deleteAction: (id: string) => void;
  /** Agreed (consensus) answers made on this device, per municipality and gathering. */
  agreements: Record<string, AgreedResponse>;
  /**
   * Records the delegation's agreed level for a statement (null clears it). Starts from
   * `base` (an imported agreed response) when this device has none for that municipality yet.
   */
  setAgreed: (
    target: { municipality: Municipality; round: GatheringRound; questionnaire: QuestionnaireRef },
    statementId: string,
    level: AnswerValue | null,
    rationale: string,
    base?: AgreedResponse,
  ) => void;
  /** Takes an imported action into this device's plan, so it can be followed up here. */
  adoptAction: (action: Action) => void;
}

type Set = StoreApi<ActionsSlice>['setState'];
type Get = StoreApi<ActionsSlice>['getState'];

/** One agreed response per municipality and gathering, so two devices converge on one. */
export function agreementId(number: string, round: GatheringRound): string {
  return `agreed-${number}-r${round}`;
}

export function createActionsSlice(set: Set, get: Get, now: () => string): ActionsSlice {
  const update = (id: string, change: (a: Action) => Action) => {
    const current = get().actions[id];
    if (!current) return;
    const next = change(current);
    if (next !== current) set({ actions: { ...get().actions, [id]: next } });
  };
  return {
    agreements: {},
    setAgreed(target, statementId, level, rationale, base) {
      const id = agreementId(target.municipality.number, target.round);
      const stamp = now();
      const current =
        get().agreements[id] ?? base ?? createAgreedResponse({ id, ...target, now: stamp });
      const next =
        level === null
          ? clearAgreedAnswer(current, statementId, stamp)
          : setAgreedAnswer(current, statementId, level, rationale, stamp);
      set({ agreements: { ...get().agreements, [id]: next } });
    },
    actions: {},
    addAction(input) {
      const action = createAction(input, now(), newId());
      set({ actions: { ...get().actions, [action.id]: action } });
      return action;
    },
    setActionStatus: (id, status) => update(id, (a) => updateActionStatus(a, status, now())),
    followUpAction: (id, followUp) => update(id, (a) => addFollowUp(a, followUp, now())),
    adoptAction(action) {
      const held = get().actions[action.id];
      // The import rule: the held copy stays unless the imported one is a newer edit.
      if (held && compareEdits(held, action) >= 0) return;
      set({ actions: { ...get().actions, [action.id]: action } });
    },
    deleteAction(id) {
      const { [id]: _gone, ...rest } = get().actions;
      set({ actions: rest });
    },
  };
}
