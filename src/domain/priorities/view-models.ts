import { compareGatherings, type GatheringId } from '../core/gatherings';
import { aggregatesAt, networkStats } from '../comparison/network-statistics';
import type { NetworkAreaStats } from '../comparison/network-statistics';
import type { Questionnaire } from '../questionnaire/schema';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import type { PriorityInput } from './priorities';
import { areaTrends, type AreaTrend, type GatheringScores } from './trends';

/**
 * View models of one municipality, for the network screens and the printed report alike (see
 * ../comparison/view-models.ts for the network's own).
 */

/**
 * What the priority rules (priorities.ts) read for each area of one municipality at one
 * gathering: its aggregate, against the network's median at the same gathering (`stats`).
 */
export function priorityInputs(
  aggregate: MunicipalityAggregate,
  stats: readonly NetworkAreaStats[],
): PriorityInput[] {
  const medians = new Map(stats.map((s) => [s.areaId, s.median]));
  return aggregate.areas.map((a) => ({
    areaId: a.areaId,
    score: a.mean,
    importance: a.importance,
    coverage: a.coverage,
    networkMedian: medians.get(a.areaId) ?? null,
    roleMeans: a.byRole,
  }));
}

/** The parts of the network model a trend reads. */
export interface NetworkHistory {
  questionnaire: Questionnaire;
  /** Every municipality and gathering. */
  all: readonly MunicipalityAggregate[];
  /** The gatherings present, earliest first. */
  gatherings: readonly GatheringId[];
}

/**
 * One municipality's trend per area (questionnaire order): its score at each gathering against
 * the network's median at the same gathering, up to and including `through` (default: every
 * gathering present).
 */
export function municipalityTrends(
  network: NetworkHistory,
  municipalityNumber: string,
  through?: GatheringId,
): AreaTrend[] {
  const q = network.questionnaire;
  const own: GatheringScores[] = network.all
    .filter((a) => a.municipality.number === municipalityNumber)
    .map((a) => ({
      gathering: { period: a.period, round: a.round },
      scores: Object.fromEntries(a.areas.map((x) => [x.areaId, x.mean])),
    }));
  const medians: GatheringScores[] = network.gatherings.map((gathering) => ({
    gathering,
    scores: Object.fromEntries(
      networkStats(q, aggregatesAt(network.all, gathering)).map((s) => [s.areaId, s.median]),
    ),
  }));
  const gatherings =
    through === undefined
      ? network.gatherings
      : network.gatherings.filter((g) => compareGatherings(g, through) <= 0);
  return areaTrends(
    own,
    medians,
    q.areas.map((a) => a.id),
    gatherings,
  );
}
