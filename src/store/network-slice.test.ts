import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store';
import { makeResponse } from '../domain/testing/fixtures';
import { memoryStateStorage } from '../app/test-utils';

const later = '2024-05-03T10:00:00.000Z';

describe('network slice', () => {
  it('adds a batch of imports in one step, counting per file, newer edit wins', () => {
    const store = createAppStore({ storage: memoryStateStorage() });
    const a = makeResponse({ id: 'a', answers: { 'a-1': 2 } });
    const b = makeResponse({ id: 'b' });
    const aNewer = { ...makeResponse({ id: 'a', answers: { 'a-1': 5 } }), updatedAt: later };
    const results = store.getState().addImports([
      { source: { fileName: 'one.json', kind: 'file' }, responses: [a, b], actions: [] },
      { source: { fileName: 'two.json', kind: 'file' }, responses: [aNewer, b], actions: [] },
      { source: { fileName: 'three.json', kind: 'file' }, responses: [a], actions: [] },
    ]);
    expect(results.map((r) => r.responses)).toEqual([
      { added: 2, updated: 0, unchanged: 0, keptNewer: 0 },
      { added: 0, updated: 1, unchanged: 1, keptNewer: 0 },
      { added: 0, updated: 0, unchanged: 0, keptNewer: 1 },
    ]);
    const { network } = store.getState();
    expect(network.responses.a!.answers['a-1']?.value).toBe(5);
    expect(network.sources.map((s) => s.fileName)).toEqual(['one.json', 'two.json', 'three.json']);
  });

  it('removing a file keeps responses another file still holds; removing a municipality drops them all', () => {
    const store = createAppStore({ storage: memoryStateStorage() });
    const shared = makeResponse({ id: 'shared' });
    const only = makeResponse({ id: 'only', municipality: { number: '1516', name: 'Ulstein' } });
    store.getState().addImport({ fileName: 'x', kind: 'file' }, [shared, only], []);
    store.getState().addImport({ fileName: 'y', kind: 'file' }, [shared], []);
    const [x] = store.getState().network.sources;
    store.getState().removeSource(x!.id);
    expect(Object.keys(store.getState().network.responses)).toEqual(['shared']);
    store.getState().removeMunicipality('1580');
    expect(store.getState().network.responses).toEqual({});
    expect(store.getState().network.sources).toEqual([]);
  });
});
