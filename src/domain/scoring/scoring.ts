import type { Questionnaire, Statement } from '../questionnaire/schema';
import { statementsForRole } from '../questionnaire/model';
import { areaAt, areaScoreFromTally, statementPlan, tallyAnswers } from './tally';
import { mean } from '../core/statistics';
import type { Answer, Level, Response, Role } from '../core/types';

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

/** Scores one area from a list of statements and the answers given to them. */
export function scoreArea(
  areaId: string,
  statements: readonly Statement[],
  answers: Readonly<Record<string, Answer | undefined>>,
  importance: Level | null = null,
): AreaScore {
  const plan = {
    byArea: [statements.slice()],
    areaOf: new Map(statements.map((s) => [s.id, 0])),
    total: [statements.length],
  };
  const tally = tallyAnswers(plan, [areaId], answers, { [areaId]: importance ?? undefined });
  return areaScoreFromTally(areaId, tally, 0, statements.length);
}

/** Scores a set of answers against a questionnaire, for a respondent with the given role. */
export function scoreAnswers(
  q: Questionnaire,
  role: Role,
  answers: Readonly<Record<string, Answer | undefined>>,
  importance: Readonly<Record<string, Level | undefined>> = {},
): ResponseScore {
  const statements = statementsForRole(q, role);
  const plan = statementPlan(q, statements);
  const areaIds = q.areas.map((a) => a.id);
  const tally = tallyAnswers(plan, areaIds, answers, importance);
  const areas = areaIds.map((id, i) => areaScoreFromTally(id, tally, areaAt(i), plan.total[i]!));
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
  /** The exact score; the screen shows it to the whole point. */
  score: number;
  /**
   * Place in its list, from 1: the strongest first in `strongest`, the weakest first in
   * `weakest`. Tied areas share a place and the next place skips (1, 2, 2, 2, 5).
   */
  rank: number;
  /** The area shares its place with at least one other area in the same list. */
  tied: boolean;
}

/** Areas tied at a list's cut and left out of it, whole: they would make the list too long. */
export interface TiedGroup {
  /** The place they would share in the list. */
  rank: number;
  /** Their score, to the whole point (as shown; that is what they are tied on). */
  score: number;
  count: number;
}

export interface StrongestAndWeakest {
  strongest: RankedArea[];
  weakest: RankedArea[];
  /** Set when `strongest` stops short because of a tie; see strongestAndWeakest. */
  strongestLeftOut: TiedGroup | null;
  weakestLeftOut: TiedGroup | null;
  /**
   * Set when two or more areas have a score and all of them are equal: then nothing is stronger
   * or weaker than anything else, and both lists are empty.
   */
  allEqual: { score: number; count: number } | null;
}

interface Scored {
  areaId: string;
  score: number;
  /** The score to the whole point: areas with the same `shown` are tied. */
  shown: number;
  index: number;
}

/** Consecutive runs of equal `shown` in a sorted list. */
function tieGroups(sorted: readonly Scored[]): Scored[][] {
  const groups: Scored[][] = [];
  for (const area of sorted) {
    const last = groups.at(-1);
    if (last && last[0]!.shown === area.shown) last.push(area);
    else groups.push([area]);
  }
  return groups;
}

/**
 * The strongest and weakest areas by score, for a delegation to read at a glance. Areas without
 * a score are left out. The rule, so that no area is in both lists and a tie is shown as a tie:
 *
 * 1. Scores are compared as the screen shows them, to the whole point: 62.4 and 61.6 both show
 *    as 62 and are tied. (Ranking one «62» above another would mislead.)
 * 2. Fewer than two areas with a score: both lists are empty (too few to compare).
 * 3. Two or more, all with the same score: both lists are empty and `allEqual` says so. No area
 *    is stronger or weaker than another, so none is listed as such.
 * 4. Otherwise each list aims at `count` areas, but never more than half of the scored areas
 *    (rounded down). It takes tied groups whole, from the top (strongest) or the bottom
 *    (weakest), until it reaches that aim. A tied group that straddles the aim is included whole
 *    if the list then holds at most `count + 1` areas and still no more than half; if not, it is
 *    left out whole, the list stops short, and `strongestLeftOut` / `weakestLeftOut` tells the
 *    screen how many areas share that place, at which score, so it can say so.
 * 5. Tied areas share a place (`rank`) and are marked `tied`; within a tie they keep
 *    questionnaire order, so the result is stable.
 *
 * Why no area can be in both lists: each list holds whole tied groups and at most half of the
 * scored areas, so a group in both would make the two lists together cover more areas than
 * there are. And as groups are never split, an area in one list is never tied with one in the
 * other: every strongest area scores strictly above every weakest one.
 */
export function strongestAndWeakest(areas: readonly AreaScore[], count = 3): StrongestAndWeakest {
  const scored: Scored[] = areas.flatMap((a, index) =>
    a.score === null
      ? []
      : [{ areaId: a.areaId, score: a.score, shown: Math.round(a.score), index }],
  );
  const none = { strongest: [], weakest: [], strongestLeftOut: null, weakestLeftOut: null };
  const first = scored[0];
  if (first && scored.length >= 2 && scored.every((a) => a.shown === first.shown)) {
    return { ...none, allEqual: { score: first.shown, count: scored.length } };
  }
  const half = Math.floor(scored.length / 2);
  const aim = Math.min(count, half);
  const longest = Math.min(count + 1, half);

  const pick = (sorted: Scored[]): { list: RankedArea[]; leftOut: TiedGroup | null } => {
    const list: RankedArea[] = [];
    for (const group of tieGroups(sorted)) {
      if (list.length >= aim) break;
      const rank = list.length + 1;
      if (list.length + group.length > longest) {
        return { list, leftOut: { rank, score: group[0]!.shown, count: group.length } };
      }
      const tied = group.length > 1;
      for (const { areaId, score } of group) list.push({ areaId, score, rank, tied });
    }
    return { list, leftOut: null };
  };

  const strongest = pick([...scored].sort((a, b) => b.shown - a.shown || a.index - b.index));
  const weakest = pick([...scored].sort((a, b) => a.shown - b.shown || a.index - b.index));
  return {
    strongest: strongest.list,
    weakest: weakest.list,
    strongestLeftOut: strongest.leftOut,
    weakestLeftOut: weakest.leftOut,
    allEqual: null,
  };
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
