import { useMemo } from 'react';
import type { Questionnaire } from '../domain/questionnaire/schema';
import { scoreResponse, type ResponseScore } from '../domain/scoring/scoring';
import type { Response } from '../domain/types';
import { findQuestionnaire } from '../lib/questionnaires';
import { useAppStore } from './store-context';

export interface ActiveResponse {
  response: Response;
  questionnaire: Questionnaire;
}

/** The response being worked on, with its questionnaire; null when there is none. */
export function useActiveResponse(): ActiveResponse | null {
  const response = useAppStore((s) =>
    s.activeResponseId === null ? undefined : s.responses[s.activeResponseId],
  );
  return useMemo(() => {
    if (!response) return null;
    const questionnaire = findQuestionnaire(
      response.questionnaire.id,
      response.questionnaire.version,
    );
    return questionnaire ? { response, questionnaire } : null;
  }, [response]);
}

/** Scores are derived, never stored. */
export function useResponseScore(active: ActiveResponse | null): ResponseScore | null {
  return useMemo(
    () => (active ? scoreResponse(active.questionnaire, active.response) : null),
    [active],
  );
}
