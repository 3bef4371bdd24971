import type { StoreApi } from 'zustand/vanilla';
import { type ImportError } from '../domain/files/import';
import type { Action, AgreedResponse, GatheringRound, Response } from '../domain/core/types';
import { newId } from '../lib/id';
import { emptyNetworkData, type ImportedSource, type NetworkData } from '../lib/network-storage';
import { mergeInto, type MergeCounts } from '../domain/core/records';
import type { VersionAligner } from '../domain/comparison/versions';
import type { Aggregator } from '../domain/scoring/aggregate';
import {
  setAsideResponses,
  summariseSetAside,
  type SetAsideSummary,
} from '../domain/scoring/counted';

export interface NetworkView {
  round: GatheringRound | null;
  /** Replace other municipalities' names with stable letters. */
  anonymised: boolean;
  /** The viewer's own municipality, which stays named. */
  viewer: string | null;
  /** Show the mean of the respondents, or the municipality's agreed answers where it has them. */
  source: 'mean' | 'agreed';
}

export interface AddImportResult {
  responses: MergeCounts;
  actions: MergeCounts;
  /**
   * Responses that aggregation sets aside, once this import is held: older responses by a
   * respondent of this import who has a newer one at the same gathering (setAsideResponses).
   */
  setAside: SetAsideSummary[];
}

/** What happened to one file in an import, for the per-file result list. */
export type ImportReport =
  | {
      fileName: string;
      ok: true;
      responses: number;
      actions: number;
      municipalities: string[];
      counts: AddImportResult;
    }
  | { fileName: string; ok: false; error: ImportError };

/**
 * The network's aggregation, with the work it keeps from one call to the next (see
 * domain/scoring/aggregate.ts and domain/comparison/versions.ts): every screen, the report and
 * the import share it, so nothing is aggregated twice.
 */
export interface NetworkAggregation {
  aggregator: Aggregator;
  align: VersionAligner;
}

/**
 * Where each store keeps its NetworkAggregation. It is made on first use, by networkAggregation
 * (store/network-model.ts), so its code loads with the network screens and not with the first
 * screen. Never persisted.
 */
export interface AggregationHolder {
  current: NetworkAggregation | null;
}

export interface NetworkSlice {
  aggregation: AggregationHolder;
  /** The latest import's per-file results; kept in memory so every view can show them. */
  lastImport: ImportReport[] | null;
  setLastImport: (reports: ImportReport[] | null) => void;
  network: NetworkData;
  networkReady: boolean;
  networkView: NetworkView;
  hydrateNetwork: (data: NetworkData | null) => void;
  addImport: (
    source: { fileName: string; kind: ImportedSource['kind'] },
    responses: readonly Response[],
    actions: readonly Action[],
    agreements?: readonly AgreedResponse[],
  ) => AddImportResult;
  /** Adds many imports at once; the counts come back in the same order. */
  addImports: (
    batch: readonly {
      source: { fileName: string; kind: ImportedSource['kind'] };
      responses: readonly Response[];
      actions: readonly Action[];
      agreements?: readonly AgreedResponse[];
    }[],
  ) => AddImportResult[];
  removeSource: (sourceId: string) => void;
  removeMunicipality: (number: string) => void;
  clearNetwork: () => void;
  setNetworkView: (view: Partial<NetworkView>) => void;
}

export const initialNetworkView = (): NetworkView => ({
  round: null,
  anonymised: false,
  viewer: null,
  source: 'mean',
});

type Set = StoreApi<NetworkSlice>['setState'];
type Get = StoreApi<NetworkSlice>['getState'];

/** Drops responses and actions that no remaining source refers to. */
function prune(data: NetworkData): NetworkData {
  const keepResponses = new Set(data.sources.flatMap((s) => s.responseIds));
  const keepActions = new Set(data.sources.flatMap((s) => s.actionIds));
  const keepAgreements = new Set(data.sources.flatMap((s) => s.agreementIds ?? []));
  return {
    sources: data.sources,
    salt: data.salt,
    agreements: Object.fromEntries(
      Object.entries(data.agreements).filter(([id]) => keepAgreements.has(id)),
    ),
    responses: Object.fromEntries(
      Object.entries(data.responses).filter(([id]) => keepResponses.has(id)),
    ),
    actions: Object.fromEntries(Object.entries(data.actions).filter(([id]) => keepActions.has(id))),
  };
}

