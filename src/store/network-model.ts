import { useShallow } from 'zustand/react/shallow';
import { createAggregator, type MunicipalityAggregate } from '../domain/scoring/aggregate';
import { anonymiseNames } from '../domain/comparison/anonymise';
import {
  aggregatesAt,
  gatheringsPresent,
  networkOverall,
  networkStats,
  type NetworkAreaStats,
  type SummaryStats,
} from '../domain/comparison/network-statistics';
import type { Questionnaire } from '../domain/questionnaire/schema';
import type { Action, AgreedResponse, Municipality, Response } from '../domain/core/types';
import { compareEdits, mergeById } from '../domain/core/records';
import {
  gatheringOfRecord,
  parseGatheringKey,
  sameGathering,
  showsPeriod,
  type GatheringId,
} from '../domain/core/gatherings';
import { withAgreedScores } from '../domain/priorities/consensus';
import { latestQuestionnaire } from '../lib/questionnaires';
import {
  createVersionAligner,
  type VersionAligner,
  type VersionDifference,
} from '../domain/comparison/versions';
import type { AddImportResult, NetworkAggregation, NetworkView } from './network-slice';
import { setAsideResponses, summariseSetAside } from '../domain/scoring/counted';
import { selectKnownQuestionnaires } from './selectors';
import { useAppStore, useAppStoreApi } from './store-context';
import type { AppState, AppStore } from './app-store';

export interface NetworkModel {
  questionnaire: Questionnaire;
  /** Every municipality and gathering. */
  all: MunicipalityAggregate[];
  /** The gatherings present (period and round), earliest first. */
  gatherings: GatheringId[];
  /** The chosen gathering: the view's, or the latest. */
  gathering: GatheringId | null;
  /**
   * More than one period is present: every view, report, export and picker that names a
   * gathering names its period too (domain/core/gatherings.ts, showsPeriod).
   */
  showPeriod: boolean;
  /** The chosen gathering only. */
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
  /** Municipalities whose numbers come from agreed answers at the chosen gathering. */
  agreedIn: Set<string>;
  /** Responses to other versions, compared only on statements with the same id. */
  versionDifferences: VersionDifference[];
}

const createNetworkAggregation = (): NetworkAggregation => ({
  aggregator: createAggregator(),
  align: createVersionAligner(),
});

/**
 * The store's NetworkAggregation, made on first use and kept by the store (store.own), so its
 * code loads with the network screens, not with the first screen.
 */
export function networkAggregation(store: AppStore): NetworkAggregation {
  return store.own(createNetworkAggregation);
}

/**
 * Remembers the last result and its arguments; the same arguments (by identity) give the same
 * result back without computing it again.
 */
