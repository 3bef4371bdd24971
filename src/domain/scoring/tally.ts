import { isLevel, type Answer } from '../core/types';
import type { Questionnaire, Statement } from '../questionnaire/schema';
import type { AreaScore } from './scoring';

/**
 * The one core that turns answers into scores, for a single response (scoring.ts) and for the
 * network (aggregate.ts) alike. A set of answers is first reduced to a TALLY: a few numbers per
 * area. Scores and coverage are then read from the tally, always by the functions below:
 *
 * - a level 1–5 adds to the sum and counts as rated;
 * - "not relevant" takes the statement out of those that apply;
 * - "don't know" is counted; it applies but is not rated;
 * - anything else (no value yet, or an unknown value) counts only as applying, unanswered;
 * - score = levelToScore(sum / rated) when rated > 0, else null;
 * - coverage = rated / relevant when relevant > 0, else null.
 *
 * A tally is a flat array of numbers, TALLY per area, so the network can keep one per response
 * (tens of thousands at national scale) without an object per area.
 */

// The layout is private to this module: other modules read a tally through the functions below.

/** Numbers per area in a tally, at TALLY * areaIndex + one of the offsets below. */
const TALLY = 5;
/** Sum of the levels given. */
const SUM = 0;
/** Statements rated with a level. */
const RATED = 1;
/** Statements that apply, less those marked "not relevant". */
const RELEVANT = 2;
/** The importance given to the area, 1–5, or NaN for none. */
const IMPORTANCE = 3;
/** Statements answered "don't know". */
const DONT_KNOW = 4;

/** Where the numbers of the area at `areaIndex` start in a tally. */
export function areaAt(areaIndex: number): number {
  return TALLY * areaIndex;
}

/** The importance given to the area, 1–5, or NaN for none. */
export function tallyImportance(tally: readonly number[], at: number): number {
  return tally[at + IMPORTANCE]!;
}

/** Converts a mean level (1–5) into a score (0–100). */
export function levelToScore(meanLevel: number): number {
  return ((meanLevel - 1) / 4) * 100;
}

/** The area's mean level, 1–5, or null when nothing was rated. */
export function tallyMeanLevel(tally: readonly number[], at: number): number | null {
  const rated = tally[at + RATED]!;
  return rated === 0 ? null : tally[at + SUM]! / rated;
}

/** The area's score, 0–100, or null when nothing was rated. */
export function tallyScore(tally: readonly number[], at: number): number | null {
  const rated = tally[at + RATED]!;
  return rated === 0 ? null : levelToScore(tally[at + SUM]! / rated);
}

/** Rated over relevant statements, 0–1, or null when every statement is "not relevant". */
export function tallyCoverage(tally: readonly number[], at: number): number | null {
  const relevant = tally[at + RELEVANT]!;
  return relevant === 0 ? null : tally[at + RATED]! / relevant;
}

/** What scoring needs to know about a questionnaire for one set of statements (a role's). */
export interface StatementPlan {
  /** The statements, per area in questionnaire order (file order within an area). */
  byArea: Statement[][];
  /** Area index of each statement, by statement id. */
  areaOf: Map<string, number>;
  /** How many statements each area has. */
  total: number[];
}

/** The plan for these statements of `q` (a role's, as statementsForRole gives them). */
export function statementPlan(q: Questionnaire, statements: readonly Statement[]): StatementPlan {
  const byArea = q.areas.map((area) => statements.filter((s) => s.area === area.id));
  const areaOf = new Map<string, number>();
  byArea.forEach((list, i) => {
    for (const s of list) areaOf.set(s.id, i);
  });
  return { byArea, areaOf, total: byArea.map((list) => list.length) };
}

/**
 * Tallies a set of answers against a plan, area by area (see the rules above).
 *
 * The answers are walked with for…in, not looked up by statement id: answers objects come in
 * thousands of hidden classes (each set and order of keys is one), so ~47 lookups by name per
 * response miss V8's inline caches; that took twice as long on fresh responses. for…in reads
 * each value through the object's own enumeration cache, with no arrays of keys and values
 * made per response (Object.keys and Object.values, as before, were about 5–10 % slower on
 * never-tallied responses at national scale). Answers are plain records (validated data), so
 * nothing enumerable is inherited. An answer to a statement outside the plan (not asked of this
 * role) is passed over.
 */
export function tallyAnswers(
  plan: StatementPlan,
  areaIds: readonly string[],
  answers: Readonly<Record<string, Answer | undefined>>,
  importance: Readonly<Record<string, number | undefined>>,
): number[] {
  const { areaOf, total } = plan;
  const out = new Array<number>(total.length * TALLY);
  for (let i = 0; i < total.length; i += 1) {
    const at = TALLY * i;
    out[at + SUM] = 0;
    out[at + RATED] = 0;
    out[at + RELEVANT] = total[i]!;
    out[at + IMPORTANCE] = importance[areaIds[i]!] ?? NaN;
    out[at + DONT_KNOW] = 0;
  }
  for (const id in answers) {
    const i = areaOf.get(id);
    if (i === undefined) continue;
    // The rule (see the top of this file). Levels first: most answers are one.
    const value = answers[id]?.value;
    const at = TALLY * i;
    if (isLevel(value)) {
      out[at + SUM]! += value;
      out[at + RATED]! += 1;
    } else if (value === 'notRelevant') out[at + RELEVANT]! -= 1;
    else if (value === 'dontKnow') out[at + DONT_KNOW]! += 1;
  }
  return out;
}

/** An area's score from its tally, with the counts the results screen shows. */
export function areaScoreFromTally(
  areaId: string,
  tally: readonly number[],
  at: number,
  total: number,
): AreaScore {
  const rated = tally[at + RATED]!;
  const dontKnow = tally[at + DONT_KNOW]!;
  const notRelevant = total - tally[at + RELEVANT]!;
  const importance = tally[at + IMPORTANCE]!;
  return {
    areaId,
    score: tallyScore(tally, at),
    meanLevel: tallyMeanLevel(tally, at),
    total,
    rated,
    dontKnow,
    notRelevant,
    unanswered: total - rated - dontKnow - notRelevant,
    coverage: tallyCoverage(tally, at),
    importance: isLevel(importance) ? importance : null,
  };
}
