import { describe, expect, it, vi } from 'vitest';
import { openAppStore } from './store-factory';
import { createAppStore } from './app-store';
import { memoryStorage } from './memory-storage';
import { initialPersisted, readSaved, sealSaved, STORE_KEY, STORE_VERSION } from './saved-state';
import { BACKUP_KEY } from '../lib/storage';
import { makeResponse } from '../domain/testing/fixtures';
import fixtureV1 from './fixtures/persisted-v1.json';

const input = {
  municipality: { number: '1516', name: 'Ulstein' },
  role: 'administration' as const,
  gathering: { round: 2 as const, date: '2024-05-03' },
  questionnaire: { id: 'mini', version: 1 },
};

/** State saved by this app: a store that answered one statement. */
function savedByApp() {
  const { storage, map } = memoryStorage();
  const store = createAppStore({ storage });
  const id = store.getState().startResponse(input);
  store.getState().setAnswer('a-1', 4);
  store.getState().setLanguage('nn');
  return { raw: map.get(STORE_KEY)!, id };
}

describe('the seal on saved state', () => {
  it('matches for what the app wrote, at this version', () => {
    const { raw } = savedByApp();
    expect(readSaved(raw)).toMatchObject({ version: STORE_VERSION, sealed: true });
  });

  it('does not match once the state is edited, or at another version', () => {
    const { raw } = savedByApp();
    expect(readSaved(raw.replace('"value":4', '"value":5'))?.sealed).toBe(false);
    const { state } = readSaved(raw)!;
    expect(readSaved(sealSaved({ state, version: STORE_VERSION - 1 }))?.sealed).toBe(false);
    expect(readSaved(JSON.stringify({ state, version: STORE_VERSION }))?.sealed).toBe(false);
    expect(readSaved('{"state": {"respo')).toBeNull();
  });
});

describe('openAppStore (the app)', () => {
  it('loads state the app sealed at once, with no wait for the full check', () => {
    const { raw, id } = savedByApp();
    const { storage } = memoryStorage({ [STORE_KEY]: raw });
    const { store } = openAppStore({ storage });
    expect(store.getState().responses[id]?.answers['a-1']?.value).toBe(4);
    expect(store.getState().language).toBe('nn');
    expect(store.getState().recovery).toBeNull();
  });

  it('checks an edited save in full: drops the invalid entry, keeps the rest and a backup', async () => {
    const good = makeResponse({ id: 'good', answers: { 'a-1': 3 } });
    const bad = { ...makeResponse({ id: 'bad' }), municipality: input.municipality };
    // Sealed first, then edited by hand (bad's municipality number): the seal no longer matches.
    const raw = sealSaved({ state: savedStateWith({ good, bad }), version: STORE_VERSION }).replace(
      '"number":"1516","name":"Ulstein"',
      '"number":"x","name":""',
    );
    expect(readSaved(raw)?.sealed).toBe(false);
    const { storage, map } = memoryStorage({ [STORE_KEY]: raw });
    const { store, ready } = openAppStore({ storage, backupStorage: () => storage });
    // Until the check is done, nothing is written over the saved state.
    store.getState().setLanguage('en');
    expect(map.get(STORE_KEY)).toBe(raw);
    await ready;
    expect(Object.keys(store.getState().responses)).toEqual(['good']);
    expect(store.getState().language).toBe('nn');
    expect(store.getState().recovery).toBe('invalidEntries');
    expect(map.get(BACKUP_KEY)).toContain('"bad"');
    // Then it saves again, sealed.
    store.getState().setLanguage('en');
    expect(readSaved(map.get(STORE_KEY)!)).toMatchObject({ sealed: true });
    expect(
      Object.keys((readSaved(map.get(STORE_KEY)!)!.state as { responses: object }).responses),
    ).toEqual(['good']);
  });

  it('migrates state of version 1 as createAppStore does, once the check has loaded', async () => {
    const raw = JSON.stringify(fixtureV1);
    const { storage } = memoryStorage({ [STORE_KEY]: raw });
    const { store, ready } = openAppStore({ storage });
    await ready;
    const same = createAppStore({ storage: memoryStorage({ [STORE_KEY]: raw }).storage });
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().responses).toEqual(same.getState().responses);
    expect(store.getState().responses['r-1516-adm-2']!.gathering.period).toBe('2025');
    expect(store.getState().actions).toEqual(same.getState().actions);
    expect(store.getState().language).toBe(same.getState().language);
  });

  it('checks a sealed save in full when its shape is not what the app writes', async () => {
    const { raw, id } = savedByApp();
    const { state } = readSaved(raw)!;
    const odd = sealSaved({
      state: { ...(state as object), hiddenFreeText: 'not a list' },
      version: STORE_VERSION,
    });
    const { storage } = memoryStorage({ [STORE_KEY]: odd });
    const { store, ready } = openAppStore({ storage });
    expect(store.getState().responses).toEqual({});
    await ready;
    expect(store.getState().responses[id]?.answers['a-1']?.value).toBe(4);
    expect(store.getState().hiddenFreeText).toEqual([]);
  });
});

describe('another tab', () => {
  it('merges a save that is not sealed once the full check has passed it', async () => {
    const { storage } = memoryStorage();
    const store = createAppStore({ storage });
    const other = makeResponse({ id: 'other', answers: { 'a-1': 2 } });
    const raw = JSON.stringify({ state: savedStateWith({ other }), version: STORE_VERSION });
    store.getState().syncFromOtherTab(raw);
    await vi.waitFor(() => expect(Object.keys(store.getState().responses)).toEqual(['other']));
  });
});

function savedStateWith(responses: Record<string, unknown>) {
  return { ...initialPersisted(), responses, language: 'nn' };
}
