import { compareEdits } from '../files/import';
import { findNetworkMunicipality } from '../network';
import type { Questionnaire } from '../questionnaire/schema';
import { statementsForRole } from '../questionnaire/model';
import type { Statement } from '../questionnaire/schema';
import { levelToScore, scoreArea, type AreaScore } from '../scoring/scoring';
import {
  ROLES,
  isLevel,
  type Answer,
  type GatheringRound,
  type Municipality,
  type Response,
  type Role,
} from '../types';

/**
 * Aggregation of many respondents per municipality and gathering. Pure. Each response is scored
 * as scoreResponse scores it (see areaScorer).
 *
 * Statistics, and why:
 * - Each respondent counts once per municipality and gathering, with their newest response
 *   (countedGroups): 5,000 copies of one delegate's response are one respondent, not 5,000.
 * - An area's mean is the mean of the respondents' area scores (0–100). A respondent without a
 *   score for the area (nothing answered with a level) is left out of that area, not counted as 0.
 * - `overall` is the mean of the area means that exist, so every area weighs the same,
 *   as in a single response's overall score.
 * - `sd` is the SAMPLE standard deviation (divide by n − 1): the respondents are a sample of the
 *   municipality's politicians, staff and business. It is null when n < 2.
 * - Respondents disagree strongly when sd ≥ DISAGREEMENT_SD (25 points, one level on the 1–5
 *   scale) and n ≥ DISAGREEMENT_MIN_N (3): with two people, one difference is not a pattern.
 * - Numbers are summed in sorted order, so the result is bit-for-bit the same whatever order the
 *   responses (or the files they came in) arrive in.
 */

/** Standard deviation (points) at or above which respondents are flagged as disagreeing. */
export const DISAGREEMENT_SD = 25;
/** Fewest respondents with a score before disagreement is flagged. */
export const DISAGREEMENT_MIN_N = 3;

export interface RoleMean {
  mean: number | null;
  n: number;
}

export interface AreaAggregate {
  areaId: string;
  /** Mean of the respondents' area scores (0–100); null when nobody has a score. */
  mean: number | null;
  /** Respondents with a score for the area. */
  n: number;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
  /** sd ≥ DISAGREEMENT_SD with n ≥ DISAGREEMENT_MIN_N. */
  disagreement: boolean;
  byRole: Record<Role, RoleMean>;
  /** Mean importance (1–5) over the respondents who rated it; null when nobody did. */
  importance: number | null;
  /** Mean of the respondents' coverage for the area (0–1), those without one left out. */
  coverage: number | null;
}

export interface MunicipalityAggregate {
  municipality: Municipality;
  round: GatheringRound;
  respondents: number;
  respondentsByRole: Record<Role, number>;
  /** Mean of the area means that exist; null when no area has one. */
  overall: number | null;
  /** In questionnaire order. */
  areas: AreaAggregate[];
  /** Every response is made-up demo data. */
  demo: boolean;
}

/**
 * Values in ascending order, so sums do not depend on input order. Insertion sort for the short
 * lists aggregation deals in (a few respondents per municipality): much faster there than
 * Array.prototype.sort with a comparator.
 */
function ascending(values: readonly number[]): number[] {
  const out = values.slice();
  if (out.length > 32) return out.sort((a, b) => a - b);
  for (let i = 1; i < out.length; i += 1) {
    const v = out[i]!;
    let j = i - 1;
    while (j >= 0 && out[j]! > v) {
      out[j + 1] = out[j]!;
      j -= 1;
    }
    out[j + 1] = v;
  }
  return out;
}

export interface Summary {
  n: number;
  mean: number | null;
  /** Sample standard deviation (n − 1); null when n < 2. */
  sd: number | null;
  min: number | null;
  max: number | null;
}