export function createNetworkSlice(set: Set, get: Get, now: () => string): NetworkSlice {
  return {
    aggregation: { current: null },
    network: emptyNetworkData(),
    networkReady: false,
    lastImport: null,
    setLastImport: (lastImport) => set({ lastImport }),
    networkView: initialNetworkView(),
    hydrateNetwork(data) {
      set({ network: data ?? emptyNetworkData(), networkReady: true });
    },
    addImport(source, responses, actions, agreements = []) {
      return get().addImports([{ source, responses, actions, agreements }])[0]!;
    },
    addImports(batch) {
      // One pass over mutable maps and one state update for the whole batch: importing the
      // files of a whole country stays linear instead of copying everything once per file.
      const { network } = get();
      const responses = new Map(Object.entries(network.responses));
      const actions = new Map(Object.entries(network.actions));
      const agreements = new Map(Object.entries(network.agreements));
      const sources = [...network.sources];
      const results = batch.map((entry) => {
        const responseCounts = mergeInto(responses, entry.responses);
        const actionCounts = mergeInto(actions, entry.actions);
        mergeInto(agreements, entry.agreements ?? []);
        sources.push({
          id: newId(),
          fileName: entry.source.fileName,
          importedAt: now(),
          kind: entry.source.kind,
          responseIds: [...new Set(entry.responses.map((x) => x.id))],
          actionIds: [...new Set(entry.actions.map((x) => x.id))],
          agreementIds: [...new Set((entry.agreements ?? []).map((x) => x.id))],
        });
        return { responses: responseCounts, actions: actionCounts };
      });
      // What aggregation will set aside, now that the batch is held: worked out from every
      // response of the municipalities the batch touches, then told per import.
      const touched = new Set(batch.flatMap((e) => e.responses.map((r) => r.municipality.number)));
      const setAside =
        touched.size === 0
          ? []
          : setAsideResponses(
              [...responses.values()].filter((r) => touched.has(r.municipality.number)),
            );
      const withSetAside = results.map((counts, i) => ({
        ...counts,
        setAside: setAside.length === 0 ? [] : summariseSetAside(setAside, batch[i]!.responses),
      }));
      set({
        network: {
          sources,
          salt: network.salt,
          responses: Object.fromEntries(responses),
          actions: Object.fromEntries(actions),
          agreements: Object.fromEntries(agreements),
        },
      });
      return withSetAside;
    },
    removeSource(sourceId) {
      const { network } = get();
      set({
        network: prune({ ...network, sources: network.sources.filter((s) => s.id !== sourceId) }),
      });
    },
    removeMunicipality(number) {
      const { network } = get();
      const responseIds = new Set(
        Object.values(network.responses)
          .filter((r) => r.municipality.number === number)
          .map((r) => r.id),
      );
      const actionIds = new Set(
        Object.values(network.actions)
          .filter((a) => a.municipality.number === number)
          .map((a) => a.id),
      );
      const agreementIds = new Set(
        Object.values(network.agreements)
          .filter((a) => a.municipality.number === number)
          .map((a) => a.id),
      );
      const sources = network.sources
        .map((s) => ({
          ...s,
          responseIds: s.responseIds.filter((id) => !responseIds.has(id)),
          actionIds: s.actionIds.filter((id) => !actionIds.has(id)),
          agreementIds: (s.agreementIds ?? []).filter((id) => !agreementIds.has(id)),
        }))
        .filter(
          (s) => s.responseIds.length > 0 || s.actionIds.length > 0 || s.agreementIds.length > 0,
        );
      set({ network: prune({ ...network, sources }) });
    },
    clearNetwork() {
      // The salt stays: the same municipalities get the same letters when files come back.
      set({ network: emptyNetworkData(get().network.salt) });
    },
    setNetworkView(view) {
      set({ networkView: { ...get().networkView, ...view } });
    },
  };
}
