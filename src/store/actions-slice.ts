import {
  addFollowUp,
  createAction,
  updateActionStatus,
  type ActionInput,
} from '../domain/priorities/actions';
import type { Action, ActionFollowUp, ActionStatus } from '../domain/core/types';
import { compareEdits } from '../domain/core/records';
import { newId } from '../lib/id';
import type { SliceCreator } from './slice';

/** Actions made on this device: the municipality's own plan. Persisted with the responses. */
export interface ActionsSlice {
  actions: Record<string, Action>;
  addAction: (input: ActionInput) => Action;
  setActionStatus: (id: string, status: ActionStatus) => void;
  followUpAction: (id: string, followUp: ActionFollowUp) => void;
  deleteAction: (id: string) => void;
  /** Takes an imported action into this device's plan, so it can be followed up here. */
  adoptAction: (action: Action) => void;
}

export const createActionsSlice: SliceCreator<ActionsSlice> = (set, get, now) => {
  const update = (id: string, change: (a: Action) => Action) => {
    const current = get().actions[id];
    if (!current) return;
    const next = change(current);
    if (next !== current) set({ actions: { ...get().actions, [id]: next } });
  };
  return {
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
};
