import type { Questionnaire } from '../questionnaire/schema';
import type { Municipality } from '../core/types';
import { distinctGatherings, sameGathering, type GatheringId } from '../core/gatherings';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import { ascending, meanOfAscending, medianOfAscending } from '../core/statistics';
import { compareText } from '../core/records';

/**
 * Network statistics across municipalities, and chart-ready series for the UI. Pure.
 *
 * - Every municipality counts once, whatever its number of respondents (the mean is the mean of
 *   municipality means, not of all respondents).
 * - The median of an even count is the mean of the two middle values.
 * - Ranks use competition ranking ("1224"): 1 is the highest mean, and municipalities whose means
 *   differ by less than RANK_TOLERANCE share a rank. Municipalities without a mean get no rank.
 * - The statistics describe one gathering. Given aggregates from several gatherings, the
 *   functions that need one use the latest present (see latestGathering); pass
 *   aggregatesAt(aggregates, gathering) to choose another.
 */

/** Means closer than this are a tie (floating-point noise, far below any displayed decimal). */
export const RANK_TOLERANCE = 1e-9;

export interface SummaryStats {
  /** Municipalities with a mean. */
  n: number;
  median: number | null;
  min: number | null;
  max: number | null;
  mean: number | null;
  /** Keyed by kommunenummer; 1 = highest mean, ties share a rank. */
  ranks: Record<string, number>;
}

export interface NetworkAreaStats extends SummaryStats {
  areaId: string;
}

/**
 * Competition ranks ("1224"): 1 + the number of others that are clearly higher. `sorted`, when
 * the caller has it, is the same values in ascending order (statistics' `ascending`) with no NaN.
 */
export function competitionRanks(
  values: ReadonlyMap<string, number>,
  sorted?: ArrayLike<number>,
): Record<string, number> {
  // Not a count over every pair (357² per area and round at national scale): with the values
  // sorted low to high, those clearly higher than v (o − v > RANK_TOLERANCE) are a suffix of
  // the list, since o − v never decreases as o grows, even rounded. A binary search finds where
  // it starts. NaN is never clearly higher than anything, so it is left out of the list.
  const low = sorted ?? ascending([...values.values()].filter((v) => !Number.isNaN(v)));
  const clearlyHigher = (v: number) => {
    let lo = 0;
    let hi = low.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (low[mid]! - v > RANK_TOLERANCE) hi = mid;
      else lo = mid + 1;
    }
    return low.length - lo;
  };
  const entries = [...values.entries()].sort(([a], [b]) => compareText(a, b));
  return Object.fromEntries(entries.map(([key, v]) => [key, 1 + clearlyHigher(v)]));
}

/** The peer band (min, median, max), mean and ranks of one value per municipality. */
function peerBand(values: ReadonlyMap<string, number>): SummaryStats {
  const list = [...values.values()];
  // One sort for the median, the mean and the ranks.
  const sorted = ascending(list);
  return {
    n: list.length,
    median: medianOfAscending(sorted),
    min: list.length === 0 ? null : Math.min(...list),
    max: list.length === 0 ? null : Math.max(...list),
    mean: meanOfAscending(sorted),
    ranks: competitionRanks(values, list.some(Number.isNaN) ? undefined : sorted),
  };
}

/** The aggregates of one gathering (period and round). */
export function aggregatesAt(
  aggregates: readonly MunicipalityAggregate[],
  gathering: GatheringId,
): MunicipalityAggregate[] {
  return aggregates.filter((a) => sameGathering(a, gathering));
}

/** The gatherings that have at least one aggregate, earliest first. */
export function gatheringsPresent(aggregates: readonly MunicipalityAggregate[]): GatheringId[] {
  return distinctGatherings(aggregates);
}

/** The latest gathering present, or null when there are no aggregates. */
export function latestGathering(aggregates: readonly MunicipalityAggregate[]): GatheringId | null {
  return gatheringsPresent(aggregates).at(-1) ?? null;
}

/** One gathering's aggregates; the latest when the input holds several. */
function oneRound(aggregates: readonly MunicipalityAggregate[]): MunicipalityAggregate[] {
  const gathering = latestGathering(aggregates);
  return gathering === null ? [] : aggregatesAt(aggregates, gathering);
}

