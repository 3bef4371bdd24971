import { useMemo } from 'react';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { scoreResponse, type ResponseScore } from '../domain/scoring/scoring';
import type { Response } from '../domain/core/types';
import { useActiveResponse, type ActiveResponse } from './selectors';

/*
 * The scores of a response, for the questionnaire, review and results screens: apart from
 * selectors.ts so that the start screen, which reads the store, does not carry the scoring.
 */

/** Scores are derived, never stored. */
export function useResponseScore(active: ActiveResponse | null): ResponseScore | null {
  return useMemo(() => (active ? cachedScore(active) : null), [active]);
}

/** Scores of the active response; null when there is none. */
export function useActiveScore(): ResponseScore | null {
  return useResponseScore(useActiveResponse());
}

// Responses are immutable: one score per response object, shared by every component that
// shows a part of it (progress, area list) after an answer.
const scores = new WeakMap<Response, { questionnaire: Questionnaire; score: ResponseScore }>();

function cachedScore({ response, questionnaire }: ActiveResponse): ResponseScore {
  const cached = scores.get(response);
  if (cached?.questionnaire === questionnaire) return cached.score;
  const score = scoreResponse(questionnaire, response);
  scores.set(response, { questionnaire, score });
  return score;
}
