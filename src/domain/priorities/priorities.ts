import type { Role } from '../core/types';
import { MIN_ROLE_N, roleGap, type RoleMeans } from './role-gaps';
import { compareText } from '../core/records';

/**
 * Improvement areas: which areas a municipality should concentrate on at a gathering, and why.
 * The rule, its thresholds and a worked example are in docs/priorities.md; keep them in step.
 *
 * Reasons are data, never text: the UI turns them into words in the active locale.
 */

/** One area of one municipality at one gathering, as the comparison aggregates provide it. */
export interface PriorityInput {
  areaId: string;
  /** The municipality's area score, 0–100, or null when nobody answered with a level. */
  score: number | null;
  /** Mean importance, 1–5, or null when nobody rated it. */
  importance: number | null;
  /** Mean coverage, 0–1: the share of statements answered with a level. */
  coverage: number | null;
  /** The network's median score for the area at the same gathering. */
  networkMedian: number | null;
  /** Per role: mean score and number of respondents. Roles with n < minRoleN are ignored. */
  roleMeans: RoleMeans;
}

export interface PriorityOptions {
  /** Importance at or above this is "high" (scale 1–5). */
  importanceSplit: number;
  /** A score at or above this is "high" (scale 0–100). */
  scoreSplit: number;
  /** Flag `belowNetwork` when the score is at least this many points below the median. */
  belowNetworkPoints: number;
  /** Flag `roleGap` when the highest and lowest shown role means differ by at least this. */
  roleGapPoints: number;
  /** Fewest respondents a role needs to count in a role gap. */
  minRoleN: number;
  /** Flag `lowCoverage` when coverage is below this share. */
  lowCoverage: number;
}

export const DEFAULT_PRIORITY_OPTIONS: Readonly<PriorityOptions> = Object.freeze({
  importanceSplit: 3.5,
  scoreSplit: 50,
  belowNetworkPoints: 10,
  roleGapPoints: 20,
  minRoleN: MIN_ROLE_N,
  lowCoverage: 0.6,
});

/** Importance used in the priority points when nobody rated the area: the middle of 1–5. */
export const NEUTRAL_IMPORTANCE = 3;

/**
 * Martilla & James (1977) importance–performance quadrants, in the order a legend shows them.
 * - concentrateHere: high importance, low score;
 * - keepUpGoodWork: high importance, high score;
 * - lowPriority: low importance, low score;
 * - possibleOverkill: low importance, high score.
 */
export const QUADRANTS = [
  'concentrateHere',
  'keepUpGoodWork',
  'lowPriority',
  'possibleOverkill',
] as const;
export type Quadrant = (typeof QUADRANTS)[number];

/** Why an area is flagged. The numbers are unrounded; the UI rounds them for display. */
export type Reason =
  | { code: 'importantButLow'; importance: number; score: number }
  | { code: 'belowNetwork'; points: number; median: number; score: number }
  | { code: 'roleGap'; high: Role; low: Role; points: number }
  | { code: 'lowCoverage'; coverage: number };

/** The order in which reasons are listed for an area. */
export const REASON_CODES = [
  'importantButLow',
  'belowNetwork',
  'roleGap',
  'lowCoverage',
] as const satisfies readonly Reason['code'][];

/** The four parts of the priority points, so the UI can show how the sum came about. */
export interface PriorityParts {
  /** importance ÷ 5 × (100 − score); 0 without a score. */
  importanceGap: number;
  /** Points below the network median (0 when at or above it, or without a score or median). */
  belowNetwork: number;
  /** Half the gap between the highest and the lowest shown role. */
  roleGap: number;
  /** Half the percentage of statements not answered with a level: (1 − coverage) × 50. */
  coverage: number;
}

export interface ImprovementArea {
  areaId: string;
  /** 1-based position in the ranking. */
  rank: number;
  /** Sum of the parts. Higher means more urgent. */
  priority: number;
  parts: PriorityParts;
  /** Null when the importance or the score is missing. */
  quadrant: Quadrant | null;
  /** In REASON_CODES order. Empty for an area that is not flagged. */
  reasons: Reason[];
  /** True when the area has at least one reason: it is an improvement area. */
  flagged: boolean;
}

/** Guards threshold comparisons against float noise such as 48.99999999999999. */
const EPS = 1e-9;

function num(value: number | null | undefined): number | null {
  return value === null || value === undefined || !Number.isFinite(value) ? null : value;
}

function resolve(options: Partial<PriorityOptions> | undefined): PriorityOptions {
  return { ...DEFAULT_PRIORITY_OPTIONS, ...options };
}

/**
 * The importance–performance quadrant of an area, or null when importance or score is missing.
 * "High" means at or above the split.
 */
export function quadrant(
  importance: number | null,
  score: number | null,
  options?: Partial<Pick<PriorityOptions, 'importanceSplit' | 'scoreSplit'>>,
): Quadrant | null {
  const i = num(importance);
  const s = num(score);
  if (i === null || s === null) return null;
  const { importanceSplit, scoreSplit } = { ...DEFAULT_PRIORITY_OPTIONS, ...options };
  const highImportance = i >= importanceSplit - EPS;
  const highScore = s >= scoreSplit - EPS;
  if (highImportance) return highScore ? 'keepUpGoodWork' : 'concentrateHere';
  return highScore ? 'possibleOverkill' : 'lowPriority';
}

