import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store';
import { makeResponse } from '../domain/testing/fixtures';
import { memoryStateStorage } from '../app/test-utils';
import { addImportsToNetwork } from './network-model';

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

  it('says per import how many responses aggregation sets aside, and for whom, and keeps them all', () => {
    const store = createAppStore({ storage: memoryStateStorage() });
    const haram = { number: '1580', name: 'Haram' };
    const delegate = { id: 'p-kari', role: 'politician' as const };
    const first = makeResponse({ id: 'a', respondent: delegate, municipality: haram });
    const other = makeResponse({ id: 'b', respondent: { id: 'p-ola', role: 'business' } });
    const [one] = addImportsToNetwork(store, [
      { source: { fileName: 'one.json', kind: 'file' }, responses: [first, other], actions: [] },
    ]);
    expect(one!.setAside).toEqual([]);

    // Three more responses by the same delegate at the same gathering, one of them newer.
    const copies = ['c1', 'c2', 'c3'].map((id, i) => ({
      ...makeResponse({ id, respondent: delegate, municipality: haram, answers: { 'a-1': 1 } }),
      updatedAt: i === 2 ? later : '2024-02-15T09:00:00.000Z',
    }));
    const elsewhere = makeResponse({
      id: 'u',
      respondent: { id: 'p-per', role: 'administration' },
      municipality: { number: '1516', name: 'Ulstein' },
    });
    const [copiesReport, ulsteinReport] = addImportsToNetwork(store, [
      { source: { fileName: 'copies.json', kind: 'file' }, responses: copies, actions: [] },
      { source: { fileName: 'ulstein.json', kind: 'file' }, responses: [elsewhere], actions: [] },
    ]);
    // c3 is the newest and counts; a, c1 and c2 are set aside.
    expect(copiesReport!.setAside).toEqual([
      {
        municipality: haram,
        period: '2024',
        round: 1,
        role: 'politician',
        respondents: 1,
        responses: 3,
      },
    ]);
    expect(ulsteinReport!.setAside).toEqual([]);
    // Nothing is dropped: every response is held, only aggregation passes over the older ones.
    expect(Object.keys(store.getState().network.responses).sort()).toEqual([
      'a',
      'b',
      'c1',
      'c2',
      'c3',
      'u',
    ]);
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
