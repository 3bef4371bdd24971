import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { aggregateResponses, type MunicipalityAggregate } from '../domain/comparison/aggregate';
import { anonymiseNames } from '../domain/comparison/anonymise';
import {
  aggregatesForRound,
  networkOverall,
  networkStats,
  roundsPresent,
  type NetworkAreaStats,
  type SummaryStats,
} from '../domain/comparison/network';
import type { Questionnaire } from '../domain/questionnaire/schema';
import type { Action, GatheringRound, Municipality } from '../domain/types';
import { mergeImportedActions } from '../domain/files/import';
import { CURRENT_QUESTIONNAIRE } from '../lib/questionnaires';
import { useAppStore } from './store-context';

/** Fixed salt, so letters are stable between screens and machines but not in kommunenummer order. */
const ANONYMISE_SALT = 'laering-for-naering';

export interface NetworkModel {
  questionnaire: Questionnaire;
  /** Every municipality and round. */
  all: MunicipalityAggregate[];
  rounds: GatheringRound[];
  round: GatheringRound | null;
  /** The chosen round only. */
  current: MunicipalityAggregate[];
  stats: NetworkAreaStats[];
  overall: SummaryStats;
  municipalities: Municipality[];
  anonymised: boolean;
  viewer: string | null;
  /** Letter for each anonymised municipality; the viewer's own is absent. */
  letters: Map<string, string>;
  hasDemo: boolean;
  responseCount: number;
  /** Imported actions and this device's own; the newer edit of the same action wins. */
  actions: Action[];
}

/** Everything the network screens show, derived from the imported responses. Never stored. */
export function useNetworkModel(): NetworkModel {
  const responses = useAppStore((s) => s.network.responses);
  const importedActions = useAppStore((s) => s.network.actions);
  const ownActions = useAppStore((s) => s.actions);
  const view = useAppStore(useShallow((s) => s.networkView));
  const q = CURRENT_QUESTIONNAIRE;
  const all = useMemo(() => aggregateResponses(q, Object.values(responses)), [q, responses]);
  return useMemo(() => {
    const rounds = roundsPresent(all);
    const round =
      view.round !== null && rounds.includes(view.round) ? view.round : (rounds.at(-1) ?? null);
    const current = round === null ? [] : aggregatesForRound(all, round);
    const municipalities = [
      ...new Map(all.map((a) => [a.municipality.number, a.municipality])).values(),
    ].sort((a, b) => a.number.localeCompare(b.number));
    const letters = view.anonymised
      ? anonymiseNames(
          municipalities.map((m) => m.number),
          view.viewer ?? undefined,
          { salt: ANONYMISE_SALT },
        )
      : new Map<string, string>();
    return {
      questionnaire: q,
      all,
      rounds,
      round,
      current,
      stats: networkStats(q, current),
      overall: networkOverall(current),
      municipalities,
      anonymised: view.anonymised,
      viewer: view.viewer,
      letters,
      hasDemo: all.some((a) => a.demo),
      responseCount: Object.keys(responses).length,
      actions: Object.values(
        mergeImportedActions(importedActions, Object.values(ownActions)).actions,
      ),
    };
  }, [all, q, responses, view, importedActions, ownActions]);
}

/** The name to show: the real one, or "Kommune A" when names are hidden. */
export function municipalityLabel(
  model: Pick<NetworkModel, 'letters'>,
  m: Municipality,
  anonName: (letter: string) => string,
): string {
  const letter = model.letters.get(m.number);
  return letter === undefined ? m.name : anonName(letter);
}
