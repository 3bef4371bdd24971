import { describe, expect, it } from 'vitest';
import legacyFixture from './fixtures/network-v1.json';
import { createMemoryNetworkStorage, type NetworkStorage } from '../lib/network-storage';
import { makeResponse } from '../domain/testing/fixtures';
import { isSalt } from '../lib/id';
import { memoryStateStorage } from '../app/test-utils';
import { createAppStore, type AppStore } from './app-store';
import {
  connectNetworkStorage,
  writeInParts,
  type NetworkPersistence,
} from './network-persistence';
import {
  LEGACY_KEY,
  NETWORK_KEY,
  NETWORK_RECORD_VERSION,
  sourceKey,
  unsavedEntries,
  type SourceRecord,
} from './network-records';
import { checksumOf } from '../domain/core/hash';

const haram = { number: '1580', name: 'Haram' };
const ulstein = { number: '1516', name: 'Ulstein' };

function newStore(): AppStore {
  return createAppStore({ storage: memoryStateStorage() });
}

const connections = new WeakMap<AppStore, NetworkPersistence>();

/** A store connected to `storage`, as the app does on load. */
async function open(storage: NetworkStorage): Promise<AppStore> {
  const store = newStore();
  connections.set(store, await connectNetworkStorage(store, storage));
  return store;
}

/** Waits until what the store changed so far is saved (or failed to save). */
const settled = (store: AppStore) => connections.get(store)!.idle();

/** Records one storage's writes, and can make them fail. */
function watched(storage: ReturnType<typeof createMemoryNetworkStorage>) {
  const writes: { put: string[]; remove: string[] }[] = [];
  let failure: Error | null = null;
  const api: NetworkStorage = {
    readAll: storage.readAll,
    write: (changes) => {
      writes.push({
        put: [...(changes.put?.keys() ?? [])].sort(),
        remove: [...(changes.remove ?? [])].sort(),
      });
      return failure ? Promise.reject(failure) : storage.write(changes);
    },
  };
  return { api, writes, failWith: (error: Error | null) => (failure = error) };
}

const sourceKeys = (records: Map<string, unknown>) =>
  [...records.keys()].filter((k) => k.startsWith('source:'));

describe('network storage: one record per imported file', () => {
  it('an import writes only the record it adds; removing a file deletes only its record', async () => {
    const memory = createMemoryNetworkStorage();
    const { api, writes } = watched(memory);
    const store = await open(api);
    store
      .getState()
      .addImport({ fileName: 'haram.json', kind: 'file' }, [makeResponse({ id: 'a' })], []);
    await settled(store);
    const [first] = store.getState().network.sources;
    expect(writes).toEqual([{ put: [NETWORK_KEY, sourceKey(first!.id)], remove: [] }]);

    store
      .getState()
      .addImport(
        { fileName: 'ulstein.json', kind: 'file' },
        [makeResponse({ id: 'b', municipality: ulstein })],
        [],
      );
    await settled(store);
    const second = store.getState().network.sources[1]!;
    expect(writes[1]).toEqual({ put: [sourceKey(second.id)], remove: [] });

    store.getState().removeSource(first!.id);
    await settled(store);
    expect(writes[2]).toEqual({ put: [], remove: [sourceKey(first!.id)] });
    expect(sourceKeys(memory.records())).toEqual([sourceKey(second.id)]);
  });

  it('reads back the network it saved, in the same order, with the same merged entries', async () => {
    const memory = createMemoryNetworkStorage();
    const store = await open(memory);
    const older = makeResponse({ id: 'shared', answers: { 'a-1': 2 } });
    const newer = {
      ...makeResponse({ id: 'shared', answers: { 'a-1': 5 } }),
      updatedAt: '2024-05-03T10:00:00.000Z',
    };
    store.getState().addImports([
      {
        source: { fileName: 'one.json', kind: 'file' },
        responses: [older, makeResponse({ id: 'x', municipality: ulstein })],
        actions: [],
      },
      { source: { fileName: 'two.json', kind: 'file' }, responses: [newer], actions: [] },
      {
        source: { fileName: 'three.json', kind: 'file' },
        responses: [makeResponse({ id: 'y', municipality: haram })],
        actions: [],
      },
    ]);
    store.getState().removeMunicipality(ulstein.number);
    await settled(store);
    const reopened = await open(memory);
    expect(reopened.getState().network).toEqual(store.getState().network);
    expect(reopened.getState().network.responses.shared!.answers['a-1']?.value).toBe(5);
    expect(reopened.getState().networkRecovery).toBeNull();

    // Removing the file with the newer copy leaves the other file's copy, here and after a reload.
    const two = store.getState().network.sources.find((s) => s.fileName === 'two.json')!;
    store.getState().removeSource(two.id);
    await settled(store);
    expect(store.getState().network.responses.shared!.answers['a-1']?.value).toBe(2);
    expect((await open(memory)).getState().network).toEqual(store.getState().network);
  });
});

