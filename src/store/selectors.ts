import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Questionnaire } from '../domain/questionnaire/schema';
import type { Answer, Level, Response } from '../domain/core/types';
import { findQuestionnaire, knownQuestionnaires } from '../lib/questionnaires';
import type { AppState } from './app-store';
import { useAppStore } from './store-context';

export interface ActiveResponse {
  response: Response;
  questionnaire: Questionnaire;
}

// Memo cache (see src/architecture.test.ts, the allow-list): keyed by the store's list of
// custom questionnaires, which the settings slice replaces and never edits, so the same list
// always gives the same result object, and components that read it render again only when it
// changes.
const known = new WeakMap<readonly Questionnaire[], readonly Questionnaire[]>();

/**
 * Every questionnaire the app knows, bundled and loaded here, each id and version once
 * (lib/questionnaires.ts knownQuestionnaires). The one way to the list for lookups by id and
 * version (findQuestionnaire), the latest version (latestQuestionnaire) and the choices for a
 * new response (offeredQuestionnaires).
 */
export function selectKnownQuestionnaires(state: {
  customQuestionnaires: readonly Questionnaire[];
}): readonly Questionnaire[] {
  const custom = state.customQuestionnaires;
  let list = known.get(custom);
  if (list === undefined) {
    list = knownQuestionnaires(custom);
    known.set(custom, list);
  }
  return list;
}

const activeOf = (s: AppState): Response | undefined =>
  s.activeResponseId === null ? undefined : s.responses[s.activeResponseId];

/** The response being worked on, with its questionnaire; null when there is none. */
export function useActiveResponse(): ActiveResponse | null {
  const response = useAppStore(activeOf);
  const questionnaires = useAppStore(selectKnownQuestionnaires);
  return useMemo(() => {
    if (!response) return null;
    const { id, version } = response.questionnaire;
    const questionnaire = findQuestionnaire(questionnaires, id, version);
    return questionnaire ? { response, questionnaire } : null;
  }, [response, questionnaires]);
}

/** The parts of a response that answering a statement leaves as they are. */
export type ResponseHeader = Pick<
  Response,
  'id' | 'questionnaire' | 'municipality' | 'respondent' | 'gathering'
>;

export interface ActiveResponseHeader {
  header: ResponseHeader;
  questionnaire: Questionnaire;
}

/**
 * The active response without its answers and importance, with its questionnaire; null when
 * there is none. Setting an answer keeps these objects, so a component that reads only this
 * does not render again on each answer (the questionnaire page reads answers per statement).
 */
export function useActiveResponseHeader(): ActiveResponseHeader | null {
  const fields = useAppStore(
    useShallow((s) => {
      const r = activeOf(s);
      return r
        ? {
            id: r.id,
            questionnaire: r.questionnaire,
            municipality: r.municipality,
            respondent: r.respondent,
            gathering: r.gathering,
          }
        : null;
    }),
  );
  const questionnaires = useAppStore(selectKnownQuestionnaires);
  // useShallow keeps the previous object while its fields are the same objects.
  return useMemo(() => {
    if (!fields) return null;
    const { id, version } = fields.questionnaire;
    const questionnaire = findQuestionnaire(questionnaires, id, version);
    return questionnaire ? { header: fields, questionnaire } : null;
  }, [fields, questionnaires]);
}

/** One statement's answer in one response. */
export function useAnswer(responseId: string, statementId: string): Answer | undefined {
  return useAppStore((s) => s.responses[responseId]?.answers[statementId]);
}

/** One area's importance rating in one response. */
export function useImportance(responseId: string, areaId: string): Level | undefined {
  return useAppStore((s) => s.responses[responseId]?.importance[areaId]);
}