/** The reasons that flag one area, in REASON_CODES order. */
export function reasonsFor(area: PriorityInput, options?: Partial<PriorityOptions>): Reason[] {
  const o = resolve(options);
  const score = num(area.score);
  const importance = num(area.importance);
  const median = num(area.networkMedian);
  const coverage = num(area.coverage);
  const reasons: Reason[] = [];
  if (
    importance !== null &&
    score !== null &&
    quadrant(importance, score, o) === 'concentrateHere'
  ) {
    reasons.push({ code: 'importantButLow', importance, score });
  }
  if (score !== null && median !== null && median - score >= o.belowNetworkPoints - EPS) {
    reasons.push({ code: 'belowNetwork', points: median - score, median, score });
  }
  const gap = roleGap(area.roleMeans, o.minRoleN);
  if (gap !== null && gap.points >= o.roleGapPoints - EPS) {
    reasons.push({ code: 'roleGap', high: gap.high, low: gap.low, points: gap.points });
  }
  if (coverage !== null && coverage < o.lowCoverage - EPS) {
    reasons.push({ code: 'lowCoverage', coverage });
  }
  return reasons;
}

/** The priority points of one area, part by part. */
export function priorityParts(
  area: PriorityInput,
  options?: Partial<PriorityOptions>,
): PriorityParts {
  const o = resolve(options);
  const score = num(area.score);
  const importance = num(area.importance) ?? NEUTRAL_IMPORTANCE;
  const median = num(area.networkMedian);
  const coverage = num(area.coverage);
  const gap = roleGap(area.roleMeans, o.minRoleN);
  return {
    importanceGap: score === null ? 0 : (Math.max(0, importance) / 5) * Math.max(0, 100 - score),
    belowNetwork: score === null || median === null ? 0 : Math.max(0, median - score),
    roleGap: gap === null ? 0 : gap.points / 2,
    coverage: coverage === null ? 0 : Math.max(0, 1 - coverage) * 50,
  };
}

function sumParts(p: PriorityParts): number {
  return p.importanceGap + p.belowNetwork + p.roleGap + p.coverage;
}

/**
 * Ranks every area: flagged areas (at least one reason) first, then the rest; within each
 * group by priority points, highest first; ties in questionnaire order (`areaOrder`, then by id
 * for areas not in it). The result does not depend on the order of `areas`.
 */
export function rankImprovementAreas(
  areas: readonly PriorityInput[],
  areaOrder: readonly string[],
  options?: Partial<PriorityOptions>,
): ImprovementArea[] {
  const o = resolve(options);
  const position = new Map(areaOrder.map((id, index) => [id, index] as const));
  const rows = areas.map((area) => {
    const parts = priorityParts(area, o);
    const reasons = reasonsFor(area, o);
    return {
      areaId: area.areaId,
      priority: sumParts(parts),
      parts,
      quadrant: quadrant(area.importance, area.score, o),
      reasons,
      flagged: reasons.length > 0,
    };
  });
  const order = (id: string) => position.get(id) ?? Number.POSITIVE_INFINITY;
  rows.sort(
    (a, b) =>
      Number(b.flagged) - Number(a.flagged) ||
      b.priority - a.priority ||
      order(a.areaId) - order(b.areaId) ||
      compareText(a.areaId, b.areaId),
  );
  return rows.map((row, index) => ({ ...row, rank: index + 1 }));
}

/** Only the flagged areas, in rank order: the municipality's improvement areas. */
export function improvementAreas(
  areas: readonly PriorityInput[],
  areaOrder: readonly string[],
  options?: Partial<PriorityOptions>,
): ImprovementArea[] {
  return rankImprovementAreas(areas, areaOrder, options).filter((a) => a.flagged);
}

/** One point of the importance–performance chart. */
export interface QuadrantPoint {
  areaId: string;
  importance: number;
  score: number;
  quadrant: Quadrant;
}

/**
 * Points for the importance–performance chart and its table twin, in input (questionnaire)
 * order. Areas without importance or score cannot be placed and are listed in `unplaced`.
 */
export function quadrantPoints(
  areas: readonly Pick<PriorityInput, 'areaId' | 'importance' | 'score'>[],
  options?: Partial<Pick<PriorityOptions, 'importanceSplit' | 'scoreSplit'>>,
): { points: QuadrantPoint[]; unplaced: string[] } {
  const points: QuadrantPoint[] = [];
  const unplaced: string[] = [];
  for (const area of areas) {
    const importance = num(area.importance);
    const score = num(area.score);
    const q = quadrant(importance, score, options);
    if (importance === null || score === null || q === null) unplaced.push(area.areaId);
    else points.push({ areaId: area.areaId, importance, score, quadrant: q });
  }
  return { points, unplaced };
}
