import {
  compareGatherings,
  keyOfGathering,
  parseGatheringKey,
  type GatheringId,
} from '../core/gatherings';

/**
 * Gatherings over time: per area, the municipality's score at each gathering, the change since
 * the previous gathering it has a score for, and a series against the network median.
 */

/** A change smaller than this many points (either way) counts as flat. */
export const FLAT_DELTA = 1;

export const DIRECTIONS = ['up', 'down', 'flat'] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Area scores (0–100) at one gathering, keyed by area id. Missing or null = no score. */
export interface GatheringScores {
  gathering: GatheringId;
  scores: Readonly<Record<string, number | null | undefined>>;
}

export interface TrendPoint {
  gathering: GatheringId;
  /** The municipality's score at this gathering, or null. */
  score: number | null;
  /** The network median at this gathering, or null. */
  networkMedian: number | null;
  /** score − networkMedian, or null when either is missing. */
  vsNetwork: number | null;
  /** The latest earlier gathering at which the municipality had a score, or null. */
  previous: GatheringId | null;
  /** score − the score at `previous`, or null. */
  delta: number | null;
  /** Sign of the delta, with |delta| < FLAT_DELTA counted as flat; null without a delta. */
  direction: Direction | null;
}

export interface AreaTrend {
  areaId: string;
  /** One point per gathering, earliest first. */
  points: TrendPoint[];
  /** The last point with a score: "now", with the change since the gathering before. */
  latest: TrendPoint | null;
}

/** One point of the trend chart: the municipality against the network median. */
export interface TrendChartPoint {
  /** The gathering's key (keyOfGathering): one point per gathering, in order. */
  gathering: string;
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

/** Per gathering key, the scores; a later entry for the same gathering replaces an earlier one. */
function byGathering(list: readonly GatheringScores[]): Map<string, GatheringScores['scores']> {
  const map = new Map<string, GatheringScores['scores']>();
  for (const r of list) map.set(keyOfGathering(r.gathering), r.scores);
  return map;
}

/** Reads an own property only, so an area id such as "constructor" never hits the prototype. */
function scoreOf(scores: GatheringScores['scores'] | undefined, areaId: string): number | null {
  if (scores === undefined || !Object.hasOwn(scores, areaId)) return null;
  return num(scores[areaId]);
}

/**
 * The trend of each area, in the order of `areaIds` (questionnaire order).
 *
 * @param own the municipality's area scores per gathering
 * @param network the network's median area scores per gathering
 * @param areaIds the areas to report, in display order
 * @param gatherings the gatherings to include; by default every one present in `own` or
 *   `network`. Earliest first, by period and round: this year's round 1 follows last year's 4.
 */
export function areaTrends(
  own: readonly GatheringScores[],
  network: readonly GatheringScores[],
  areaIds: readonly string[],
  gatherings?: readonly GatheringId[],
): AreaTrend[] {
  const ownAt = byGathering(own);
  const networkAt = byGathering(network);
  const keys = gatherings?.map(keyOfGathering) ?? [...ownAt.keys(), ...networkAt.keys()];
  const list = [...new Set(keys)]
    .map((k) => parseGatheringKey(k))
    .filter((g): g is GatheringId => g !== null)
    .sort(compareGatherings);
  return areaIds.map((areaId) => {
    let previous: { gathering: GatheringId; score: number } | null = null;
    const points = list.map((gathering): TrendPoint => {
      const key = keyOfGathering(gathering);
      const score = scoreOf(ownAt.get(key), areaId);
      const networkMedian = scoreOf(networkAt.get(key), areaId);
      const delta = score !== null && previous !== null ? score - previous.score : null;
      const point: TrendPoint = {
        gathering,
        score,
        networkMedian,
        vsNetwork: score !== null && networkMedian !== null ? score - networkMedian : null,
        previous: score !== null && previous !== null ? previous.gathering : null,
        delta,
        direction: delta === null ? null : direction(delta),
      };
      if (score !== null) previous = { gathering, score };
      return point;
    });
    const latest = points.findLast((p) => p.score !== null) ?? null;
    return { areaId, points, latest };
  });
}

/** The series for one area's trend chart, one point per gathering. */
export function trendChartSeries(trend: AreaTrend): TrendChartPoint[] {
  return trend.points.map(({ gathering, score, networkMedian }) => ({
    gathering: keyOfGathering(gathering),
    municipality: score,
    networkMedian,
  }));
}
