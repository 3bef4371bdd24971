import { describe, expect, it } from 'vitest';
import { anonymiseNames } from '../domain/comparison/anonymise';
import { createDemoNetwork } from '../domain/demo/demo-network';
import { makeResponse } from '../domain/testing/fixtures';
import { memoryStateStorage } from '../app/test-utils';
import { isSalt } from '../lib/id';
import { createMemoryNetworkStorage } from '../lib/network-storage';
import { CURRENT_QUESTIONNAIRE } from '../lib/questionnaires';
import { createAppStore } from './app-store';
import { networkAggregation, networkModel } from './network-model';
import { connectNetworkStorage, validateNetworkData } from './network-persistence';

const SALT = '0123456789abcdef0123456789abcdef';
const saved = { sources: [], responses: {}, actions: {}, agreements: {} };

describe("the network's anonymisation salt", () => {
  it('is kept when saved, and made for data saved before networks had one', () => {
    expect(validateNetworkData({ ...saved, salt: SALT })?.salt).toBe(SALT);
    const migrated = validateNetworkData(saved);
    expect(isSalt(migrated?.salt)).toBe(true);
    expect(isSalt(validateNetworkData({ ...saved, salt: 'laering-for-naering' })?.salt)).toBe(true);
  });

  it('is saved with the network, and stays through imports, removals and clearing', async () => {
    const storage = createMemoryNetworkStorage({ ...saved, salt: SALT });
    const store = createAppStore({ storage: memoryStateStorage() });
    await connectNetworkStorage(store, storage);
    expect(store.getState().network.salt).toBe(SALT);
    store
      .getState()
      .addImport({ fileName: 'a.json', kind: 'file' }, [makeResponse({ id: 'r1' })], []);
    expect(store.getState().network.salt).toBe(SALT);
    store.getState().removeSource(store.getState().network.sources[0]!.id);
    expect(store.getState().network.salt).toBe(SALT);
    store.getState().clearNetwork();
    expect(store.getState().network.salt).toBe(SALT);
    await Promise.resolve();
    expect(storage.saved()?.salt).toBe(SALT);
  });

  it('orders the letters of hidden names', () => {
    const store = createAppStore({ storage: memoryStateStorage() });
    store.getState().hydrateNetwork({ ...saved, salt: SALT });
    store
      .getState()
      .addImport(
        { fileName: 'demo.json', kind: 'demo' },
        createDemoNetwork(CURRENT_QUESTIONNAIRE),
        [],
      );
    store.getState().setNetworkView({ anonymised: true, viewer: '1580' });
    const s = store.getState();
    const model = networkModel({
      aggregation: networkAggregation(s.aggregation),
      responses: s.network.responses,
      customQuestionnaires: s.customQuestionnaires,
      view: s.networkView,
      importedActions: s.network.actions,
      ownActions: s.actions,
      importedAgreements: s.network.agreements,
      ownAgreements: s.agreements,
      salt: s.network.salt,
    });
    const numbers = model.municipalities.map((m) => m.number);
    expect(model.letters).toEqual(anonymiseNames(numbers, '1580', { salt: SALT }));
    expect(model.letters.has('1580')).toBe(false);
    expect(model.letters.size).toBe(6);
  });
});
