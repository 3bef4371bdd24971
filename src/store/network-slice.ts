import type { ImportError } from '../domain/files/import';
import type { LinkError } from '../domain/files/result-link';
import type { Action, AgreedResponse, Response } from '../domain/core/types';
import { newId, newSalt } from '../lib/id';
import type { SliceCreator } from './slice';
import { mergeInto, type MergeCounts } from '../domain/core/records';
import type { VersionAligner } from '../domain/comparison/versions';
import type { Aggregator } from '../domain/scoring/aggregate';
import type { SetAsideSummary } from '../domain/scoring/counted';

/**
 * One imported file (or the demo network, or this device's own responses), with what it
 * brought: each id once, the newest copy in the file. Saved as a record of its own
 * (network-records.ts), so an import writes only what it adds and removing a file deletes only
 * its record.
 */
export interface ImportedSource {
  id: string;
  fileName: string;
  importedAt: string;
  kind: 'file' | 'demo' | 'device';
  responses: Record<string, Response>;
  actions: Record<string, Action>;
  agreements: Record<string, AgreedResponse>;
}

/**
 * The network's imported results. `sources` are the truth; `responses`, `actions` and
 * `agreements` merge them (networkFromSources: per id, the newer edit wins), and are what the
 * screens read.
 */
export interface NetworkData {
  sources: ImportedSource[];
  responses: Record<string, Response>;
  actions: Record<string, Action>;
  agreements: Record<string, AgreedResponse>;
  /**
   * The network's anonymisation salt (lib/id.ts, newSalt): made once, kept with the data (in
   * the network's own record, network-records.ts), so hidden names get the same letters on
   * every screen and after a reload. Data saved before it existed gets one when it is loaded.
   */
  salt: string;
}

export const emptyNetworkData = (salt: string = newSalt()): NetworkData => ({
  sources: [],
  responses: {},
  actions: {},
  agreements: {},
  salt,
});

/**
 * The network the sources make: every response, action and agreed response of every source,
 * merged by id with the import rule (compareEdits, a total order, so the result does not depend
 * on the order of the sources), keys in the order the sources first bring them.
 */
export function networkFromSources(sources: ImportedSource[], salt: string): NetworkData {
  const responses = new Map<string, Response>();
  const actions = new Map<string, Action>();
  const agreements = new Map<string, AgreedResponse>();
  for (const source of sources) {
    mergeInto(responses, Object.values(source.responses));
    mergeInto(actions, Object.values(source.actions));
    mergeInto(agreements, Object.values(source.agreements));
  }
  return {
    sources,
    responses: Object.fromEntries(responses),
    actions: Object.fromEntries(actions),
    agreements: Object.fromEntries(agreements),
    salt,
  };
}

/** The newest copy of each id in one file: what its source holds. */
function byId<T extends { id: string; updatedAt: string }>(items: readonly T[]): Record<string, T> {
  const out = new Map<string, T>();
  mergeInto(out, items);
  return Object.fromEntries(out);
}

export interface NetworkView {
  /** The chosen gathering's key (domain/core/gatherings.ts, keyOfGathering); null: the latest. */
  gathering: string | null;
  /** Replace other municipalities' names with stable letters. */
  anonymised: boolean;
  /** The viewer's own municipality, which stays named. */
  viewer: string | null;
  /** Show the mean of the respondents, or the municipality's agreed answers where it has them. */
  source: 'mean' | 'agreed';
}

/** What one import added to the network, per kind of record. */
export interface ImportCounts {
  responses: MergeCounts;
  actions: MergeCounts;
}

export interface AddImportResult extends ImportCounts {
  /**
   * Responses that aggregation sets aside, once this import is held: older responses by a
   * respondent of this import who has a newer one at the same gathering (addImportsToNetwork in
   * network-model.ts).
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
  | { fileName: string; ok: false; error: ImportError | LinkError };

/**
 * The network's aggregation, with the work it keeps from one call to the next (see
 * domain/scoring/aggregate.ts and domain/comparison/versions.ts): every screen, the report and
 * the import share it, so nothing is aggregated twice. Each store owns one, made on first use
 * (networkAggregation in network-model.ts), so its code loads with the network screens.
 */
export interface NetworkAggregation {
  aggregator: Aggregator;
  align: VersionAligner;
}

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
  ) => ImportCounts;
  /**
   * Adds many imports at once; the counts come back in the same order. What aggregation will
   * set aside: addImportsToNetwork (network-model.ts), which the import uses.
   */
  addImports: (
    batch: readonly {
      source: { fileName: string; kind: ImportedSource['kind'] };
      responses: readonly Response[];
      actions: readonly Action[];
      agreements?: readonly AgreedResponse[];
    }[],
  ) => ImportCounts[];
  removeSource: (sourceId: string) => void;
  removeMunicipality: (number: string) => void;
  clearNetwork: () => void;
  setNetworkView: (view: Partial<NetworkView>) => void;
}

