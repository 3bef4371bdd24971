import { compareEdits, compareText } from '../core/records';
import { fnv1a } from '../core/hash';
import {
  ROLES,
  type GatheringRound,
  type Municipality,
  type Response,
  type Role,
} from '../core/types';
import type { Questionnaire } from '../questionnaire/schema';
import {
  compareGatherings,
  gatheringKey,
  gatheringOf,
  sameResponseGathering,
} from '../core/gatherings';

/**
 * Which responses count, the rule in one place: one copy per response id (the newer edit wins,
 * compareEdits), then one response per respondent in each municipality and gathering (the
 * newest), and only those the questionnaire can score. Aggregation (aggregate.ts) counts what
 * countedGroups returns; the import's notice lists what setAsideResponses finds.
 */

/**
 * One copy per response id: a response that arrives twice (say, in two files) counts once, and
 * the newer edit wins, by the same rule as import (compareEdits).
 */
export function uniqueResponses(responses: readonly Response[]): Response[] {
  return uniqueById(responses, () => true);
}

/**
 * One copy per response id among the responses `include` picks, the newer edit winning
 * (compareEdits), in the order each id first occurs.
 *
 * An open-addressing table of FNV-1a hashes in one Int32Array, not a Map keyed by id: a Map
 * compares a new key with the id strings held in its chain, and at national scale (28,560
 * responses, spread over a large heap) each of those is a miss in the CPU cache; it also
 * allocates its table on the JavaScript heap, call after call (measured at 357 municipalities,
 * this pass and the grouping after it took 10–15 % less time). Here a hash is compared first
 * and the ids only when the hashes are equal: ids that share a hash cost time, never a wrong
 * answer.
 */
