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
import { mergeImportedActions, mergeImportedAgreements } from '../domain/files/import';
import { agreedAnswers, type AgreedResponse } from '../domain/priorities/consensus';
import { scoreArea } from '../domain/scoring/scoring';
import { allQuestionnaires, latestQuestionnaire } from '../lib/questionnaires';
import { alignVersions, type VersionDifference } from '../domain/comparison/versions';
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
  /** Agreed responses (imported and this device's), keyed by id. */
  agreements: AgreedResponse[];
  /** What the numbers show: the respondents' mean, or agreed answers where they exist. */
  source: 'mean' | 'agreed';
  /** Municipalities whose numbers come from agreed answers in the chosen round. */
  agreedIn: Set<string>;
  /** Responses to other versions, compared only on statements with the same id. */
  versionDifferences: VersionDifference[];
}

/** Everything the network screens show, derived from the imported responses. Never stored. */
export function useNetworkModel(): NetworkModel {
  const responses = useAppStore((s) => s.network.responses);
  const importedActions = useAppStore((s) => s.network.actions);
  const ownActions = useAppStore((s) => s.actions);
  const importedAgreements = useAppStore((s) => s.network.agreements);
  const ownAgreements = useAppStore((s) => s.agreements);
  const view = useAppStore(useShallow((s) => s.networkView));
  const custom = useAppStore((s) => s.customQuestionnaires);
  const q = useMemo(() => latestQuestionnaire([...allQuestionnaires(), ...custom]), [custom]);
  const aligned = useMemo(
    () => alignVersions(q, Object.values(responses), [...allQuestionnaires(), ...custom]),
    [q, responses, custom],
  );
  const all = useMemo(() => aggregateResponses(q, aligned.responses), [q, aligned]);
  return useMemo(() => {
    const rounds = roundsPresent(all);
    const round =
      view.round !== null && rounds.includes(view.round) ? view.round : (rounds.at(-1) ?? null);
    const agreements = Object.values(
      mergeImportedAgreements(importedAgreements, Object.values(ownAgreements)).agreements,
    ).filter((a) => a.questionnaire.id === q.id && a.questionnaire.version === q.version);
    const agreedIn = new Set<string>();
    let current = round === null ? [] : aggregatesForRound(all, round);
    if (view.source === 'agreed' && round !== null) {
      current = current.map((agg) => {
        const agreed = agreements.find(
          (a) => a.municipality.number === agg.municipality.number && a.round === round,
        );
        if (!agreed || Object.keys(agreed.agreed).length === 0) return agg;
        agreedIn.add(agg.municipality.number);
        return withAgreedScores(q, agg, agreed);
      });
    }
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
      agreements,
      source: view.source,
      agreedIn,
      versionDifferences: aligned.differences,
    };
  }, [
    all,
    q,
    responses,
    view,
    importedActions,
    ownActions,
    importedAgreements,
    ownAgreements,
    aligned,
  ]);
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

/**
 * A municipality's aggregate with each area's score taken from its agreed answers (all
 * statements of the area, whatever the role), where the area has any agreed level.
 */
function withAgreedScores(
  q: Questionnaire,
  agg: MunicipalityAggregate,
  agreed: AgreedResponse,
): MunicipalityAggregate {
  const answers = agreedAnswers(agreed);
  const areas = agg.areas.map((a) => {
    const score = scoreArea(
      a.areaId,
      q.statements.filter((s) => s.area === a.areaId),
      answers,
    ).score;
    return score === null
      ? a
      : { ...a, mean: score, sd: null, min: null, max: null, disagreement: false };
  });
  const scored = areas.flatMap((a) => (a.mean === null ? [] : [a.mean]));
  return {
    ...agg,
    areas,
    overall: scored.length === 0 ? null : scored.reduce((x, y) => x + y, 0) / scored.length,
  };
}