/**
 * A User Timing mark set as imports are added to the network (addImports): the hand-over from an
 * import's checking to the screens, which render what it brought. For DevTools and the bench.
 */
export const NETWORK_ADDED_MARK = 'naeringsspeilet:network-added';

export const initialNetworkView = (): NetworkView => ({
  gathering: null,
  anonymised: false,
  viewer: null,
  source: 'mean',
});

export const createNetworkSlice: SliceCreator<NetworkSlice> = (set, get, now) => ({
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
    if (typeof performance.mark === 'function') performance.mark(NETWORK_ADDED_MARK);
    // One pass over mutable maps and one state update for the whole batch: importing the
    // files of a whole country stays linear instead of copying everything once per file.
    const { network } = get();
    const responses = new Map(Object.entries(network.responses));
    const actions = new Map(Object.entries(network.actions));
    const agreements = new Map(Object.entries(network.agreements));
    const sources = [...network.sources];
    const results = batch.map((entry) => {
      const source: ImportedSource = {
        id: newId(),
        fileName: entry.source.fileName,
        importedAt: now(),
        kind: entry.source.kind,
        responses: byId(entry.responses),
        actions: byId(entry.actions),
        agreements: byId(entry.agreements ?? []),
      };
      sources.push(source);
      const responseCounts = mergeInto(responses, Object.values(source.responses));
      const actionCounts = mergeInto(actions, Object.values(source.actions));
      mergeInto(agreements, Object.values(source.agreements));
      return { responses: responseCounts, actions: actionCounts };
    });
    set({
      network: {
        sources,
        responses: Object.fromEntries(responses),
        actions: Object.fromEntries(actions),
        agreements: Object.fromEntries(agreements),
        salt: network.salt,
      },
    });
    return results;
  },
  removeSource(sourceId) {
    // What the other files brought stays, as the newest copy among them: the same network a
    // reload makes from the saved records that are left.
    const { sources, salt } = get().network;
    set({
      network: networkFromSources(
        sources.filter((s) => s.id !== sourceId),
        salt,
      ),
    });
  },
  removeMunicipality(number) {
    const { network } = get();
    const ofIt = (items: Record<string, { municipality: { number: string } }>) =>
      new Set(Object.keys(items).filter((id) => items[id]!.municipality.number === number));
    const gone = {
      responses: ofIt(network.responses),
      actions: ofIt(network.actions),
      agreements: ofIt(network.agreements),
    };
    const without = <T>(items: Record<string, T>, ids: ReadonlySet<string>) => {
      const kept = Object.entries(items).filter(([id]) => !ids.has(id));
      return kept.length === Object.keys(items).length ? items : Object.fromEntries(kept);
    };
    const sources = network.sources
      .map((s) => {
        const next = {
          ...s,
          responses: without(s.responses, gone.responses),
          actions: without(s.actions, gone.actions),
          agreements: without(s.agreements, gone.agreements),
        };
        // A source the municipality was not in stays the same object: its record is not written.
        return next.responses === s.responses &&
          next.actions === s.actions &&
          next.agreements === s.agreements
          ? s
          : next;
      })
      .filter(
        (s) =>
          Object.keys(s.responses).length > 0 ||
          Object.keys(s.actions).length > 0 ||
          Object.keys(s.agreements).length > 0,
      );
    set({ network: networkFromSources(sources, network.salt) });
  },
  clearNetwork() {
    // The salt stays: the same municipalities get the same letters when files come back.
    set({ network: emptyNetworkData(get().network.salt) });
  },
  setNetworkView(view) {
    set({ networkView: { ...get().networkView, ...view } });
  },
});
