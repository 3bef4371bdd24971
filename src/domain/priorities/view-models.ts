import type { GatheringRound } from '../core/types';
import { aggregatesForRound, networkStats } from '../comparison/network-statistics';
import type { NetworkAreaStats } from '../comparison/network-statistics';
import type { Questionnaire } from '../questionnaire/schema';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import type { PriorityInput } from './priorities';
import { areaTrends, type AreaTrend, type RoundScores } from './trends';

/**
 * View models of one municipality, for the network screens and the printed report alike (see
 * ../comparison/view-models.ts for the network's own).
 */

/**
 * What the priority rules (priorities.ts) read for each area of one municipality at one
 * gathering: its aggregate, against the network's median for the same round (`stats`).
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
  /** Every municipality and round. */
  all: readonly MunicipalityAggregate[];
  /** The rounds present, ascending. */
  rounds: readonly GatheringRound[];
}

/**
 * One municipality's trend per area (questionnaire order): its score at each gathering against
 * the network's median at the same gathering, up to and including `throughRound` (default: every
 * round present).
 */
export function municipalityTrends(
  network: NetworkHistory,
  municipalityNumber: string,
  throughRound?: GatheringRound,
): AreaTrend[] {
  const q = network.questionnaire;
  const own: RoundScores[] = network.all
    .filter((a) => a.municipality.number === municipalityNumber)
    .map((a) => ({
      round: a.round,
      scores: Object.fromEntries(a.areas.map((x) => [x.areaId, x.mean])),
    }));
  const medians: RoundScores[] = network.rounds.map((round) => ({
    round,
    scores: Object.fromEntries(
      networkStats(q, aggregatesForRound(network.all, round)).map((s) => [s.areaId, s.median]),
    ),
  }));
  const rounds =
    throughRound === undefined ? network.rounds : network.rounds.filter((r) => r <= throughRound);
  return areaTrends(
    own,
    medians,
    q.areas.map((a) => a.id),
    rounds,
  );
}