function uniqueById(responses: readonly Response[], include: (r: Response) => boolean): Response[] {
  const out: Response[] = [];
  let size = 16;
  while (size < 2 * responses.length) size *= 2;
  const mask = size - 1;
  // Per slot: 1 + the place in `out` (0 for an empty slot), then the id's hash.
  const table = new Int32Array(2 * size);
  for (const r of responses) {
    if (!include(r)) continue;
    const hash = fnv1a(r.id) | 0;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const held = table[2 * slot]!;
      if (held === 0) {
        out.push(r);
        table[2 * slot] = out.length;
        table[2 * slot + 1] = hash;
        break;
      }
      if (table[2 * slot + 1] === hash && out[held - 1]!.id === r.id) {
        if (compareEdits(r, out[held - 1]!) > 0) out[held - 1] = r;
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One response per respondent and gathering

/** What "the same gathering" means: the same period and round, decided in ../core/gatherings.ts. */
export { gatheringKey };

/**
 * The gathering just before `current` among `present` (anything that names a gathering: responses,
 * or `{ gathering }` objects), or null when `current` is the first. "Previous" means the latest of
 * those that compareGatherings puts before `current`: a gathering the data does not hold is skipped.
 */
export function previousGathering<T extends Pick<Response, 'gathering'>>(
  present: readonly T[],
  current: Pick<Response, 'gathering'>,
): T | null {
  const at = gatheringOf(current);
  let best: T | null = null;
  for (const item of present) {
    const g = gatheringOf(item);
    if (compareGatherings(g, at) >= 0) continue;
    if (best === null || compareGatherings(g, gatheringOf(best)) > 0) best = item;
  }
  return best;
}

/** The responses that count in one municipality and gathering: one per respondent id. */
export interface CountedGroup {
  responses: Response[];
  /**
   * Place in `responses` by respondent id, built only once the group is too large to search: a
   * delegation is a handful of people, and a Map for every group made the cached aggregation of
   * the whole country (28,560 responses) about 40 % slower in Node, where a search through the
   * short list costs about 30 %.
   */
  index: Map<string, number> | null;
}

/** Groups by kommunenummer, then gatheringKey. */
export type CountedGroups = Map<string, Map<string, CountedGroup>>;

/** Largest group searched one by one, as in `ascending`. */
const LINEAR_SEARCH_MAX = 32;

function placeOf(group: CountedGroup, respondentId: string): number {
  if (group.index !== null) return group.index.get(respondentId) ?? -1;
  const list = group.responses;
  for (let k = 0; k < list.length; k += 1) if (list[k]!.respondent.id === respondentId) return k;
  return -1;
}

function addTo(group: CountedGroup, r: Response): void {
  const list = group.responses;
  list.push(r);
  if (group.index !== null) group.index.set(r.respondent.id, list.length - 1);
  else if (list.length > LINEAR_SEARCH_MAX)
    group.index = new Map(list.map((x, k) => [x.respondent.id, k]));
}

/**
 * The rule, in one place: the responses that count, grouped by municipality (kommunenummer) and
 * gathering (gatheringKey). First one copy per response id (uniqueResponses), then one response
 * per respondent id in each municipality and gathering: the newest, by the same newer-edit rule
 * (compareEdits), so one person's copies never outvote the rest of the delegation. `include`
 * picks the responses to consider; `onSetAside` hears of each response passed over because the
 * same respondent has a newer one (compareEdits is a total order, so the newest wins whatever
 * the order, and every other response of the respondent is passed over exactly once).
 */
export function countedGroups(
  responses: readonly Response[],
  include: (r: Response) => boolean,
  onSetAside?: (r: Response) => void,
): CountedGroups {
  // Nested maps: no key text to build per municipality. Responses come in runs of one
  // municipality and gathering (a file at a time), so the group of the previous response is
  // tried first, without a lookup or a gathering key.
  const groups: CountedGroups = new Map();
  let lastGroup: CountedGroup | null = null;
  let lastNumber = '';
  let lastGathering: Response['gathering'] | null = null;
  for (const r of uniqueById(responses, include)) {
    let group: CountedGroup;
    if (
      lastGroup !== null &&
      r.municipality.number === lastNumber &&
      sameResponseGathering(r.gathering, lastGathering!)
    )
      group = lastGroup;
    else {
      let byGathering = groups.get(r.municipality.number);
      if (byGathering === undefined)
        groups.set(r.municipality.number, (byGathering = new Map<string, CountedGroup>()));
      const gathering = gatheringKey(r);
      let found = byGathering.get(gathering);
      if (found === undefined) byGathering.set(gathering, (found = { responses: [], index: null }));
      group = found;
      lastGroup = group;
      lastNumber = r.municipality.number;
      lastGathering = r.gathering;
    }
    const at = placeOf(group, r.respondent.id);
    if (at < 0) addTo(group, r);
    else {
      const held = group.responses[at]!;
      if (compareEdits(r, held) > 0) {
        group.responses[at] = r;
        onSetAside?.(held);
      } else onSetAside?.(r);
    }
  }
  return groups;
}

/**
 * The responses that count: one copy per response id, then one response per respondent in each
 * municipality, gathering and questionnaire (id, any version), the newest. What aggregation
 * counts (aggregateResponses applies the same rule), for views that show the responses
 * themselves, such as a delegation's spread of answers.
 */
export function countedResponses(responses: readonly Response[]): Response[] {
  const out: Response[] = [];
  for (const list of byQuestionnaireId(responses).values()) {
    for (const byGathering of countedGroups(list, () => true).values())
      for (const group of byGathering.values()) out.push(...group.responses);
  }
  return out;
}

/** One respondent's responses at one gathering, when there is more than one. */
export interface SetAside {
  /** The response that counts: the newest (compareEdits). */
  kept: Response;
  /** The older ones, left out of every aggregate. */
  setAside: Response[];
}

/**
 * Responses that aggregation leaves out because the same respondent (respondent id) has a newer
 * response at the same gathering of the same municipality, for the same questionnaire id (any
 * version: the network view lines versions up before it aggregates). Sorted by kommunenummer,
 * gathering, then respondent id. The single source for what the import tells the user.
 */
export function setAsideResponses(responses: readonly Response[]): SetAside[] {
  const out: SetAside[] = [];
  const ids = [...byQuestionnaireId(responses).entries()].sort(([a], [b]) => compareText(a, b));
  for (const [, list] of ids) {
    const passedOver: Response[] = [];
    const groups = countedGroups(
      list,
      () => true,
      (r) => passedOver.push(r),
    );
    const byKept = new Map<Response, Response[]>();
    for (const r of passedOver) {
      const group = groups.get(r.municipality.number)!.get(gatheringKey(r))!;
      const kept = group.responses[placeOf(group, r.respondent.id)]!;
      const list = byKept.get(kept);
      if (list === undefined) byKept.set(kept, [r]);
      else list.push(r);
    }
    const found = [...byKept].map(([kept, setAside]) => ({ kept, setAside }));
    found.sort(
      (a, b) =>
        compareText(a.kept.municipality.number, b.kept.municipality.number) ||
        compareGatherings(gatheringOf(a.kept), gatheringOf(b.kept)) ||
        compareText(a.kept.respondent.id, b.kept.respondent.id),
    );
    out.push(...found);
  }
  return out;
}

/** Who had responses set aside, for the import's notice: no names, initials or ids of people. */
export interface SetAsideSummary {
  municipality: Municipality;
  /** The gathering's period (../core/gatherings.ts) and round. */
  period: string;
  round: GatheringRound;
  /** The role of the response that counts. */
  role: Role;
  /** Respondents with responses set aside. */
  respondents: number;
  /** Responses set aside. */
  responses: number;
}

/** One respondent at one gathering of one municipality, for one questionnaire id. */
function respondentSlot(r: Response): string {
  return JSON.stringify([
    r.questionnaire.id,
    r.municipality.number,
    gatheringKey(r),
    r.respondent.id,
  ]);
}

/**
 * What setAsideResponses found, summed per municipality, gathering and role; with `among`, only
 * for the respondents that those responses belong to (say, one file's). Sorted by kommunenummer,
 * gathering, then role (in ROLES order).
 */
export function summariseSetAside(
  setAside: readonly SetAside[],
  among?: readonly Response[],
): SetAsideSummary[] {
  const slots = among === undefined ? null : new Set(among.map(respondentSlot));
  const out = new Map<string, SetAsideSummary>();
  for (const { kept, setAside: passedOver } of setAside) {
    if (slots !== null && !slots.has(respondentSlot(kept))) continue;
    const key = JSON.stringify([
      kept.municipality.number,
      gatheringKey(kept),
      kept.respondent.role,
    ]);
    const held = out.get(key);
    if (held === undefined)
      out.set(key, {
        municipality: { number: kept.municipality.number, name: kept.municipality.name },
        ...gatheringOf(kept),
        role: kept.respondent.role,
        respondents: 1,
        responses: passedOver.length,
      });
    else {
      held.respondents += 1;
      held.responses += passedOver.length;
    }
  }
  return [...out.values()].sort(
    (a, b) =>
      compareText(a.municipality.number, b.municipality.number) ||
      compareGatherings(a, b) ||
      ROLES.indexOf(a.role) - ROLES.indexOf(b.role),
  );
}

function byQuestionnaireId(responses: readonly Response[]): Map<string, Response[]> {
  const out = new Map<string, Response[]>();
  for (const r of responses) {
    const list = out.get(r.questionnaire.id);
    if (list === undefined) out.set(r.questionnaire.id, [r]);
    else list.push(r);
  }
  return out;
}

/** Whether q can score r: same questionnaire id and same version. */
export function canScore(q: Questionnaire, r: Response): boolean {
  return r.questionnaire.id === q.id && r.questionnaire.version === q.version;
}

/** Responses this questionnaire can score: same id and same version. */
export function responsesFor(q: Questionnaire, responses: readonly Response[]): Response[] {
  return responses.filter((r) => canScore(q, r));
}
