import { compareText } from '../core/records';
import type { Action, ActionFollowUp, ActionStatus, GatheringRound } from '../core/types';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import { needsFollowUp } from './actions';
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
 * The action's status at a gathering: that of its latest follow-up at or before it. Without
 * one, its own status when no later follow-up has changed it since, otherwise "planned", the
 * status an action starts with.
 */
export function statusAt(action: Action, round: GatheringRound): ActionStatus {
  const upTo = action.followUps.filter((f) => f.round <= round);
  const last = upTo.at(-1);
  if (last !== undefined) return last.status;
  return action.followUps.length === 0 ? action.status : 'planned';
}

function areaScore(
  all: readonly MunicipalityAggregate[],
  number: string,
  round: GatheringRound,
  areaId: string,
): number | null {
  const agg = all.find((a) => a.municipality.number === number && a.round === round);
  return agg?.areas.find((x) => x.areaId === areaId)?.mean ?? null;
}

/**
 * One row per action agreed before `round` (optionally of one municipality): those not followed
 * up first, then by kommunenummer, the gathering agreed, and id.
 */
export function followUpRows(
  actions: readonly Action[],
  round: GatheringRound,
  all: readonly MunicipalityAggregate[],
  view: FreeTextView,
  municipality?: string,
): FollowUpRow[] {
  const rows = actions
    .filter(
      (a) =>
        a.round < round && (municipality === undefined || a.municipality.number === municipality),
    )
    .map((a): FollowUpRow => {
      const shown = visibleAction(a, view);
      const scoreThen = areaScore(all, a.municipality.number, a.round, a.areaId);
      const scoreNow = areaScore(all, a.municipality.number, round, a.areaId);
      const change = scoreThen === null || scoreNow === null ? null : scoreNow - scoreThen;
      return {
        action: shown,
        history: shown.action.followUps.filter((f) => f.round <= round),
        status: statusAt(a, round),
        notFollowedUp: needsFollowUp(
          { ...a, status: statusAt(a, (round - 1) as GatheringRound) },
          round,
        ),
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
      a.action.action.round - b.action.action.round ||
      compareText(a.action.action.id, b.action.action.id),
  );
  return rows;
}
