import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { aggregateResponses } from '../domain/scoring/aggregate';
import { createDemoNetwork } from '../domain/demo/demo-network';
import {
  BUNDLED_QUESTIONNAIRES,
  CURRENT_QUESTIONNAIRE,
  findQuestionnaire,
} from '../lib/questionnaires';
import { memoryStateStorage } from '../app/test-utils';
import { createAppStore, type AppStore } from './app-store';
import {
  AGGREGATION_MEASURE,
  networkAggregation,
  networkModel,
  useNetworkModel,
  type NetworkModelInputs,
} from './network-model';
import { StoreProvider } from './store-context';
import { anonymiseNames } from '../domain/comparison/anonymise';

function inputs(store: AppStore): NetworkModelInputs {
  const s = store.getState();
  return {
    aggregation: networkAggregation(store),
    responses: s.network.responses,
    customQuestionnaires: s.customQuestionnaires,
    view: s.networkView,
    importedActions: s.network.actions,
    ownActions: s.actions,
    importedAgreements: s.network.agreements,
    ownAgreements: s.agreements,
    salt: s.network.salt,
  };
}

function storeWithDemo(): AppStore {
  const store = createAppStore({ storage: memoryStateStorage() });
  store
    .getState()
    .addImport(
      { fileName: 'demo.json', kind: 'file' },
      createDemoNetwork(CURRENT_QUESTIONNAIRE),
      [],
    );
  return store;
}

describe('networkModel memoisation', () => {
  it('gives the same model for the same inputs, equal to computing it afresh', () => {
    const store = storeWithDemo();
    const model = networkModel(store, inputs(store));
    expect(model.all.length).toBeGreaterThan(0);
    expect(networkModel(store, inputs(store))).toBe(model);
    expect(model.all).toEqual(
      aggregateResponses(CURRENT_QUESTIONNAIRE, Object.values(store.getState().network.responses)),
    );
  });

  it('records each aggregation, and only those, as a User Timing measure', () => {
    performance.clearMeasures(AGGREGATION_MEASURE);
    const store = storeWithDemo();
    networkModel(store, inputs(store));
    networkModel(store, inputs(store));
    store.getState().setNetworkView({ anonymised: true });
    networkModel(store, inputs(store));
    const measures = performance.getEntriesByName(AGGREGATION_MEASURE, 'measure');
    expect(measures).toHaveLength(1);
    expect((measures[0] as PerformanceMeasure).detail).toEqual({
      responses: Object.keys(store.getState().network.responses).length,
    });
  });

  it('a change of view makes a new model without aggregating again', () => {
    const store = storeWithDemo();
    const before = networkModel(store, inputs(store));
    store.getState().setNetworkView({ anonymised: true });
    const after = networkModel(store, inputs(store));
    expect(after).not.toBe(before);
    expect(after.anonymised).toBe(true);
    expect(after.letters.size).toBeGreaterThan(0);
    expect(after.all).toBe(before.all);
    // Back to the same settings in a new view object: the same figures.
    store.getState().setNetworkView({ anonymised: false });
    expect(networkModel(store, inputs(store)).letters.size).toBe(0);
  });

  it('follows the data when responses change', () => {
    const store = storeWithDemo();
    const before = networkModel(store, inputs(store));
    const some = Object.values(store.getState().network.responses)[0]!;
    const extra = {
      ...some,
      id: `${some.id}-extra`,
      respondent: { ...some.respondent, id: `${some.respondent.id}-extra` },
    };
    store.getState().addImport({ fileName: 'extra.json', kind: 'file' }, [extra], []);
    const after = networkModel(store, inputs(store));
    expect(after.all).not.toBe(before.all);
    expect(after.responseCount).toBe(before.responseCount + 1);
    const respondents = (m: typeof before) =>
      m.all.find(
        (a) =>
          a.municipality.number === some.municipality.number && a.round === some.gathering.round,
      )?.respondents;
    expect(respondents(after)).toBe(respondents(before)! + 1);
    expect(after.all).toEqual(
      aggregateResponses(CURRENT_QUESTIONNAIRE, Object.values(store.getState().network.responses)),
    );

    store.getState().removeMunicipality(some.municipality.number);
    const removed = networkModel(store, inputs(store));
    expect(removed.all.some((a) => a.municipality.number === some.municipality.number)).toBe(false);
  });

  it('keeps its caches per store: two stores never share a model', () => {
    performance.clearMeasures(AGGREGATION_MEASURE);
    const one = storeWithDemo();
    const other = createAppStore({ storage: memoryStateStorage() });
    const model = networkModel(one, inputs(one));
    // The same inputs through another store's caches: computed afresh, not handed over.
    const theirs = networkModel(other, inputs(one));
    expect(theirs).not.toBe(model);
    expect(theirs).toEqual(model);
    expect(performance.getEntriesByName(AGGREGATION_MEASURE, 'measure')).toHaveLength(2);
    expect(networkModel(one, inputs(one))).toBe(model);
    // The aggregation too: one per store, made once.
    expect(networkAggregation(one)).toBe(networkAggregation(one));
    expect(networkAggregation(other)).not.toBe(networkAggregation(one));
  });

  it('re-entering a screen (a new mount) reuses the model', () => {
    const store = storeWithDemo();
    const wrapper = ({ children }: { children: ReactNode }) => (
      <StoreProvider store={store}>{children}</StoreProvider>
    );
    const first = renderHook(() => useNetworkModel(), { wrapper });
    const model = first.result.current;
    first.unmount();
    const second = renderHook(() => useNetworkModel(), { wrapper });
    expect(second.result.current).toBe(model);
    second.unmount();
  });
});