/** Mean, sample sd, min and max, from one sort of the values. */
export function summarise(values: readonly number[]): Summary {
  const n = values.length;
  if (n === 0) return { n, mean: null, sd: null, min: null, max: null };
  const s = ascending(values);
  let sum = 0;
  for (const v of s) sum += v;
  const m = sum / n;
  let squares = 0;
  for (const v of s) squares += (v - m) ** 2;
  return {
    n,
    mean: m,
    sd: n < 2 ? null : Math.sqrt(squares / (n - 1)),
    min: s[0]!,
    max: s[n - 1]!,
  };
}

/** Mean of values; null for none. Sums in ascending order. */
export function mean(values: readonly number[]): number | null {
  return summarise(values).mean;
}

/** Sample standard deviation (n − 1); null when there are fewer than two values. */
export function sampleSd(values: readonly number[]): number | null {
  return summarise(values).sd;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The name to show for a group's municipality: the network's own spelling when it is a member,
 * otherwise the most common name in the responses (ties: the first in sort order).
 */
function municipalityName(group: readonly Response[]): string {
  const number = group[0]!.municipality.number;
  const member = findNetworkMunicipality(number);
  if (member) return member.name;
  const name = group[0]!.municipality.name;
  if (group.every((r) => r.municipality.name === name)) return name; // the usual case
  const counts = new Map<string, number>();
  for (const r of group)
    counts.set(r.municipality.name, (counts.get(r.municipality.name) ?? 0) + 1);
  const ranked = [...counts].sort(([a, ca], [b, cb]) => cb - ca || compareText(a, b));
  return ranked[0]?.[0] ?? number;
}

/**
 * One copy per response id: a response that arrives twice (say, in two files) counts once, and
 * the newer edit wins, by the same rule as import (compareEdits).
 */
export function uniqueResponses(responses: readonly Response[]): Response[] {
  const byId = new Map<string, Response>();
  for (const r of responses) keepNewer(byId, r);
  return [...byId.values()];
}

/** Puts r in byId unless a newer edit of the same response is there already. */
function keepNewer(byId: Map<string, Response>, r: Response): void {
  const held = byId.get(r.id);
  if (held === undefined || compareEdits(r, held) > 0) byId.set(r.id, r);
}

// ---------------------------------------------------------------------------------------------
// One response per respondent and gathering

/**
 * What "the same gathering" means: today the round (1–4). The one place that decides it, so
 * that a gathering can become a period and a round without a hunt through the code.
 */
export function gatheringKey(response: Pick<Response, 'gathering'>): string {
  return String(response.gathering.round);
}

/** The responses that count in one municipality and gathering: one per respondent id. */
interface CountedGroup {
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
type CountedGroups = Map<string, Map<string, CountedGroup>>;

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
function countedGroups(
  responses: readonly Response[],
  include: (r: Response) => boolean,
  onSetAside?: (r: Response) => void,
): CountedGroups {
  const byId = new Map<string, Response>();
  for (const r of responses) if (include(r)) keepNewer(byId, r);
  // Nested maps: no key text to build per response.
  const groups: CountedGroups = new Map();
  for (const r of byId.values()) {
    let byGathering = groups.get(r.municipality.number);
    if (byGathering === undefined)
      groups.set(r.municipality.number, (byGathering = new Map<string, CountedGroup>()));
    const gathering = gatheringKey(r);
    let group = byGathering.get(gathering);
    if (group === undefined) byGathering.set(gathering, (group = { responses: [], index: null }));
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
        compareText(gatheringKey(a.kept), gatheringKey(b.kept)) ||
        compareText(a.kept.respondent.id, b.kept.respondent.id),
    );
    out.push(...found);
  }
  return out;
}

/** Who had responses set aside, for the import's notice: no names, initials or ids of people. */
export interface SetAsideSummary {
  municipality: Municipality;
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
        round: kept.gathering.round,
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
      a.round - b.round ||
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
function scores(q: Questionnaire, r: Response): boolean {
  return r.questionnaire.id === q.id && r.questionnaire.version === q.version;
}

/** Responses this questionnaire can score: same id and same version. */
export function responsesFor(q: Questionnaire, responses: readonly Response[]): Response[] {
  return responses.filter((r) => scores(q, r));
}

// ---------------------------------------------------------------------------------------------
// Speed. At national scale (357 municipalities × 20 respondents × 4 gatherings = 28,560
// responses, each scored in 9 areas) aggregation has a budget of 200 ms, and an earlier version
// that built an AreaScore object and a handful of arrays per response and area spent about half
// its time collecting garbage. So:
// - what aggregation needs to know about a questionnaire (each role's statement ids, area by
//   area) is worked out once per questionnaire object (planFor);
// - a response is reduced to four numbers per area (tally), cached per response object, so
//   aggregating the same responses again (another import, another screen) skips their answers;
// - a group's aggregate (one municipality and round) is cached by the exact response objects it
//   came from, so aggregating again after one more file recomputes only the groups that changed;
//   the import fills both caches file by file (prepareAggregation), which also leaves the code
//   warm: in Chromium the first aggregation of the whole country, in cold code, took about four
//   times as long as the next;
// - one municipality's numbers are sorted and summed in reusable typed arrays (Scratch), and
//   per-role figures live in arrays indexed by ROLE_SLOT rather than in records keyed by role.
// A test holds the result equal, bit for bit, to a straightforward implementation.

/** Each role's place in per-role arrays. */
const ROLE_SLOT = {
  politician: 0,
  administration: 1,
  business: 2,
  other: 3,
} as const satisfies Record<Role, number>;
const ROLE_COUNT = ROLES.length;

/** ROLE_SLOT[role], or ROLE_COUNT for a role outside ROLES (asked nothing, as scoreResponse). */
function roleSlot(role: string): number {
  return Object.hasOwn(ROLE_SLOT, role) ? ROLE_SLOT[role as Role] : ROLE_COUNT;
}

/** A record by role, make(slot) for each role, keys in ROLES order. */
function byRoleSlot<T>(make: (slot: number) => T): Record<Role, T> {
  // An object literal, not a loop over ROLES: every record then has the same shape, built
  // without an intermediate array.
  return {
    politician: make(ROLE_SLOT.politician),
    administration: make(ROLE_SLOT.administration),
    business: make(ROLE_SLOT.business),
    other: make(ROLE_SLOT.other),
  };
}

interface RolePlan {
  /** Statements the role is asked, per area in questionnaire order (file order within one). */
  byArea: Statement[][];
  /** Area index of each statement the role is asked, by statement id. */
  areaOf: Map<string, number>;
  /** How many statements of each area the role is asked. */
  total: number[];
}

interface ScoringPlan {
  areaIds: string[];
  /** Per ROLE_SLOT, then (at ROLE_COUNT) an empty plan for a role outside ROLES. */
  roles: RolePlan[];
  /** Tallies per response object (see tally). */
  tallies: WeakMap<Response, number[]>;
  /** Group aggregates, by the group's first response object (see cachedGroup). */
  groups: WeakMap<Response, CachedGroup>;
}

interface CachedGroup {
  members: ReadonlySet<Response>;
  aggregate: MunicipalityAggregate;
}

/** Keyed by questionnaire object: questionnaires are parsed once and never edited. */
const plans = new WeakMap<Questionnaire, ScoringPlan>();

function planFor(q: Questionnaire): ScoringPlan {
  let plan = plans.get(q);
  if (plan !== undefined) return plan;
  const rolePlan = (statements: readonly Statement[]): RolePlan => {
    const byArea = q.areas.map((area) => statements.filter((s) => s.area === area.id));
    const areaOf = new Map<string, number>();
    byArea.forEach((list, i) => {
      for (const s of list) areaOf.set(s.id, i);
    });
    return { byArea, areaOf, total: byArea.map((list) => list.length) };
  };
  const roles: RolePlan[] = [];
  for (const role of ROLES) roles[ROLE_SLOT[role]] = rolePlan(statementsForRole(q, role));
  roles[ROLE_COUNT] = rolePlan([]);
  plan = {
    areaIds: q.areas.map((a) => a.id),
    roles,
    tallies: new WeakMap(),
    groups: new WeakMap(),
  };
  plans.set(q, plan);
  return plan;
}

/** Numbers per area in a tally. */
const TALLY = 4;

/**
 * A response reduced to what aggregation needs, four numbers per area i, at TALLY * i + …:
 * 0 the sum of the levels, 1 the statements rated with a level, 2 the statements that apply
 * less those marked "not relevant", 3 the importance given to the area (NaN for none).
 * From these, exactly as scoreArea computes them: score = levelToScore(sum / rated) when
 * rated > 0, coverage = rated / relevant when relevant > 0.
 *
 * Cached by response object. Responses are values: the store replaces a response when it changes
 * and never edits one in place, so a cached tally cannot go stale.
 */
function tally(plan: ScoringPlan, response: Response): number[] {
  const cached = plan.tallies.get(response);
  if (cached !== undefined) return cached;
  const { areaOf, total } = plan.roles[roleSlot(response.respondent.role)]!;
  const importance: Readonly<Record<string, number | undefined>> = response.importance;
  const out = new Array<number>(plan.areaIds.length * TALLY);
  for (let i = 0; i < plan.areaIds.length; i += 1) {
    out[TALLY * i] = 0;
    out[TALLY * i + 1] = 0;
    out[TALLY * i + 2] = total[i]!;
    out[TALLY * i + 3] = importance[plan.areaIds[i]!] ?? NaN;
  }
  // The answers are walked as two lists, not looked up by statement id: answers objects come
  // in thousands of hidden classes (each set and order of keys is one), so ~47 lookups by name
  // per response miss V8's inline caches; that took twice as long on fresh responses.
  // Object.keys and Object.values list the same properties in the same order. A statement
  // without an answer counts only towards those that apply, as in scoreArea (statement ids
  // are lower-case words, never an inherited property with a `value`).
  const ids = Object.keys(response.answers);
  const answers: readonly (Answer | undefined)[] = Object.values(response.answers);
  for (let k = 0; k < ids.length; k += 1) {
    const i = areaOf.get(ids[k]!);
    if (i === undefined) continue; // not a statement this role is asked
    // The same classification as scoreArea: anything not a level or "not relevant" only
    // counts towards the statements that apply.
    const value = answers[k]?.value;
    if (value === 'notRelevant') out[TALLY * i + 2]! -= 1;
    else if (isLevel(value)) {
      out[TALLY * i]! += value;
      out[TALLY * i + 1]! += 1;
    }
  }
  plan.tallies.set(response, out);
  return out;
}

/**
 * Does now, for these responses alone, the work aggregateResponses caches: each response's tally
 * and each group's aggregate. The import calls this file by file while it shows its progress,
 * when the answers just read are still in the CPU cache, so the dashboard that follows an import
 * of the whole country finds its groups done (as long as each municipality's responses for a
 * round came in one file) instead of computing them all in one long task, in cold code.
 */
export function prepareAggregation(q: Questionnaire, responses: readonly Response[]): void {
  aggregateResponses(q, responses);
}

/**
 * Scores responses to one questionnaire area by area. The same as scoreResponse(q, r).areas
 * (scoring.ts: statementsForRole, then scoreArea per area), with each role's statement lists
 * worked out once per questionnaire instead of once per response. A test holds the two equal.
 */
export function areaScorer(q: Questionnaire): (response: Response) => AreaScore[] {
  const plan = planFor(q);
  return (response) => {
    const { byArea } = plan.roles[roleSlot(response.respondent.role)]!;
    return q.areas.map((area, i) =>
      scoreArea(area.id, byArea[i]!, response.answers, response.importance[area.id] ?? null),
    );
  };
}

/** Arrays reused from one municipality to the next, sized for the largest group. */
interface Scratch {
  values: Float64Array;
  /** Role slot of each value in `values`, moved along when they are sorted. */
  slots: Uint8Array;
  /** Per respondent of the group: role slot and tally. */
  slotOf: Uint8Array;
  tallies: number[][];
  /** Per role slot: sum and count of area scores. */
  roleSums: number[];
  roleCounts: number[];
}

function newScratch(size: number): Scratch {
  return {
    values: new Float64Array(size),
    slots: new Uint8Array(size),
    slotOf: new Uint8Array(size),
    tallies: new Array<number[]>(size),
    roleSums: new Array<number>(ROLE_COUNT).fill(0),
    roleCounts: new Array<number>(ROLE_COUNT).fill(0),
  };
}

/**
 * Sorts values[0..n) ascending and moves slots[k] along with values[k]. Insertion sort for the
 * short lists of one municipality and round (as `ascending`); an index sort above 32.
 */
function sortWithSlots(values: Float64Array, slots: Uint8Array, n: number): void {
  if (n > 32) {
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => values[a]! - values[b]!);
    const v = values.slice(0, n);
    const r = slots.slice(0, n);
    for (let k = 0; k < n; k += 1) {
      values[k] = v[order[k]!]!;
      slots[k] = r[order[k]!]!;
    }
    return;
  }
  for (let i = 1; i < n; i += 1) {
    const v = values[i]!;
    const slot = slots[i]!;
    let j = i - 1;
    while (j >= 0 && values[j]! > v) {
      values[j + 1] = values[j]!;
      slots[j + 1] = slots[j]!;
      j -= 1;
    }
    values[j + 1] = v;
    slots[j + 1] = slot;
  }
}

/** Mean of scratch.values[0..n), summed in ascending order (as `mean`). Null for none. */
function sortedMean(scratch: Scratch, n: number): number | null {
  if (n === 0) return null;
  sortWithSlots(scratch.values, scratch.slots, n);
  let sum = 0;
  for (let k = 0; k < n; k += 1) sum += scratch.values[k]!;
  return sum / n;
}

/** One area of one group, from the tallies in scratch. The same figures as `summarise` & co. */
function aggregateArea(scratch: Scratch, g: number, areaId: string, i: number): AreaAggregate {
  const { values, slots, slotOf, tallies, roleSums, roleCounts } = scratch;
  const at = TALLY * i;

  let n = 0;
  for (let j = 0; j < g; j += 1) {
    const rated = tallies[j]![at + 1]!;
    if (rated > 0) {
      values[n] = levelToScore(tallies[j]![at]! / rated);
      slots[n] = slotOf[j]!;
      n += 1;
    }
  }
  // Sorted, so the scores are summed in ascending order.
  sortWithSlots(values, slots, n);
  roleSums.fill(0);
  roleCounts.fill(0);
  let sum = 0;
  for (let k = 0; k < n; k += 1) {
    sum += values[k]!;
    // Walking the sorted list sums each role's scores in ascending order too.
    roleSums[slots[k]!]! += values[k]!;
    roleCounts[slots[k]!]! += 1;
  }
  const m = n === 0 ? null : sum / n;
  let sd: number | null = null;
  if (m !== null && n >= 2) {
    let squares = 0;
    for (let k = 0; k < n; k += 1) squares += (values[k]! - m) ** 2;
    sd = Math.sqrt(squares / (n - 1));
  }
  const min = n === 0 ? null : values[0]!;
  const max = n === 0 ? null : values[n - 1]!;
  const byRole = byRoleSlot((slot): RoleMean => ({
    mean: roleCounts[slot] === 0 ? null : roleSums[slot]! / roleCounts[slot]!,
    n: roleCounts[slot]!,
  }));

  let rated = 0;
  for (let j = 0; j < g; j += 1) {
    const importance = tallies[j]![at + 3]!;
    if (!Number.isNaN(importance)) values[rated++] = importance;
  }
  const importance = sortedMean(scratch, rated);

  let covered = 0;
  for (let j = 0; j < g; j += 1) {
    const relevant = tallies[j]![at + 2]!;
    if (relevant > 0) values[covered++] = tallies[j]![at + 1]! / relevant;
  }
  const coverage = sortedMean(scratch, covered);

  return {
    areaId,
    mean: m,
    n,
    sd,
    min,
    max,
    disagreement: n >= DISAGREEMENT_MIN_N && sd !== null && sd >= DISAGREEMENT_SD,
    byRole,
    importance,
    coverage,
  };
}

/**
 * The cached aggregate of exactly these responses, if there is one. A group's aggregate does not
 * depend on the order of its responses (sums are taken in sorted order, the name by counts), so
 * the same set of objects is enough. Responses are values (see tally), so the same objects mean
 * the same answers.
 */
function cachedGroup(plan: ScoringPlan, group: readonly Response[]): MunicipalityAggregate | null {
  const held = plan.groups.get(group[0]!);
  if (held === undefined || held.members.size !== group.length) return null;
  for (const r of group) if (!held.members.has(r)) return null;
  return held.aggregate;
}

function aggregateGroup(
  plan: ScoringPlan,
  group: readonly Response[],
  scratch: Scratch,
): MunicipalityAggregate {
  const first = group[0]!;
  const g = group.length;
  const respondents = [0, 0, 0, 0, 0]; // per role slot, the last for roles outside ROLES
  let demo = true;
  for (let j = 0; j < g; j += 1) {
    const r = group[j]!;
    const slot = roleSlot(r.respondent.role);
    scratch.slotOf[j] = slot;
    respondents[slot]! += 1;
    scratch.tallies[j] = tally(plan, r);
    if (r.demo !== true) demo = false;
  }
  const areas = plan.areaIds.map((areaId, i) => aggregateArea(scratch, g, areaId, i));
  let scored = 0;
  for (const a of areas) if (a.mean !== null) scratch.values[scored++] = a.mean;
  return {
    municipality: { number: first.municipality.number, name: municipalityName(group) },
    round: first.gathering.round,
    respondents: g,
    respondentsByRole: byRoleSlot((slot) => respondents[slot]!),
    overall: sortedMean(scratch, scored),
    areas,
    demo,
  };
}

/**
 * Aggregates responses per municipality (kommunenummer) and gathering round, sorted by
 * municipality number, then round. The aggregates may be shared with earlier calls for the same
 * responses: treat them as read-only. Responses for another questionnaire, or another version of
 * this one, are left out (see responsesFor; count them there if the UI wants to say so).
 * A response id that occurs more than once counts once (uniqueResponses), and each respondent
 * counts once per municipality and gathering, with their newest response (setAsideResponses
 * lists the others).
 */
export function aggregateResponses(
  q: Questionnaire,
  responses: readonly Response[],
): MunicipalityAggregate[] {
  // responsesFor, uniqueResponses and one response per respondent (countedGroups) in one pass.
  const groups = countedGroups(responses, (r) => scores(q, r));
  let largest = 0;
  for (const byGathering of groups.values())
    for (const group of byGathering.values())
      if (group.responses.length > largest) largest = group.responses.length;
  const plan = planFor(q);
  // Room for every respondent of the largest group, and for every area (the overall mean).
  const scratch = newScratch(Math.max(largest, q.areas.length));
  const out: MunicipalityAggregate[] = [];
  for (const byGathering of groups.values()) {
    for (const { responses: group } of byGathering.values()) {
      let aggregate = cachedGroup(plan, group);
      if (aggregate === null) {
        aggregate = aggregateGroup(plan, group, scratch);
        plan.groups.set(group[0]!, { members: new Set(group), aggregate });
      }
      out.push(aggregate);
    }
  }
  return out.sort(
    (a, b) => compareText(a.municipality.number, b.municipality.number) || a.round - b.round,
  );
}