function lastResult<A extends readonly unknown[], R>(
  compute: (...args: A) => R,
): (...args: A) => R {
  let last: { args: A; result: R } | null = null;
  return (...args) => {
    if (
      last !== null &&
      last.args.length === args.length &&
      last.args.every((arg, i) => Object.is(arg, args[i]))
    ) {
      return last.result;
    }
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

/** The User Timing entry for an aggregation: in DevTools' performance panel, and for the bench. */
export const AGGREGATION_MEASURE = 'naeringsspeilet:aggregation';

function markAggregation(start: number, responses: number): void {
  // Where User Timing is missing (older test DOMs), there is nothing to record.
  if (typeof performance.measure !== 'function') return;
  performance.measure(AGGREGATION_MEASURE, {
    start,
    end: performance.now(),
    detail: { responses },
  });
}

/**
 * A municipality's agreed answers at a gathering; the newest edit when there are two (one saved
 * before gatherings had periods, under an id without one, and one after).
 */
export function agreementAt(
  agreements: readonly AgreedResponse[],
  municipalityNumber: string,
  gathering: GatheringId,
): AgreedResponse | undefined {
  let found: AgreedResponse | undefined;
  for (const a of agreements) {
    if (a.municipality.number !== municipalityNumber) continue;
    if (!sameGathering(gatheringOfRecord(a, a.updatedAt), gathering)) continue;
    if (found === undefined || compareEdits(a, found) > 0) found = a;
  }
  return found;
}

/** What aggregating the network's responses gives (see createNetworkModel). */
interface Aggregated {
  questionnaire: Questionnaire;
  aligned: ReturnType<VersionAligner>;
  all: MunicipalityAggregate[];
}

/** The model from the aggregation and the rest of the inputs (see networkModel). */
function buildModel(
  aggregated: Aggregated,
  responses: Readonly<Record<string, Response>>,
  gatheringKey: string | null,
  anonymised: boolean,
  viewer: string | null,
  source: NetworkView['source'],
  importedActions: Readonly<Record<string, Action>>,
  ownActions: Readonly<Record<string, Action>>,
  importedAgreements: Readonly<Record<string, AgreedResponse>>,
  ownAgreements: Readonly<Record<string, AgreedResponse>>,
  salt: string,
): NetworkModel {
  const { questionnaire: q, aligned, all } = aggregated;
  const gatherings = gatheringsPresent(all);
  const wanted = gatheringKey === null ? null : parseGatheringKey(gatheringKey);
  const chosen =
    (wanted !== null ? gatherings.find((g) => sameGathering(g, wanted)) : undefined) ??
    gatherings.at(-1) ??
    null;
  const agreements = Object.values(
    mergeById(importedAgreements, Object.values(ownAgreements)).merged,
    // Agreed answers are kept by permanent statement id, like responses: one made for another
    // version of the questionnaire counts on the statements the versions share.
  ).filter((a) => a.questionnaire.id === q.id);
  const agreedIn = new Set<string>();
  let current = chosen === null ? [] : aggregatesAt(all, chosen);
  if (source === 'agreed' && chosen !== null) {
    current = current.map((agg) => {
      const agreed = agreementAt(agreements, agg.municipality.number, chosen);
      if (!agreed || Object.keys(agreed.agreed).length === 0) return agg;
      agreedIn.add(agg.municipality.number);
      return withAgreedScores(q, agg, agreed);
    });
  }
  const municipalities = [
    ...new Map(all.map((a) => [a.municipality.number, a.municipality])).values(),
  ].sort((a, b) => a.number.localeCompare(b.number));
  const letters = anonymised
    ? anonymiseNames(
        municipalities.map((m) => m.number),
        viewer ?? undefined,
        { salt },
      )
    : new Map<string, string>();
  return {
    questionnaire: q,
    all,
    gatherings,
    gathering: chosen,
    showPeriod: showsPeriod(gatherings),
    current,
    stats: networkStats(q, current),
    overall: networkOverall(current),
    municipalities,
    anonymised,
    viewer,
    letters,
    hasDemo: all.some((a) => a.demo),
    responseCount: Object.keys(responses).length,
    actions: Object.values(mergeById(importedActions, Object.values(ownActions)).merged),
    agreements,
    source,
    agreedIn,
    versionDifferences: aligned.differences,
  };
}

/** What the network model is built from: parts of the store's state. */
export interface NetworkModelInputs {
  /** The store's aggregation (networkAggregation), which keeps work between calls. */
  aggregation: NetworkAggregation;
  responses: Readonly<Record<string, Response>>;
  customQuestionnaires: readonly Questionnaire[];
  view: NetworkView;
  importedActions: Readonly<Record<string, Action>>;
  ownActions: Readonly<Record<string, Action>>;
  importedAgreements: Readonly<Record<string, AgreedResponse>>;
  ownAgreements: Readonly<Record<string, AgreedResponse>>;
  /** The network's anonymisation salt (NetworkData.salt). */
  salt: string;
}

/**
 * The network model's caches, which the store owns (store.own): each remembers its last result.
 * The expensive part, the aggregation, is keyed by what it reads: the store's aggregation, its
 * response record and custom questionnaires. They are replaced, never edited, when they change,
 * so the same objects mean the same data. Kept outside React: useMemo starts empty on every
 * mount, and each visit to a network screen (or the presentation or report) is a new mount,
 * which would aggregate the whole network again.
 */
function createNetworkModel(): (inputs: NetworkModelInputs) => NetworkModel {
  const aggregate = lastResult(
    (
      { aggregator, align }: NetworkAggregation,
      responses: Readonly<Record<string, Response>>,
      custom: readonly Questionnaire[],
    ): Aggregated => {
      const start = performance.now();
      const known = selectKnownQuestionnaires({ customQuestionnaires: custom });
      const questionnaire = latestQuestionnaire(known);
      const aligned = align(questionnaire, Object.values(responses), known);
      const all = aggregator.aggregate(questionnaire, aligned.responses);
      markAggregation(start, aligned.responses.length);
      return { questionnaire, aligned, all };
    },
  );
  const build = lastResult(buildModel);
  return (inputs) => {
    const { view } = inputs;
    return build(
      aggregate(inputs.aggregation, inputs.responses, inputs.customQuestionnaires),
      inputs.responses,
      view.gathering,
      view.anonymised,
      view.viewer,
      view.source,
      inputs.importedActions,
      inputs.ownActions,
      inputs.importedAgreements,
      inputs.ownAgreements,
      inputs.salt,
    );
  };
}

/**
 * The network model for these inputs, from this store's caches. Computed again only for inputs
 * that changed: the same objects as last time give the same model object, and a change to the
 * view, actions or agreements alone does not aggregate the responses again.
 */
export function networkModel(store: AppStore, inputs: NetworkModelInputs): NetworkModel {
  return store.own(createNetworkModel)(inputs);
}

/** Everything the network screens show, derived from the imported responses. Never stored. */
export function useNetworkModel(): NetworkModel {
  const store = useAppStoreApi();
  const aggregation = networkAggregation(store);
  const responses = useAppStore((s) => s.network.responses);
  const importedActions = useAppStore((s) => s.network.actions);
  const ownActions = useAppStore((s) => s.actions);
  const importedAgreements = useAppStore((s) => s.network.agreements);
  const ownAgreements = useAppStore((s) => s.agreements);
  const view = useAppStore(useShallow((s) => s.networkView));
  const customQuestionnaires = useAppStore((s) => s.customQuestionnaires);
  const salt = useAppStore((s) => s.network.salt);
  return networkModel(store, {
    aggregation,
    responses,
    customQuestionnaires,
    view,
    importedActions,
    ownActions,
    importedAgreements,
    ownAgreements,
    salt,
  });
}

/**
 * Adds imports to the network (the network slice's addImports) and tells per import what
 * aggregation will set aside now that the batch is held: older responses by a respondent of the
 * import who has a newer one at the same gathering (setAsideResponses), worked out from every
 * response of the municipalities the batch touches. Here, with the network screens, so that the
 * store's code on the first screen does not carry aggregation's rules.
 */
export function addImportsToNetwork(
  store: AppStore,
  batch: Parameters<AppState['addImports']>[0],
): AddImportResult[] {
  const counts = store.getState().addImports(batch);
  const touched = new Set(batch.flatMap((e) => e.responses.map((r) => r.municipality.number)));
  const setAside =
    touched.size === 0
      ? []
      : setAsideResponses(
          Object.values(store.getState().network.responses).filter((r) =>
            touched.has(r.municipality.number),
          ),
        );
  return counts.map((c, i) => ({
    ...c,
    setAside: setAside.length === 0 ? [] : summariseSetAside(setAside, batch[i]!.responses),
  }));
}