describe('network storage: the old layout (one key, network-v1)', () => {
  it('moves a saved network of the old shape to one record per file, and drops nothing', async () => {
    const memory = createMemoryNetworkStorage({ [LEGACY_KEY]: legacyFixture });
    const store = await open(memory);
    const { network, networkRecovery, networkKept } = store.getState();
    expect(networkRecovery).toBeNull();
    expect(networkKept).toEqual({});
    expect(network.sources.map((s) => [s.id, s.fileName, Object.keys(s.responses)])).toEqual([
      ['src-haram', 'haram-samling-1.json', ['resp-haram-1', 'resp-haram-2']],
      ['src-ulstein', 'ulstein-samling-1.json', ['resp-ulstein-1', 'resp-haram-1']],
    ]);
    expect(network.responses).toEqual(legacyFixture.responses);
    expect(network.actions).toEqual(legacyFixture.actions);
    expect(network.agreements).toEqual(legacyFixture.agreements);
    expect(Object.keys(network.sources[0]!.agreements)).toEqual(['agreed-1580-r1']);

    const records = memory.records();
    expect(records.has(LEGACY_KEY)).toBe(false);
    expect([...records.keys()].sort()).toEqual(
      [NETWORK_KEY, sourceKey('src-haram'), sourceKey('src-ulstein')].sort(),
    );
    expect(records.get(sourceKey('src-ulstein'))).toMatchObject({
      version: NETWORK_RECORD_VERSION,
      position: 1,
    });
    // The new layout reads back the same.
    expect((await open(memory)).getState().network).toEqual(network);
  });

  it('keeps the old key as it is and says so when it cannot be moved; an import does not write over it', async () => {
    const memory = createMemoryNetworkStorage({ [LEGACY_KEY]: 'not a network' });
    const store = await open(memory);
    expect(store.getState().networkRecovery).toEqual({
      unreadable: 0,
      invalidEntries: 0,
      migrationFailed: true,
    });
    expect(store.getState().networkKept).toEqual({ [LEGACY_KEY]: 'not a network' });
    store
      .getState()
      .addImport({ fileName: 'haram.json', kind: 'file' }, [makeResponse({ id: 'a' })], []);
    await settled(store);
    expect(memory.records().get(LEGACY_KEY)).toBe('not a network');
    expect(sourceKeys(memory.records())).toHaveLength(1);
  });

  it('keeps the old key as it is when writing the new records fails, and saves nothing', async () => {
    const memory = createMemoryNetworkStorage({ [LEGACY_KEY]: legacyFixture });
    const { api, failWith } = watched(memory);
    failWith(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const store = await open(api);
    expect(store.getState().networkRecovery?.migrationFailed).toBe(true);
    expect(store.getState().networkKept).toEqual({ [LEGACY_KEY]: legacyFixture });
    expect(store.getState().networkStorageStatus).toBe('full');
    expect(memory.records()).toEqual(new Map([[LEGACY_KEY, legacyFixture]]));
  });

  it('counts the entries it cannot use and keeps a copy of the whole', async () => {
    const bad = { ...legacyFixture.responses['resp-haram-2'], municipality: { number: 'x' } };
    const raw = {
      ...legacyFixture,
      responses: { ...legacyFixture.responses, 'resp-haram-2': bad },
    };
    const memory = createMemoryNetworkStorage({ [LEGACY_KEY]: raw });
    const store = await open(memory);
    expect(store.getState().networkRecovery).toEqual({
      unreadable: 0,
      invalidEntries: 1,
      migrationFailed: false,
    });
    expect(Object.keys(store.getState().network.responses).sort()).toEqual([
      'resp-haram-1',
      'resp-ulstein-1',
    ]);
    expect(memory.records().get(`kept:${LEGACY_KEY}`)).toEqual(raw);
    expect(store.getState().networkKept).toEqual({ [`kept:${LEGACY_KEY}`]: raw });
  });
});

describe('network storage: faults', () => {
  async function savedNetwork() {
    const memory = createMemoryNetworkStorage();
    const store = await open(memory);
    store.getState().addImports([
      {
        source: { fileName: 'haram.json', kind: 'file' },
        responses: [makeResponse({ id: 'a', municipality: haram })],
        actions: [],
      },
      {
        source: { fileName: 'ulstein.json', kind: 'file' },
        responses: [makeResponse({ id: 'b', municipality: ulstein })],
        actions: [],
      },
    ]);
    await settled(store);
    const [haramSource, ulsteinSource] = store.getState().network.sources;
    return {
      memory,
      haramKey: sourceKey(haramSource!.id),
      ulsteinKey: sourceKey(ulsteinSource!.id),
    };
  }

  it('a record it cannot read: the rest loads, the user is told, and a copy is kept that a new import leaves alone', async () => {
    const { memory, haramKey, ulsteinKey } = await savedNetwork();
    await memory.write({ put: new Map([[haramKey, '{"broken']]) });
    const store = await open(memory);
    expect(Object.keys(store.getState().network.responses)).toEqual(['b']);
    expect(store.getState().networkRecovery).toEqual({
      unreadable: 1,
      invalidEntries: 0,
      migrationFailed: false,
    });
    expect(store.getState().networkKept).toEqual({ [`kept:${haramKey}`]: '{"broken' });

    store
      .getState()
      .addImport({ fileName: 'new.json', kind: 'file' }, [makeResponse({ id: 'c' })], []);
    await settled(store);
    const records = memory.records();
    expect(records.get(`kept:${haramKey}`)).toBe('{"broken');
    expect(sourceKeys(records)).toHaveLength(2);
    expect(records.has(ulsteinKey)).toBe(true);

    // The next load finds clean records and the copy, and says only that a copy is kept.
    const next = await open(memory);
    expect(next.getState().networkRecovery).toBeNull();
    expect(next.getState().networkKept).toEqual({ [`kept:${haramKey}`]: '{"broken' });
    // Deleting the copy deletes it from storage.
    next.getState().deleteNetworkKept();
    await settled(next);
    expect(memory.records().has(`kept:${haramKey}`)).toBe(false);
    expect((await open(memory)).getState().networkKept).toEqual({});
  });

  /** A saved record's entries: its responses, actions and agreed answers as lists. */
  type Saved = SourceRecord;
  const listsOf = (record: Saved) => JSON.parse(record.entries) as Record<string, unknown>[][];
  /** The record with other entries, and the checksum left as it was (as damage would). */
  const withLists = (record: Saved, lists: unknown[][]): Saved => ({
    ...record,
    entries: JSON.stringify(lists),
  });
  /** What a saved record holds, whatever the order of keys in its text, and a true checksum. */
  const contents = (record: unknown) => {
    const { entries, checksum, ...meta } = record as Saved;
    expect(checksum).toBe(checksumOf(entries));
    return { ...meta, lists: listsOf(record as Saved) };
  };

  it('reads a record whose checksum matches as written, without checking each entry again', async () => {
    const { memory, haramKey } = await savedNetwork();
    const record = memory.records().get(haramKey) as Saved;
    const [[a]] = listsOf(record) as [[Record<string, unknown>]];
    // An answer no check would let in, with a checksum to match: what this app wrote is trusted.
    const odd = withLists(record, [[{ ...a, answers: { 'a-1': { value: 7 } } }], [], []]);
    await memory.write({
      put: new Map([[haramKey, { ...odd, checksum: checksumOf(odd.entries) }]]),
    });
    const store = await open(memory);
    expect(store.getState().networkRecovery).toBeNull();
    expect(store.getState().network.responses.a!.answers['a-1']).toEqual({ value: 7 });
  });

  it('counts bad entries in a record, loads the rest, and keeps a copy of the record', async () => {
    const { memory, haramKey } = await savedNetwork();
    const record = memory.records().get(haramKey) as Saved;
    const [responses, actions, agreements] = listsOf(record);
    const damaged = withLists(record, [[...responses!, { id: 'z' }], actions!, agreements!]);
    await memory.write({ put: new Map([[haramKey, damaged]]) });
    const store = await open(memory);
    expect(store.getState().networkRecovery?.invalidEntries).toBe(1);
    expect(Object.keys(store.getState().network.responses).sort()).toEqual(['a', 'b']);
    expect(memory.records().get(`kept:${haramKey}`)).toEqual(damaged);
    expect(contents(memory.records().get(haramKey))).toEqual(contents(record));
  });

  it('a record damaged inside one response: the checksum fails, the full check decides, and the user is told', async () => {
    const { memory, haramKey } = await savedNetwork();
    const record = memory.records().get(haramKey) as Saved;
    const [[a]] = listsOf(record) as [[Record<string, unknown>]];
    const damaged = withLists(record, [
      [
        // An answer out of range: refused.
        { ...a, answers: { 'a-1': { value: 7, updatedAt: a.updatedAt } } },
        // A name with spaces: the fast check leaves it to zod, which trims it and keeps it.
        { ...a, id: 'c', municipality: { number: '1580', name: ' Haram ' } },
      ],
      [],
      [],
    ]);
    await memory.write({ put: new Map([[haramKey, damaged]]) });
    const store = await open(memory);
    expect(store.getState().networkRecovery).toEqual({
      unreadable: 0,
      invalidEntries: 1,
      migrationFailed: false,
    });
    expect(Object.keys(store.getState().network.responses).sort()).toEqual(['b', 'c']);
    expect(store.getState().network.responses.c!.municipality.name).toBe('Haram');
    expect(memory.records().get(`kept:${haramKey}`)).toEqual(damaged);
    // Written again as it now reads, with a checksum that matches: the next load is quiet.
    const next = await open(memory);
    expect(next.getState().networkRecovery).toBeNull();
    expect(next.getState().network.responses).toEqual(store.getState().network.responses);
  });

  it('a record changed outside the app but still valid: checked in full, kept as a copy, and written again', async () => {
    const { memory, haramKey } = await savedNetwork();
    const record = memory.records().get(haramKey) as Saved;
    const [[a]] = listsOf(record) as [[Record<string, unknown>]];
    const changed = withLists(record, [[{ ...a, id: 'a2' }], [], []]);
    await memory.write({ put: new Map([[haramKey, changed]]) });
    const store = await open(memory);
    expect(store.getState().networkRecovery).toBeNull();
    expect(store.getState().networkKept).toEqual({ [`kept:${haramKey}`]: changed });
    expect(Object.keys(store.getState().network.responses).sort()).toEqual(['a2', 'b']);
  });

  it('reads records of version 1, which hold their entries as objects, checking each entry', async () => {
    const { memory, haramKey } = await savedNetwork();
    const record = memory.records().get(haramKey) as Saved;
    const [[a]] = listsOf(record) as [[Record<string, unknown>]];
    const { entries: _e, checksum: _c, ...meta } = record;
    const v1 = {
      ...meta,
      version: 1,
      responses: { a, z: { id: 'z' } },
      actions: {},
      agreements: {},
    };
    await memory.write({ put: new Map([[haramKey, v1]]) });
    const store = await open(memory);
    expect(store.getState().networkRecovery?.invalidEntries).toBe(1);
    expect(Object.keys(store.getState().network.responses).sort()).toEqual(['a', 'b']);
    expect(contents(memory.records().get(haramKey))).toEqual(contents(record));
  });

  it('a load that fails leaves the saved data alone, says so, and saves nothing', async () => {
    const { memory } = await savedNetwork();
    const before = memory.records();
    const failing: NetworkStorage = {
      readAll: () => Promise.reject(new DOMException('Blocked', 'UnknownError')),
      write: memory.write,
    };
    const store = await open(failing);
    expect(store.getState().networkReady).toBe(true);
    expect(store.getState().networkStorageStatus).toBe('loadFailed');
    store
      .getState()
      .addImport({ fileName: 'new.json', kind: 'file' }, [makeResponse({ id: 'c' })], []);
    store.getState().clearNetwork();
    await settled(store);
    expect(memory.records()).toEqual(before);
  });

  it('tells a full storage apart from other save errors, and clears the warning once a save works', async () => {
    const memory = createMemoryNetworkStorage();
    const { api, failWith } = watched(memory);
    const store = await open(api);
    const cases: [Error | null, string][] = [
      [new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'full'],
      [new DOMException('The transaction was aborted.', 'AbortError'), 'saveFailed'],
      [null, 'ok'],
    ];
    for (const [i, [error, status]] of cases.entries()) {
      failWith(error);
      store
        .getState()
        .addImport({ fileName: `${i}.json`, kind: 'file' }, [makeResponse({ id: `r${i}` })], []);
      await settled(store);
      expect(store.getState().networkStorageStatus).toBe(status);
    }
    // What failed before is saved with the next change.
    expect(sourceKeys(memory.records())).toHaveLength(3);
  });
});

describe('network storage: a large save is written in parts', () => {
  it('splits the records by the length of their text, never splits one, makes each as its part is written, and removes with the first part', async () => {
    const memory = createMemoryNetworkStorage();
    const { api, writes } = watched(memory);
    const made: string[] = [];
    const maker = (key: string, chars: number): [string, () => unknown] => [
      key,
      () => {
        made.push(`${key} after ${writes.length} writes`);
        return { entries: 'x'.repeat(chars) };
      },
    ];
    const wrote = await writeInParts(
      api,
      {
        put: new Map<string, () => unknown>([
          maker('source:a', 300),
          maker('source:b', 300),
          maker('source:c', 700),
          ['network', () => ({ salt: SALT })],
        ]),
        remove: ['source:old'],
      },
      600,
    );
    expect(wrote).toBe(true);
    expect(writes).toEqual([
      { put: ['source:a', 'source:b'], remove: ['source:old'] },
      { put: ['source:c'], remove: [] },
      { put: ['network'], remove: [] },
    ]);
    expect(made).toEqual([
      'source:a after 0 writes',
      'source:b after 0 writes',
      'source:c after 1 writes',
    ]);
    expect(await writeInParts(api, { put: new Map(), remove: [] })).toBe(false);
  });

  it('a part that fails is written again with the next change, so nothing is lost', async () => {
    const memory = createMemoryNetworkStorage();
    let calls = 0;
    const flaky: NetworkStorage = {
      readAll: memory.readAll,
      // The second write of the first save fails.
      write: (changes) =>
        ++calls === 2 ? Promise.reject(new Error('aborted')) : memory.write(changes),
    };
    const store = await open(flaky);
    const big = (n: number, name: string) =>
      Array.from({ length: n }, (_, i) => makeResponse({ id: `${name}${i}` }));
    store.getState().addImports(
      ['a', 'b', 'c'].map((name) => ({
        source: { fileName: `${name}.json`, kind: 'file' as const },
        responses: big(8000, name),
        actions: [],
      })),
    );
    await settled(store);
    expect(calls).toBe(2);
    expect(sourceKeys(memory.records())).toHaveLength(1);
    expect(store.getState().networkStorageStatus).toBe('saveFailed');
    store
      .getState()
      .addImport({ fileName: 'd.json', kind: 'file' }, [makeResponse({ id: 'd' })], []);
    await settled(store);
    expect(store.getState().networkStorageStatus).toBe('ok');
    expect(sourceKeys(memory.records())).toHaveLength(4);
    expect((await open(memory)).getState().network).toEqual(store.getState().network);
  });
});

const SALT = '0123456789abcdef0123456789abcdef';

describe('network storage: the text an import worker made of a file', () => {
  /** A worker's text of these lists (import-messages.ts), with a checksum that says it was used. */
  const packedOf = (lists: [unknown[], unknown[], unknown[]]) => ({
    entries: JSON.stringify(lists),
    checksum: 'from-the-worker',
    lists,
  });

  it("a file's first record takes it as it is, once; a record written again is made from the source", async () => {
    const memory = createMemoryNetworkStorage();
    const store = await open(memory);
    const responses = [makeResponse({ id: 'a' }), makeResponse({ id: 'b', municipality: ulstein })];
    store.getState().addImport({ fileName: 'two.json', kind: 'file' }, responses, []);
    const [source] = store.getState().network.sources;
    const packed = packedOf([responses, [], []]);
    store.own(unsavedEntries).set(source!, packed);
    await settled(store);
    const key = sourceKey(source!.id);
    const first = memory.records().get(key) as SourceRecord;
    expect(first.checksum).toBe('from-the-worker');
    expect(first.entries).toBe(packed.entries);
    expect(store.own(unsavedEntries).has(source!)).toBe(false);

    // Ulstein removed: the source changes, and its record is made from what it now holds.
    store.getState().removeMunicipality(ulstein.number);
    await settled(store);
    const second = memory.records().get(key) as SourceRecord;
    expect(second.checksum).toBe(checksumOf(second.entries));
    expect(JSON.parse(second.entries)).toEqual([[responses[0]], [], []]);
  });

  it('is not used for a source that holds other items than its lists', async () => {
    const memory = createMemoryNetworkStorage();
    const store = await open(memory);
    // The same response twice: the source holds the newer copy only.
    const older = makeResponse({ id: 'a', updatedAt: '2024-05-01T10:00:00.000Z' });
    const newer = makeResponse({ id: 'a', updatedAt: '2024-05-02T10:00:00.000Z' });
    store.getState().addImport({ fileName: 'twice.json', kind: 'file' }, [older, newer], []);
    const [source] = store.getState().network.sources;
    store.own(unsavedEntries).set(source!, packedOf([[older, newer], [], []]));
    await settled(store);
    const record = memory.records().get(sourceKey(source!.id)) as SourceRecord;
    expect(record.checksum).toBe(checksumOf(record.entries));
    expect(JSON.parse(record.entries)).toEqual([[newer], [], []]);
  });
});

describe("the network's anonymisation salt", () => {
  it('is kept when saved, and made for data saved before networks had one', async () => {
    const saltOf = async (initial: Record<string, unknown>) =>
      (await open(createMemoryNetworkStorage(initial))).getState().network.salt;
    expect(await saltOf({ [NETWORK_KEY]: { version: 1, salt: SALT } })).toBe(SALT);
    expect(await saltOf({ [LEGACY_KEY]: { ...legacyFixture, salt: SALT } })).toBe(SALT);
    expect(isSalt(await saltOf({ [LEGACY_KEY]: legacyFixture }))).toBe(true);
    const old = await saltOf({ [LEGACY_KEY]: { ...legacyFixture, salt: 'laering-for-naering' } });
    expect(isSalt(old)).toBe(true);
    // The one made for the old layout is saved with the moved records.
    const memory = createMemoryNetworkStorage({ [LEGACY_KEY]: legacyFixture });
    const salt = (await open(memory)).getState().network.salt;
    expect(memory.records().get(NETWORK_KEY)).toEqual({ version: NETWORK_RECORD_VERSION, salt });
    expect((await open(memory)).getState().network.salt).toBe(salt);
  });

  it('is saved with the network, and stays through imports, removals and clearing', async () => {
    const memory = createMemoryNetworkStorage({ [NETWORK_KEY]: { version: 1, salt: SALT } });
    const store = await open(memory);
    expect(store.getState().network.salt).toBe(SALT);
    store
      .getState()
      .addImport({ fileName: 'a.json', kind: 'file' }, [makeResponse({ id: 'r1' })], []);
    expect(store.getState().network.salt).toBe(SALT);
    store.getState().removeSource(store.getState().network.sources[0]!.id);
    expect(store.getState().network.salt).toBe(SALT);
    store.getState().clearNetwork();
    expect(store.getState().network.salt).toBe(SALT);
    await settled(store);
    expect(memory.records().get(NETWORK_KEY)).toEqual({ version: 1, salt: SALT });
  });
});
