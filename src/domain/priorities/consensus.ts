import { LEVELS, isLevel, type AgreedResponse, type Answer, type Level } from '../core/types';
import { mean } from '../core/statistics';
import type { Questionnaire } from '../questionnaire/schema';
import type { MunicipalityAggregate } from '../scoring/aggregate';
import { scoreArea } from '../scoring/scoring';
import { agreedAnswers } from './agreed-response';

/**
 * Consensus: how a delegation's answers to each statement spread, and the municipality's agreed
 * response that its coordinator records from them (agreed-response.ts). The agreed response can
 * be scored like any response (`agreedAnswers` + scoring's `scoreAnswers`).
 */

/** Levels that span this many steps or more (e.g. 2 and 5) count as disagreement. */
export const DISAGREEMENT_STEPS = 3;

export interface StatementDistribution {
  statementId: string;
  /** How many answered each level 1–5. */
  counts: Record<Level, number>;
  dontKnow: number;
  notRelevant: number;
  /** Respondents who answered the statement at all: levels + dontKnow + notRelevant. */
  n: number;
  /** Respondents who answered with a level. */
  rated: number;
  /** Mean level 1–5 of those who answered with a level, or null. */
  mean: number | null;
  /** Lowest and highest level given, or null without any level. */
  min: Level | null;
  max: Level | null;
  /** True when max − min ≥ DISAGREEMENT_STEPS: worth talking about before agreeing. */
  disagreement: boolean;
}

/** Anything with an answers map: a Response, or a test double. */
export interface HasAnswers {
  answers: Readonly<Record<string, Answer | undefined>>;
}

function emptyCounts(): Record<Level, number> {
  return { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
}

/** The spread of one statement's answers across a delegation's responses. */
export function statementDistribution(
  statementId: string,
  responses: readonly HasAnswers[],
): StatementDistribution {
  const counts = emptyCounts();
  let dontKnow = 0;
  let notRelevant = 0;
  for (const response of responses) {
    if (!Object.hasOwn(response.answers, statementId)) continue;
    const value = response.answers[statementId]?.value;
    if (value === 'dontKnow') dontKnow += 1;
    else if (value === 'notRelevant') notRelevant += 1;
    else if (isLevel(value)) counts[value] += 1;
  }
  let rated = 0;
  let sum = 0;
  let min: Level | null = null;
  let max: Level | null = null;
  for (const level of LEVELS) {
    const c = counts[level];
    if (c === 0) continue;
    rated += c;
    sum += c * level;
    min ??= level;
    max = level;
  }
  return {
    statementId,
    counts,
    dontKnow,
    notRelevant,
    n: rated + dontKnow + notRelevant,
    rated,
    mean: rated === 0 ? null : sum / rated,
    min,
    max,
    disagreement: min !== null && max !== null && max - min >= DISAGREEMENT_STEPS,
  };
}

/** The distribution of every statement, in the order given (questionnaire order). */
export function delegationDistributions(
  statementIds: readonly string[],
  responses: readonly HasAnswers[],
): StatementDistribution[] {
  return statementIds.map((id) => statementDistribution(id, responses));
}

/**
 * A municipality's aggregate with each area's score taken from its agreed answers (all
 * statements of the area, whatever the role), where the area has any agreed level; the overall
 * score is then the mean of the area scores, as for any aggregate. Spread, band and disagreement
 * do not apply to one agreed answer and are cleared on the areas it scores.
 */
export function withAgreedScores(
  q: Questionnaire,
  aggregate: MunicipalityAggregate,
  agreed: AgreedResponse,
): MunicipalityAggregate {
  const answers = agreedAnswers(agreed);
  const areas = aggregate.areas.map((a) => {
    const score = scoreArea(
      a.areaId,
      q.statements.filter((s) => s.area === a.areaId),
      answers,
    ).score;
    return score === null
      ? a
      : { ...a, mean: score, sd: null, min: null, max: null, disagreement: false };
  });
  return {
    ...aggregate,
    areas,
    overall: mean(areas.flatMap((a) => (a.mean === null ? [] : [a.mean]))),
  };
}
