import { compareEdits } from '../files/import';
import { findNetworkMunicipality } from '../network';
import type { Questionnaire } from '../questionnaire/schema';
import { statementsForRole } from '../questionnaire/model';
import type { Statement } from '../questionnaire/schema';
import { scoreArea, type AreaScore } from '../scoring/scoring';
import { ROLES, type GatheringRound, type Municipality, type Response, type Role } from '../types';

/**
 * Aggregation of many respondents per municipality and gathering. Pure. Each response is scored
 * as scoreResponse scores it (see areaScorer).
 *
 * Statistics, and why:
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

function perRole<T>(make: () => T): Record<Role, T> {
  return Object.fromEntries(ROLES.map((r) => [r, make()])) as Record<Role, T>;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The name to show for a municipality: the network's own spelling when it is a member,
 * otherwise the most common name in the responses (ties: the first in sort order).
 */
function municipalityName(number: string, names: readonly string[]): string {
  const member = findNetworkMunicipality(number);
  if (member) return member.name;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  const ranked = [...counts].sort(([a, ca], [b, cb]) => cb - ca || compareText(a, b));
  return ranked[0]?.[0] ?? number;
}

/**
 * One copy per response id: a response that arrives twice (say, in two files) counts once, and
 * the newer edit wins, by the same rule as import (compareEdits).
 */
export function uniqueResponses(responses: readonly Response[]): Response[] {
  const byId = new Map<string, Response>();
  for (const r of responses) {
    const held = byId.get(r.id);
    if (held === undefined || compareEdits(r, held) > 0) byId.set(r.id, r);
  }
  return [...byId.values()];
}

/** Responses this questionnaire can score: same id and same version. */
export function responsesFor(q: Questionnaire, responses: readonly Response[]): Response[] {
  return responses.filter(
    (r) => r.questionnaire.id === q.id && r.questionnaire.version === q.version,
  );
}

/**
 * Scores responses to one questionnaire area by area. The same as scoreResponse(q, r).areas
 * (scoring.ts: statementsForRole, then scoreArea per area), with each role's statement lists
 * worked out once instead of once per response: at national scale (28,560 responses) that is
 * the difference between meeting the aggregation budget and missing it. A test holds the two
 * equal.
 */
export function areaScorer(q: Questionnaire): (response: Response) => AreaScore[] {
  const byRole = new Map<Role, Statement[][]>();
  for (const role of ROLES) {
    const statements = statementsForRole(q, role);
    byRole.set(
      role,
      q.areas.map((area) => statements.filter((s) => s.area === area.id)),
    );
  }
  return (response) => {
    const lists = byRole.get(response.respondent.role) ?? [];
    return q.areas.map((area, i) =>
      scoreArea(area.id, lists[i] ?? [], response.answers, response.importance[area.id] ?? null),
    );
  };
}

function aggregateGroup(
  q: Questionnaire,
  score: (response: Response) => AreaScore[],
  group: readonly Response[],
): MunicipalityAggregate {
  const first = group[0]!;
  const respondentsByRole = perRole(() => 0);
  const scores = q.areas.map(() => ({
    all: [] as number[],
    byRole: perRole(() => [] as number[]),
    importance: [] as number[],
    coverage: [] as number[],
  }));
  for (const response of group) {
    const role = response.respondent.role;
    respondentsByRole[role] += 1;
    score(response).forEach((area, i) => {
      const bucket = scores[i]!;
      if (area.score !== null) {
        bucket.all.push(area.score);
        bucket.byRole[role].push(area.score);
      }
      if (area.importance !== null) bucket.importance.push(area.importance);
      if (area.coverage !== null) bucket.coverage.push(area.coverage);
    });
  }
  const areas: AreaAggregate[] = q.areas.map((area, i) => {
    const bucket = scores[i]!;
    const { n, mean: m, sd, min, max } = summarise(bucket.all);
    return {
      areaId: area.id,
      mean: m,
      n,
      sd,
      min,
      max,
      disagreement: n >= DISAGREEMENT_MIN_N && sd !== null && sd >= DISAGREEMENT_SD,
      byRole: Object.fromEntries(
        ROLES.map((role) => [
          role,
          { mean: mean(bucket.byRole[role]), n: bucket.byRole[role].length },
        ]),
      ) as Record<Role, RoleMean>,
      importance: mean(bucket.importance),
      coverage: mean(bucket.coverage),
    };
  });
  return {
    municipality: {
      number: first.municipality.number,
      name: municipalityName(
        first.municipality.number,
        group.map((r) => r.municipality.name),
      ),
    },
    round: first.gathering.round,
    respondents: group.length,
    respondentsByRole,
    overall: mean(areas.flatMap((a) => (a.mean === null ? [] : [a.mean]))),
    areas,
    demo: group.every((r) => r.demo === true),
  };
}

/**
 * Aggregates responses per municipality (kommunenummer) and gathering round, sorted by
 * municipality number, then round. Responses for another questionnaire, or another version of
 * this one, are left out (see responsesFor; count them there if the UI wants to say so).
 * A response id that occurs more than once counts once (uniqueResponses).
 */
export function aggregateResponses(
  q: Questionnaire,
  responses: readonly Response[],
): MunicipalityAggregate[] {
  const groups = new Map<string, Response[]>();
  for (const r of uniqueResponses(responsesFor(q, responses))) {
    const key = `${r.municipality.number}|${r.gathering.round}`;
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  const score = areaScorer(q);
  return [...groups.values()]
    .map((group) => aggregateGroup(q, score, group))
    .sort((a, b) => compareText(a.municipality.number, b.municipality.number) || a.round - b.round);
}
