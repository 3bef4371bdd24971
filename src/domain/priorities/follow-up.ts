import { compareText } from '../core/records';
import { compareGatherings, sameGathering, type GatheringId } from '../core/gatherings';
import type { Action, ActionFollowUp, ActionStatus } from '../core/types';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import { actionGathering, followUpGathering, needsFollowUp } from './actions';
import { visibleAction, type FreeTextView, type VisibleAction } from './comments';
import { direction, type Direction } from './trends';

/**
 * Follow-up across gatherings: at gathering N, every action agreed at an earlier gathering, with
 * its history of status and notes up to N, its status at N, whether it still waits for its
 * follow-up at N (needsFollowUp), and how its area's score has moved since it was agreed.
 */

export interface FollowUpRow {
  /** The action, its texts as freeTextVisibility allows. */
  action: VisibleAction;
  /** Follow-ups made up to and including the chosen gathering, in round order. */
  history: ActionFollowUp[];
  /** Status at the chosen gathering (statusAt). */
  status: ActionStatus;
  /** Open and agreed earlier, with no follow-up at the chosen gathering: it stands out. */
  notFollowedUp: boolean;
  /** The area's score when the action was agreed, and at the chosen gathering. */
  scoreThen: number | null;
  scoreNow: number | null;
  /** scoreNow − scoreThen, or null; and its direction (FLAT_DELTA counts as flat). */
  change: number | null;
  direction: Direction | null;
}

/**
 * The action's status at a gathering: that of its latest follow-up at or before it (strictly
 * before it, with `before`). Without one, its own status when no later follow-up has changed it
 * since, otherwise "planned", the status an action starts with.
 */
export function statusAt(action: Action, gathering: GatheringId, before = false): ActionStatus {
  const upTo = action.followUps.filter((f) => {
    const order = compareGatherings(followUpGathering(f), gathering);
    return before ? order < 0 : order <= 0;
  });
  const last = upTo.at(-1);
  if (last !== undefined) return last.status;
  return action.followUps.length === 0 ? action.status : 'planned';
}

function areaScore(
  all: readonly MunicipalityAggregate[],
  number: string,
  gathering: GatheringId,
  areaId: string,
): number | null {
  const agg = all.find((a) => a.municipality.number === number && sameGathering(a, gathering));
  return agg?.areas.find((x) => x.areaId === areaId)?.mean ?? null;
}

/**
 * One row per action agreed before `gathering` (optionally of one municipality): those not followed
 * up first, then by kommunenummer, the gathering agreed, and id.
 */
export function followUpRows(
  actions: readonly Action[],
  gathering: GatheringId,
  all: readonly MunicipalityAggregate[],
  view: FreeTextView,
  municipality?: string,
): FollowUpRow[] {
  const rows = actions
    .filter(
      (a) =>
        compareGatherings(actionGathering(a), gathering) < 0 &&
        (municipality === undefined || a.municipality.number === municipality),
    )
    .map((a): FollowUpRow => {
      const shown = visibleAction(a, view);
      const agreedAt = actionGathering(a);
      const scoreThen = areaScore(all, a.municipality.number, agreedAt, a.areaId);
      const scoreNow = areaScore(all, a.municipality.number, gathering, a.areaId);
      const change = scoreThen === null || scoreNow === null ? null : scoreNow - scoreThen;
      return {
        action: shown,
        history: shown.action.followUps.filter(
          (f) => compareGatherings(followUpGathering(f), gathering) <= 0,
        ),
        status: statusAt(a, gathering),
        notFollowedUp: needsFollowUp({ ...a, status: statusAt(a, gathering, true) }, gathering),
        scoreThen,
        scoreNow,
        change,
        direction: change === null ? null : direction(change),
      };
    });
  rows.sort(
    (a, b) =>
      Number(b.notFollowedUp) - Number(a.notFollowedUp) ||
      compareText(a.action.action.municipality.number, b.action.action.municipality.number) ||
      compareGatherings(actionGathering(a.action.action), actionGathering(b.action.action)) ||
      compareText(a.action.action.id, b.action.action.id),
  );
  return rows;
}
