import {
  compareGatherings,
  gatheringOfRecord,
  sameGathering,
  type GatheringId,
} from '../core/gatherings';
import type {
  Action,
  ActionFollowUp,
  ActionStatus,
  GatheringRound,
  Municipality,
} from '../core/types';

/**
 * Actions: measures a municipality commits to, tied to an area, followed up at each gathering.
 * Every helper is pure and returns a new object; the input is never changed.
 *
 * The schema is `actionSchema` in core/schemas.ts, beside the other records that travel in the
 * results file; `checkAction` (check-action.ts, apart so that zod stays off the first screen)
 * applies it so a form can show problems before saving.
 */

/** What a form gives to create an action. Texts are trimmed; empty optional texts are dropped. */
export interface ActionInput {
  municipality: Municipality;
  areaId: string;
  statementId?: string | undefined;
  title: string;
  description?: string | undefined;
  owner?: string | undefined;
  /** ISO date, YYYY-MM-DD. */
  dueDate?: string | undefined;
  /** The gathering at which the action is agreed: its round and period (absent: the year now). */
  round: GatheringRound;
  period?: string | undefined;
  /** Defaults to 'planned'. */
  status?: ActionStatus | undefined;
  demo?: boolean | undefined;
}

/** Statuses that still need work and follow-up. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['planned', 'inProgress'];

/**
 * A new action. `now` is an ISO timestamp (createdAt and updatedAt); `id` is made by the caller
 * so that this stays pure. Run checkAction on the result before saving it.
 */
export function createAction(input: ActionInput, now: string, id: string): Action {
  const action: Action = {
    id,
    municipality: { number: input.municipality.number, name: input.municipality.name },
    areaId: input.areaId,
    title: input.title.trim(),
    description: (input.description ?? '').trim(),
    owner: (input.owner ?? '').trim(),
    status: input.status ?? 'planned',
    round: input.round,
    ...(input.period === undefined ? {} : { period: input.period }),
    followUps: [],
    createdAt: now,
    updatedAt: now,
  };
  const statementId = input.statementId?.trim();
  if (statementId) action.statementId = statementId;
  const dueDate = input.dueDate?.trim();
  if (dueDate) action.dueDate = dueDate;
  if (input.demo !== undefined) action.demo = input.demo;
  return action;
}

/** The action with a new status. The same object when the status does not change. */
export function updateActionStatus(action: Action, status: ActionStatus, now: string): Action {
  if (action.status === status) return action;
  return { ...action, status, updatedAt: now };
}

/** The gathering at which the action was agreed (../core/gatherings.ts). */
export function actionGathering(
  action: Pick<Action, 'period' | 'round' | 'createdAt'>,
): GatheringId {
  return gatheringOfRecord(action, action.createdAt);
}

/** The gathering a follow-up was made at. */
export function followUpGathering(
  f: Pick<ActionFollowUp, 'period' | 'round' | 'date'>,
): GatheringId {
  return gatheringOfRecord(f, f.date);
}

/**
 * The action with a follow-up recorded. There is at most one follow-up per gathering (period and
 * round): a second one for the same gathering replaces the first. Follow-ups are kept in
 * gathering order. The action takes the follow-up's status unless a later gathering already has
 * a follow-up.
 */
export function addFollowUp(action: Action, followUp: ActionFollowUp, now: string): Action {
  const entry: ActionFollowUp = { ...followUp, note: followUp.note.trim() };
  const at = followUpGathering(entry);
  const followUps = [
    ...action.followUps.filter((f) => !sameGathering(followUpGathering(f), at)),
    entry,
  ].sort((a, b) => compareGatherings(followUpGathering(a), followUpGathering(b)));
  const latest = followUps.at(-1) === entry;
  return {
    ...action,
    followUps,
    status: latest ? entry.status : action.status,
    updatedAt: now,
  };
}

export function isOpen(action: Pick<Action, 'status'>): boolean {
  return OPEN_STATUSES.includes(action.status);
}

/** Actions tied to one area, in the given order. */
export function actionsForArea<A extends Pick<Action, 'areaId'>>(
  actions: readonly A[],
  areaId: string,
): A[] {
  return actions.filter((a) => a.areaId === areaId);
}

/** The follow-up made at a gathering, if any. */
export function followUpAt(action: Action, gathering: GatheringId): ActionFollowUp | undefined {
  return action.followUps.find((f) => sameGathering(followUpGathering(f), gathering));
}

/**
 * True when the action should be followed up at `current`: it is still open, it was agreed at
 * an earlier gathering (an earlier round of the period, or an earlier period), and it has no
 * follow-up at this gathering yet. An open action is followed up at every gathering after the
 * one where it was agreed, into the next period too.
 */
export function needsFollowUp(action: Action, current: GatheringId): boolean {
  return (
    isOpen(action) &&
    compareGatherings(current, actionGathering(action)) > 0 &&
    followUpAt(action, current) === undefined
  );
}
