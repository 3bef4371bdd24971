import { describe, expect, it } from 'vitest';
import { renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { aggregateResponses } from '../domain/scoring/aggregate';
import { createDemoNetwork } from '../domain/demo/demo-network';
import { CURRENT_QUESTIONNAIRE, findQuestionnaire } from '../lib/questionnaires';
import { memoryStateStorage } from '../app/test-utils';
import { createAppStore, type AppState, type AppStore } from './app-store';
import {
  AGGREGATION_MEASURE,
  networkAggregation,
  networkModel,
  useNetworkModel,
  type NetworkModelInputs,
} from './network-model';
import { StoreProvider } from './store-context';

function inputs(s: AppState): NetworkModelInputs {
  return {
    aggregation: networkAggregation(s.aggregation),
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
    const model = networkModel(inputs(store.getState()));
    expect(model.all.length).toBeGreaterThan(0);
    expect(networkModel(inputs(store.getState()))).toBe(model);
    expect(model.all).toEqual(
      aggregateResponses(CURRENT_QUESTIONNAIRE, Object.values(store.getState().network.responses)),
    );
  });

  it('records each aggregation, and only those, as a User Timing measure', () => {
    performance.clearMeasures(AGGREGATION_MEASURE);
    const store = storeWithDemo();
    networkModel(inputs(store.getState()));
    networkModel(inputs(store.getState()));
    store.getState().setNetworkView({ anonymised: true });
    networkModel(inputs(store.getState()));
    const measures = performance.getEntriesByName(AGGREGATION_MEASURE, 'measure');
    expect(measures).toHaveLength(1);
    expect((measures[0] as PerformanceMeasure).detail).toEqual({
      responses: Object.keys(store.getState().network.responses).length,
    });
  });

  it('a change of view makes a new model without aggregating again', () => {
    const store = storeWithDemo();
    const before = networkModel(inputs(store.getState()));
    store.getState().setNetworkView({ anonymised: true });
    const after = networkModel(inputs(store.getState()));
    expect(after).not.toBe(before);
    expect(after.anonymised).toBe(true);
    expect(after.letters.size).toBeGreaterThan(0);
    expect(after.all).toBe(before.all);
    // Back to the same settings in a new view object: the same figures.
    store.getState().setNetworkView({ anonymised: false });
    expect(networkModel(inputs(store.getState())).letters.size).toBe(0);
  });

  it('follows the data when responses change', () => {
    const store = storeWithDemo();
    const before = networkModel(inputs(store.getState()));
    const some = Object.values(store.getState().network.responses)[0]!;
    const extra = {
      ...some,
      id: `${some.id}-extra`,
      respondent: { ...some.respondent, id: `${some.respondent.id}-extra` },
    };
    store.getState().addImport({ fileName: 'extra.json', kind: 'file' }, [extra], []);
    const after = networkModel(inputs(store.getState()));
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
    const removed = networkModel(inputs(store.getState()));
    expect(removed.all.some((a) => a.municipality.number === some.municipality.number)).toBe(false);
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
  const v1 = findQuestionnaire('god-vertskommune', 1)!;

  function storeWithV1Demo(): AppStore {
    const store = createAppStore({ storage: memoryStateStorage() });
    store.getState().addImport({ fileName: 'v1.json', kind: 'file' }, createDemoNetwork(v1), []);
    return store;
  }

  it('are compared in full on the current version, with the same scores and no notice', () => {
    const store = storeWithV1Demo();
    const model = networkModel(inputs(store.getState()));
    expect(model.questionnaire).toBe(CURRENT_QUESTIONNAIRE);
    expect(model.versionDifferences).toEqual([]);
    expect(model.all.length).toBeGreaterThan(0);
    expect(model.all).toEqual(
      aggregateResponses(v1, Object.values(store.getState().network.responses)),
    );
  });

  it('are aligned once: a later import recomputes only the groups it changed', () => {
    const store = storeWithV1Demo();
    const before = networkModel(inputs(store.getState()));
    const some = Object.values(store.getState().network.responses)[0]!;
    const extra = { ...some, id: `${some.id}-extra` };
    store.getState().addImport({ fileName: 'extra.json', kind: 'file' }, [extra], []);
    const after = networkModel(inputs(store.getState()));
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
    const model = networkModel(inputs(store.getState()));
    const round = model.round!;
    const municipality = model.current[0]!.municipality;
    store
      .getState()
      .setAgreed(
        { municipality, round, questionnaire: { id: v1.id, version: 1 } },
        'strategy-1',
        5,
        'Vedtatt i 2023',
      );
    store.getState().setNetworkView({ source: 'agreed' });
    const agreed = networkModel(inputs(store.getState()));
    expect(agreed.agreements).toHaveLength(1);
    expect([...agreed.agreedIn]).toEqual([municipality.number]);
  });
});