/** Per area, in questionnaire order: the network's n, median, min, max, mean and ranks. */
export function networkStats(
  q: Questionnaire,
  aggregates: readonly MunicipalityAggregate[],
): NetworkAreaStats[] {
  // One pass over the aggregates, each area's mean going to its area's map, instead of a search
  // of every aggregate's areas for every area. An aggregate's first area with an id counts.
  const index = new Map(q.areas.map((area, i) => [area.id, i]));
  const values = q.areas.map(() => new Map<string, number>());
  const seen = new Uint8Array(q.areas.length);
  for (const agg of oneRound(aggregates)) {
    seen.fill(0);
    for (const a of agg.areas) {
      const i = index.get(a.areaId);
      if (i === undefined || seen[i] === 1) continue;
      seen[i] = 1;
      if (a.mean !== null) values[i]!.set(agg.municipality.number, a.mean);
    }
  }
  return q.areas.map((area, i) => ({ areaId: area.id, ...peerBand(values[i]!) }));
}

/** The same statistics for the overall score. */
export function networkOverall(aggregates: readonly MunicipalityAggregate[]): SummaryStats {
  const values = new Map<string, number>();
  for (const agg of oneRound(aggregates)) {
    if (agg.overall !== null) values.set(agg.municipality.number, agg.overall);
  }
  return peerBand(values);
}

// ---------------------------------------------------------------------------------------------
// Chart-ready series: plain data with ids, never labels. The UI looks up texts and applies
// anonymisation (anonymiseNames) to `municipality.name`.

export interface HeatmapCell {
  areaId: string;
  value: number | null;
  n: number;
  disagreement: boolean;
}

export interface HeatmapRow {
  municipality: Municipality;
  respondents: number;
  overall: number | null;
  demo: boolean;
  /** In questionnaire order. */
  cells: HeatmapCell[];
}

/** Municipalities × areas for one round (the latest present), sorted by kommunenummer. */
export function heatmapRows(
  q: Questionnaire,
  aggregates: readonly MunicipalityAggregate[],
): HeatmapRow[] {
  return oneRound(aggregates)
    .map((agg) => ({
      municipality: agg.municipality,
      respondents: agg.respondents,
      overall: agg.overall,
      demo: agg.demo,
      cells: q.areas.map((area) => {
        const a = agg.areas.find((x) => x.areaId === area.id);
        return {
          areaId: area.id,
          value: a?.mean ?? null,
          n: a?.n ?? 0,
          disagreement: a?.disagreement ?? false,
        };
      }),
    }))
    .sort((a, b) => compareText(a.municipality.number, b.municipality.number));
}

export interface ProfilePoint {
  areaId: string;
  /** The municipality's mean, or null when it has none (or is not in the aggregates). */
  value: number | null;
  /** The network's peer band. */
  min: number | null;
  median: number | null;
  max: number | null;
}

/**
 * One municipality against the network's peer band, per area in the order of `stats`
 * (questionnaire order when stats come from networkStats).
 */
export function profileSeries(
  municipalityNumber: string,
  aggregates: readonly MunicipalityAggregate[],
  stats: readonly NetworkAreaStats[],
): ProfilePoint[] {
  const own = oneRound(aggregates).find((a) => a.municipality.number === municipalityNumber);
  return stats.map((s) => ({
    areaId: s.areaId,
    value: own?.areas.find((a) => a.areaId === s.areaId)?.mean ?? null,
    min: s.min,
    median: s.median,
    max: s.max,
  }));
}

export interface AreaRankingEntry {
  municipality: Municipality;
  mean: number | null;
  /** Respondents with a score for the area. */
  n: number;
  /** Competition rank; null without a mean. */
  rank: number | null;
}

/**
 * Every municipality's mean for one area (one round, the latest present), highest first;
 * municipalities without a mean last; ties by kommunenummer.
 */
export function areaRanking(
  areaId: string,
  aggregates: readonly MunicipalityAggregate[],
): AreaRankingEntry[] {
  const rows = oneRound(aggregates).map((agg) => {
    const a = agg.areas.find((x) => x.areaId === areaId);
    return { municipality: agg.municipality, mean: a?.mean ?? null, n: a?.n ?? 0 };
  });
  const values = new Map<string, number>();
  for (const r of rows) if (r.mean !== null) values.set(r.municipality.number, r.mean);
  const ranks = competitionRanks(values);
  return rows
    .map((r) => ({ ...r, rank: r.mean === null ? null : (ranks[r.municipality.number] ?? null) }))
    .sort((a, b) => {
      if (a.mean === null || b.mean === null) {
        if (a.mean !== b.mean) return a.mean === null ? 1 : -1;
      } else if (a.rank !== b.rank) {
        return (a.rank ?? 0) - (b.rank ?? 0);
      }
      return compareText(a.municipality.number, b.municipality.number);
    });
}
