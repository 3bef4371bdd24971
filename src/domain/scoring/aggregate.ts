import { findNetworkMunicipality } from '../core/municipalities';
import type { Questionnaire } from '../questionnaire/schema';
import { statementsForRole } from '../questionnaire/model';
import {
  areaAt,
  statementPlan,
  tallyImportance,
  tallyAnswers,
  tallyCoverage,
  tallyScore,
  type StatementPlan,
} from './tally';
import { ROLES } from '../core/types';
import type { GatheringRound, Municipality, Response, Role } from '../core/types';
import { compareGatherings, gatheringOf } from '../core/gatherings';
import { compareText } from '../core/records';
import { canScore, countedGroups } from './counted';

/**
 * Aggregation of many respondents per municipality and gathering. Each response is tallied by
 * the same core as a single response's score (./tally.ts); an Aggregator keeps the work for the
 * next call (createAggregator), and aggregateResponses is the same without keeping anything.
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
  /** The gathering: its period (../core/gatherings.ts) and round. */
  period: string;
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

// ---------------------------------------------------------------------------------------------
// Speed. At national scale (357 municipalities × 20 respondents × 4 gatherings = 28,560
// responses, each scored in 9 areas) aggregation has a budget of 200 ms, and an earlier version
// that built an AreaScore object and a handful of arrays per response and area spent about half
// its time collecting garbage. So:
// - what aggregation needs to know about a questionnaire (each role's statement ids, area by
//   area) is worked out once per questionnaire object and aggregator (planFor);
// - a response is reduced to five numbers per area (its tally, ./tally.ts), cached per response
//   object, so aggregating the same responses again (another import, another screen) skips
//   their answers;
// - a group's aggregate (one municipality and round) is cached by the exact response objects it
//   came from, so aggregating again after one more file recomputes only the groups that changed;
//   the import fills both caches file by file (Aggregator.prepare), which also leaves the code
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

interface AggregationPlan {
  areaIds: string[];
  /** Per ROLE_SLOT, then (at ROLE_COUNT) an empty plan for a role outside ROLES. */
  roles: StatementPlan[];
  /** Tallies per response object (see tallyOf). */
  tallies: WeakMap<Response, number[]>;
  /** Group aggregates, by the group's first response object (see cachedGroup). */
  groups: WeakMap<Response, CachedGroup>;
  /** The last call's responses (a copy of the list) and what it gave (see aggregateWith). */
  last: { responses: readonly Response[]; result: readonly MunicipalityAggregate[] } | null;
}

interface CachedGroup {
  /** The group's responses, in the order they came. */
  members: readonly Response[];
  /** The same as a set, made the first time the group comes again in another order. */
  memberSet: ReadonlySet<Response> | null;
  aggregate: MunicipalityAggregate;
}

function newPlan(q: Questionnaire): AggregationPlan {
  const roles: StatementPlan[] = [];
  for (const role of ROLES) roles[ROLE_SLOT[role]] = statementPlan(q, statementsForRole(q, role));
  roles[ROLE_COUNT] = statementPlan(q, []);
  return {
    areaIds: q.areas.map((a) => a.id),
    roles,
    tallies: new WeakMap(),
    groups: new WeakMap(),
    last: null,
  };
}

/**
 * A response's tally (./tally.ts, the same core that scores a single response), cached by
 * response object. Responses are values: the store replaces a response when it changes and
 * never edits one in place, so a cached tally cannot go stale.
 */