describe('responses to version 1 of the questionnaire', () => {
  const v1 = findQuestionnaire(BUNDLED_QUESTIONNAIRES, 'god-vertskommune', 1)!;

  function storeWithV1Demo(): AppStore {
    const store = createAppStore({ storage: memoryStateStorage() });
    store.getState().addImport({ fileName: 'v1.json', kind: 'file' }, createDemoNetwork(v1), []);
    return store;
  }

  it('are compared in full on the current version, with the same scores and no notice', () => {
    const store = storeWithV1Demo();
    const model = networkModel(store, inputs(store));
    expect(model.questionnaire).toBe(CURRENT_QUESTIONNAIRE);
    expect(model.versionDifferences).toEqual([]);
    expect(model.all.length).toBeGreaterThan(0);
    expect(model.all).toEqual(
      aggregateResponses(v1, Object.values(store.getState().network.responses)),
    );
  });

  it('are aligned once: a later import recomputes only the groups it changed', () => {
    const store = storeWithV1Demo();
    const before = networkModel(store, inputs(store));
    const some = Object.values(store.getState().network.responses)[0]!;
    const extra = { ...some, id: `${some.id}-extra` };
    store.getState().addImport({ fileName: 'extra.json', kind: 'file' }, [extra], []);
    const after = networkModel(store, inputs(store));
    const changed = (a: (typeof before.all)[number]) =>
      a.municipality.number === some.municipality.number && a.round === some.gathering.round;
    const untouched = before.all.filter((a) => !changed(a));
    expect(untouched.length).toBeGreaterThan(0);
    // The same aggregate objects: the aligned copies were found again, so was each group's cache.
    for (const agg of untouched) expect(after.all).toContain(agg);
    expect(after.all.find(changed)).not.toBe(before.all.find(changed));
  });

  it('keep their agreed answers when the agreement was made for version 1', () => {
    const store = storeWithV1Demo();
    const model = networkModel(store, inputs(store));
    const gathering = model.gathering!;
    const municipality = model.current[0]!.municipality;
    store
      .getState()
      .setAgreed(
        { municipality, gathering, questionnaire: { id: v1.id, version: 1 } },
        'strategy-1',
        5,
        'Vedtatt i 2023',
      );
    store.getState().setNetworkView({ source: 'agreed' });
    const agreed = networkModel(store, inputs(store));
    expect(agreed.agreements).toHaveLength(1);
    expect([...agreed.agreedIn]).toEqual([municipality.number]);
  });
});

describe("the network's anonymisation salt", () => {
  const SALT = '0123456789abcdef0123456789abcdef';

  it('orders the letters of hidden names', () => {
    const store = createAppStore({ storage: memoryStateStorage() });
    store
      .getState()
      .hydrateNetwork({ sources: [], responses: {}, actions: {}, agreements: {}, salt: SALT });
    store
      .getState()
      .addImport(
        { fileName: 'demo.json', kind: 'demo' },
        createDemoNetwork(CURRENT_QUESTIONNAIRE),
        [],
      );
    store.getState().setNetworkView({ anonymised: true, viewer: '1580' });
    const model = networkModel(store, inputs(store));
    const numbers = model.municipalities.map((m) => m.number);
    expect(model.letters).toEqual(anonymiseNames(numbers, '1580', { salt: SALT }));
    expect(model.letters.has('1580')).toBe(false);
    expect(model.letters.size).toBe(6);
  });
});
