import type { Questionnaire, Statement } from '../questionnaire/schema';
import { statementsForRole } from '../questionnaire/model';
import { isLevel, type Answer, type Level, type Response, type Role } from '../types';

/** Converts a mean level (1–5) into a score (0–100). */
export function levelToScore(meanLevel: number): number {
  return ((meanLevel - 1) / 4) * 100;
}

export interface AreaScore {
  areaId: string;
  /** 0–100, or null when no statement in the area was answered with a level. */
  score: number | null;
  /** Mean level 1–5, or null. */
  meanLevel: number | null;
  /** Statements that apply to the respondent's role. */
  total: number;
  /** Answered with a level 1–5. */
  rated: number;
  dontKnow: number;
  notRelevant: number;
  unanswered: number;
  /**
   * Share of the relevant statements (all that apply, less those marked "not relevant")
   * that were answered with a level. Null when every statement is "not relevant".
   */
  coverage: number | null;
  importance: Level | null;
}

export interface ResponseScore {
  areas: AreaScore[];
  /** Mean of the area scores that exist, or null when none does. */
  overall: number | null;
  /** Statements rated with a level, over all relevant statements. */
  coverage: number | null;
  answered: number;
  total: number;
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

/** Scores one area from a list of statements and the answers given to them. */
export function scoreArea(
  areaId: string,
  statements: readonly Statement[],
  answers: Readonly<Record<string, Answer | undefined>>,
  importance: Level | null = null,
): AreaScore {
  // A running sum and count instead of a list of levels: this runs once per response and area.
  // Levels are whole numbers, so the sum is exact in any order.
  let levelSum = 0;
  let rated = 0;
  let dontKnow = 0;
  let notRelevant = 0;
  let unanswered = 0;
  for (const s of statements) {
    const value = answers[s.id]?.value;
    if (value === undefined) unanswered += 1;
    else if (value === 'dontKnow') dontKnow += 1;
    else if (value === 'notRelevant') notRelevant += 1;
    else if (isLevel(value)) {
      levelSum += value;
      rated += 1;
    } else unanswered += 1;
  }
  const meanLevel = rated === 0 ? null : levelSum / rated;
  const relevant = statements.length - notRelevant;
  return {
    areaId,
    score: meanLevel === null ? null : levelToScore(meanLevel),
    meanLevel,
    total: statements.length,
    rated,
    dontKnow,
    notRelevant,
    unanswered,
    coverage: relevant === 0 ? null : rated / relevant,
    importance,
  };
}

/** Scores a set of answers against a questionnaire, for a respondent with the given role. */
export function scoreAnswers(
  q: Questionnaire,
  role: Role,
  answers: Readonly<Record<string, Answer | undefined>>,
  importance: Readonly<Record<string, Level | undefined>> = {},
): ResponseScore {
  const statements = statementsForRole(q, role);
  const areas = q.areas.map((area) =>
    scoreArea(
      area.id,
      statements.filter((s) => s.area === area.id),
      answers,
      importance[area.id] ?? null,
    ),
  );
  const scored = areas.flatMap((a) => (a.score === null ? [] : [a.score]));
  const rated = areas.reduce((n, a) => n + a.rated, 0);
  const relevant = areas.reduce((n, a) => n + a.total - a.notRelevant, 0);
  const answered = areas.reduce((n, a) => n + a.total - a.unanswered, 0);
  return {
    areas,
    overall: mean(scored),
    coverage: relevant === 0 ? null : rated / relevant,
    answered,
    total: statements.length,
  };
}

export function scoreResponse(q: Questionnaire, response: Response): ResponseScore {
  return scoreAnswers(q, response.respondent.role, response.answers, response.importance);
}

export interface RankedArea {
  areaId: string;
  score: number;
}

/**
 * The strongest and weakest areas by score (areas without a score are left out).
 * Ties keep questionnaire order, so the result is stable.
 */
export function strongestAndWeakest(
  areas: readonly AreaScore[],
  count = 3,
): { strongest: RankedArea[]; weakest: RankedArea[] } {
  const scored = areas
    .map((a, index) => ({ areaId: a.areaId, score: a.score, index }))
    .filter((a): a is { areaId: string; score: number; index: number } => a.score !== null);
  const desc = [...scored].sort((a, b) => b.score - a.score || a.index - b.index);
  const asc = [...scored].sort((a, b) => a.score - b.score || a.index - b.index);
  // Never let one area count as both strong and weak.
  const n = Math.min(count, Math.floor(scored.length / 2));
  const strip = ({ areaId, score }: { areaId: string; score: number }) => ({ areaId, score });
  return { strongest: desc.slice(0, n).map(strip), weakest: asc.slice(0, n).map(strip) };
}

/** Areas rated most important (4 or 5), highest first; ties keep questionnaire order. */
export function mostImportant(
  areas: readonly AreaScore[],
  count = 3,
): { areaId: string; importance: Level }[] {
  return areas
    .map((a, index) => ({ areaId: a.areaId, importance: a.importance, index }))
    .filter(
      (a): a is { areaId: string; importance: Level; index: number } =>
        a.importance !== null && a.importance >= 4,
    )
    .sort((a, b) => b.importance - a.importance || a.index - b.index)
    .slice(0, count)
    .map(({ areaId, importance }) => ({ areaId, importance }));
}