function tallyOf(plan: AggregationPlan, response: Response): number[] {
  const cached = plan.tallies.get(response);
  if (cached !== undefined) return cached;
  const rolePlan = plan.roles[roleSlot(response.respondent.role)]!;
  const out = tallyAnswers(rolePlan, plan.areaIds, response.answers, response.importance);
  plan.tallies.set(response, out);
  return out;
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

/** One area of one group, from the tallies in scratch. The same figures as `sampleSummary` & co. */
function aggregateArea(scratch: Scratch, g: number, areaId: string, i: number): AreaAggregate {
  const { values, slots, slotOf, tallies, roleSums, roleCounts } = scratch;
  const at = areaAt(i);

  let n = 0;
  for (let j = 0; j < g; j += 1) {
    const score = tallyScore(tallies[j]!, at);
    if (score !== null) {
      values[n] = score;
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
    const importance = tallyImportance(tallies[j]!, at);
    if (!Number.isNaN(importance)) values[rated++] = importance;
  }
  const importance = sortedMean(scratch, rated);

  let covered = 0;
  for (let j = 0; j < g; j += 1) {
    const coverage = tallyCoverage(tallies[j]!, at);
    if (coverage !== null) values[covered++] = coverage;
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
function cachedGroup(
  plan: AggregationPlan,
  group: readonly Response[],
): MunicipalityAggregate | null {
  const held = plan.groups.get(group[0]!);
  if (held === undefined || held.members.length !== group.length) return null;
  // Mostly the same objects in the same order: compared without a hash lookup each. A group
  // never holds one object twice (one per response id), so the same count of members, each
  // held, is the same set.
  let k = 0;
  while (k < group.length && group[k] === held.members[k]) k += 1;
  if (k === group.length) return held.aggregate;
  held.memberSet ??= new Set(held.members);
  for (; k < group.length; k += 1) if (!held.memberSet.has(group[k]!)) return null;
  return held.aggregate;
}

function aggregateGroup(
  plan: AggregationPlan,
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
    scratch.tallies[j] = tallyOf(plan, r);
    if (r.demo !== true) demo = false;
  }
  const areas = plan.areaIds.map((areaId, i) => aggregateArea(scratch, g, areaId, i));
  let scored = 0;
  for (const a of areas) if (a.mean !== null) scratch.values[scored++] = a.mean;
  return {
    municipality: { number: first.municipality.number, name: municipalityName(group) },
    ...gatheringOf(first),
    respondents: g,
    respondentsByRole: byRoleSlot((slot) => respondents[slot]!),
    overall: sortedMean(scratch, scored),
    areas,
    demo,
  };
}

/**
 * Aggregates responses, keeping what it works out for the next call: each questionnaire's plan,
 * each response's tally and each group's aggregate (see "Speed" above). The store owns one, so
 * every screen, the report and the import share the work; a test or a one-off export makes its
 * own, or calls aggregateResponses. Nothing is kept outside an instance.
 */
export interface Aggregator {
  /**
   * Aggregates responses per municipality (kommunenummer) and gathering (period and round),
   * sorted by municipality number, then gathering (compareGatherings). The aggregates may be shared with earlier calls for the
   * same responses: treat them as read-only. Responses for another questionnaire, or another
   * version of this one, are left out (see responsesFor; count them there if the UI wants to say
   * so). A response id that occurs more than once counts once (uniqueResponses), and each
   * respondent counts once per municipality and gathering, with their newest response
   * (setAsideResponses lists the others).
   */
  aggregate(q: Questionnaire, responses: readonly Response[]): MunicipalityAggregate[];
  /**
   * Does now, for these responses alone, the work `aggregate` keeps: each response's tally and
   * each group's aggregate. The import calls this file by file while it shows its progress,
   * when the answers just read are still in the CPU cache, so the dashboard that follows an
   * import of the whole country finds its groups done (as long as each municipality's responses
   * for a round came in one file) instead of computing them all in one long task, in cold code.
   */
  prepare(q: Questionnaire, responses: readonly Response[]): void;
}

export function createAggregator(): Aggregator {
  /** Keyed by questionnaire object: questionnaires are parsed once and never edited. */
  const plans = new WeakMap<Questionnaire, AggregationPlan>();
  const planFor = (q: Questionnaire): AggregationPlan => {
    let plan = plans.get(q);
    if (plan === undefined) plans.set(q, (plan = newPlan(q)));
    return plan;
  };
  const aggregate = (q: Questionnaire, responses: readonly Response[]) =>
    aggregateWith(planFor(q), q, responses);
  return {
    aggregate,
    prepare: (q, responses) => void aggregate(q, responses),
  };
}

/** Aggregator.aggregate without keeping anything for later: for one-off uses and tests. */
export function aggregateResponses(
  q: Questionnaire,
  responses: readonly Response[],
): MunicipalityAggregate[] {
  return createAggregator().aggregate(q, responses);
}

function aggregateWith(
  plan: AggregationPlan,
  q: Questionnaire,
  responses: readonly Response[],
): MunicipalityAggregate[] {
  // The same response objects in the same order as last time (the screens aggregate again when
  // the view or the round changes, not the responses): the same result, without reading each
  // response again. Responses are values (never edited in place), so this cannot go stale.
  const last = plan.last;
  if (last !== null && sameList(last.responses, responses)) return [...last.result];
  // responsesFor, uniqueResponses and one response per respondent (countedGroups) in one pass.
  const groups = countedGroups(responses, (r) => canScore(q, r));
  let largest = 0;
  for (const byGathering of groups.values())
    for (const group of byGathering.values())
      if (group.responses.length > largest) largest = group.responses.length;
  // Room for every respondent of the largest group, and for every area (the overall mean).
  const scratch = newScratch(Math.max(largest, q.areas.length));
  const out: MunicipalityAggregate[] = [];
  for (const byGathering of groups.values()) {
    for (const { responses: group } of byGathering.values()) {
      let aggregate = cachedGroup(plan, group);
      if (aggregate === null) {
        aggregate = aggregateGroup(plan, group, scratch);
        plan.groups.set(group[0]!, { members: group, memberSet: null, aggregate });
      }
      out.push(aggregate);
    }
  }
  out.sort(
    (a, b) => compareText(a.municipality.number, b.municipality.number) || compareGatherings(a, b),
  );
  plan.last = { responses: [...responses], result: out };
  return [...out];
}

/** The same objects in the same order. */
function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}
