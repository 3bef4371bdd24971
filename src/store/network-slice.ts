import type { StoreApi } from 'zustand/vanilla';
import {
  mergeImported,
  mergeImportedActions,
  mergeImportedAgreements,
  type ImportError,
  type MergeCounts,
} from '../domain/files/import';
import type { Action, GatheringRound, Response } from '../domain/types';
import type { AgreedResponse } from '../domain/priorities/consensus';
import { newId } from '../lib/id';
import { emptyNetworkData, type ImportedSource, type NetworkData } from '../lib/network-storage';

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

export interface NetworkSlice {
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
    network: emptyNetworkData(),
    networkReady: false,
    lastImport: null,
    setLastImport: (lastImport) => set({ lastImport }),
    networkView: initialNetworkView(),
    hydrateNetwork(data) {
      set({ network: data ?? emptyNetworkData(), networkReady: true });
    },
    addImport(source, responses, actions, agreements = []) {
      const { network } = get();
      const r = mergeImported(network.responses, responses);
      const a = mergeImportedActions(network.actions, actions);
      const g = mergeImportedAgreements(network.agreements, agreements);
      const entry: ImportedSource = {
        id: newId(),
        fileName: source.fileName,
        importedAt: now(),
        kind: source.kind,
        responseIds: [...new Set(responses.map((x) => x.id))],
        actionIds: [...new Set(actions.map((x) => x.id))],
        agreementIds: [...new Set(agreements.map((x) => x.id))],
      };
      const { responses: mergedResponses, ...responseCounts } = r;
      const { actions: mergedActions, ...actionCounts } = a;
      set({
        network: {
          sources: [...network.sources, entry],
          responses: mergedResponses,
          actions: mergedActions,
          agreements: g.agreements,
        },
      });
      return { responses: responseCounts, actions: actionCounts };
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
      set({ network: emptyNetworkData() });
    },
    setNetworkView(view) {
      set({ networkView: { ...get().networkView, ...view } });
    },
  };
}
