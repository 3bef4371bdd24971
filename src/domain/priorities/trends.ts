import type { GatheringRound } from '../core/types';

/**
 * Gatherings over time: per area, the municipality's score at each gathering, the change since
 * the previous gathering it has a score for, and a series against the network median.
 */

/** A change smaller than this many points (either way) counts as flat. */
export const FLAT_DELTA = 1;

export const DIRECTIONS = ['up', 'down', 'flat'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Area scores (0–100) at one gathering, keyed by area id. Missing or null = no score. */
export interface RoundScores {
  round: GatheringRound;
  scores: Readonly<Record<string, number | null | undefined>>;
}

export interface TrendPoint {
  round: GatheringRound;
  /** The municipality's score at this gathering, or null. */
  score: number | null;
  /** The network median at this gathering, or null. */
  networkMedian: number | null;
  /** score − networkMedian, or null when either is missing. */
  vsNetwork: number | null;
  /** The latest earlier round at which the municipality had a score, or null. */
  previousRound: GatheringRound | null;
  /** score − the score at previousRound, or null. */
  delta: number | null;
  /** Sign of the delta, with |delta| < FLAT_DELTA counted as flat; null without a delta. */
  direction: Direction | null;
}

export interface AreaTrend {
  areaId: string;
  /** One point per round, in round order. */
  points: TrendPoint[];
  /** The last point with a score: "now", with the change since the gathering before. */
  latest: TrendPoint | null;
}

/** One point of the trend chart: the municipality against the network median. */
export interface TrendChartPoint {
  round: GatheringRound;
  municipality: number | null;
  networkMedian: number | null;
}

/** Guards the flat threshold against float noise such as 0.9999999999999964. */
const EPS = 1e-9;

export function direction(delta: number): Direction {
  if (Math.abs(delta) < FLAT_DELTA - EPS) return 'flat';
  return delta > 0 ? 'up' : 'down';
}

function num(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

/** Per round, the scores; a later entry for the same round replaces an earlier one. */
function byRound(rounds: readonly RoundScores[]): Map<GatheringRound, RoundScores['scores']> {
  const map = new Map<GatheringRound, RoundScores['scores']>();
  for (const r of rounds) map.set(r.round, r.scores);
  return map;
}

/** Reads an own property only, so an area id such as "constructor" never hits the prototype. */
function scoreOf(scores: RoundScores['scores'] | undefined, areaId: string): number | null {
  if (scores === undefined || !Object.hasOwn(scores, areaId)) return null;
  return num(scores[areaId]);
}

/**
 * The trend of each area, in the order of `areaIds` (questionnaire order).
 *
 * @param own the municipality's area scores per gathering
 * @param network the network's median area scores per gathering
 * @param areaIds the areas to report, in display order
 * @param rounds the rounds to include; by default every round present in `own` or `network`
 */
export function areaTrends(
  own: readonly RoundScores[],
  network: readonly RoundScores[],
  areaIds: readonly string[],
  rounds?: readonly GatheringRound[],
): AreaTrend[] {
  const ownByRound = byRound(own);
  const networkByRound = byRound(network);
  const roundList = [...new Set(rounds ?? [...ownByRound.keys(), ...networkByRound.keys()])].sort(
    (a, b) => a - b,
  );
  return areaIds.map((areaId) => {
    let previous: { round: GatheringRound; score: number } | null = null;
    const points = roundList.map((round): TrendPoint => {
      const score = scoreOf(ownByRound.get(round), areaId);
      const networkMedian = scoreOf(networkByRound.get(round), areaId);
      const delta = score !== null && previous !== null ? score - previous.score : null;
      const point: TrendPoint = {
        round,
        score,
        networkMedian,
        vsNetwork: score !== null && networkMedian !== null ? score - networkMedian : null,
        previousRound: score !== null && previous !== null ? previous.round : null,
        delta,
        direction: delta === null ? null : direction(delta),
      };
      if (score !== null) previous = { round, score };
      return point;
    });
    const latest = points.findLast((p) => p.score !== null) ?? null;
    return { areaId, points, latest };
  });
}

/** The series for one area's trend chart, one point per round. */
export function trendChartSeries(trend: AreaTrend): TrendChartPoint[] {
  return trend.points.map(({ round, score, networkMedian }) => ({
    round,
    municipality: score,
    networkMedian,
  }));
}
