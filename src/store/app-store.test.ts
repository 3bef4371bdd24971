import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store';
import { memoryStorage } from './memory-storage';
import { STORE_KEY, STORE_VERSION } from './persisted';
import { BACKUP_KEY } from '../lib/storage';
import { makeResponse } from '../domain/testing/fixtures';

const input = {
  municipality: { number: '1516', name: 'Ulstein' },
  role: 'administration' as const,
  gathering: { round: 2 as const, date: '2024-05-03' },
  questionnaire: { id: 'mini', version: 1 },
};

let tick = 0;
const clock = () => new Date(Date.UTC(2024, 4, 3, 10, 0, tick++));

describe('app store', () => {
  it('saves every answer as it is given, and a new store reads it back', () => {
    const { storage, map } = memoryStorage();
    const store = createAppStore({ storage, now: clock, backupStorage: () => storage });
    const id = store.getState().startResponse({ ...input, initials: ' KS ' });
    store.getState().setAnswer('a-1', 4);
    store.getState().setAnswer('a-2', 'dontKnow');
    store.getState().setComment('a-2', 'Vi veit ikkje nok om dette.');
    store.getState().setImportance('a', 5);
    store.getState().setLastArea('b');

    const saved = JSON.parse(map.get(STORE_KEY)!) as { version: number };
    expect(saved.version).toBe(STORE_VERSION);

    const reloaded = createAppStore({ storage, now: clock, backupStorage: () => storage });
    const r = reloaded.getState().responses[id]!;
    expect(reloaded.getState().activeResponseId).toBe(id);
    expect(r.respondent.initials).toBe('KS');
    expect(r.answers['a-1']?.value).toBe(4);
    expect(r.answers['a-2']).toMatchObject({
      value: 'dontKnow',
      comment: 'Vi veit ikkje nok om dette.',
    });
    expect(r.importance).toEqual({ a: 5 });
    expect(reloaded.getState().lastAreaByResponse[id]).toBe('b');
    expect(reloaded.getState().recovery).toBeNull();
  });

  it('starting a new response keeps the old one', () => {
    const { storage } = memoryStorage();
    const store = createAppStore({ storage, now: clock });
    const first = store.getState().startResponse(input);
    store.getState().setAnswer('a-1', 2);
    const second = store.getState().startResponse({ ...input, role: 'politician' });
    expect(second).not.toBe(first);
    expect(Object.keys(store.getState().responses)).toHaveLength(2);
    expect(store.getState().responses[first]!.answers['a-1']?.value).toBe(2);
  });

  it('keeps corrupt saved state as a backup and starts clean', () => {
    const { storage, map } = memoryStorage({ [STORE_KEY]: '{"state": {"respo' });
    const store = createAppStore({ storage, backupStorage: () => storage });
    expect(store.getState().recovery).toBe('corrupt');
    expect(store.getState().responses).toEqual({});
    expect(map.get(BACKUP_KEY)).toBe('{"state": {"respo');
  });

  it('keeps state from a newer version as a backup instead of guessing', () => {
    const raw = JSON.stringify({ state: { responses: {} }, version: STORE_VERSION + 1 });
    const { storage, map } = memoryStorage({ [STORE_KEY]: raw });
    const store = createAppStore({ storage, backupStorage: () => storage });
    expect(store.getState().recovery).toBe('newerVersion');
    expect(JSON.parse(map.get(BACKUP_KEY)!)).toEqual(JSON.parse(raw));
    // Working on here never writes over what the newer version saved.
    store.getState().startResponse(input);
    expect(map.get(STORE_KEY)).toBe(raw);
  });

  it('drops only the invalid responses, and backs up the whole state', () => {
    const good = makeResponse({ id: 'good', answers: { 'a-1': 3 } });
    const bad = { ...makeResponse({ id: 'bad' }), municipality: { number: 'x', name: '' } };
    const raw = JSON.stringify({ state: { responses: { good, bad }, language: 'nn' }, version: 1 });
    const { storage, map } = memoryStorage({ [STORE_KEY]: raw });
    const store = createAppStore({ storage, backupStorage: () => storage });
    expect(Object.keys(store.getState().responses)).toEqual(['good']);
    expect(store.getState().language).toBe('nn');
    expect(store.getState().recovery).toBe('invalidEntries');
    expect(map.get(BACKUP_KEY)).toContain('"bad"');
  });

  it('keeps state it cannot migrate (an unknown older version) as a backup', () => {
    const raw = JSON.stringify({ state: { responses: {} }, version: 0 });
    const { storage, map } = memoryStorage({ [STORE_KEY]: raw });
    const store = createAppStore({ storage, backupStorage: () => storage });
    expect(store.getState().recovery).toBe('migrationFailed');
    expect(JSON.parse(map.get(BACKUP_KEY)!)).toEqual(JSON.parse(raw));
  });

  it('merges answers from another tab, newest edit per statement wins', () => {
    const a = memoryStorage();
    const b = memoryStorage();
    const tabA = createAppStore({ storage: a.storage, now: clock });
    const id = tabA.getState().startResponse(input);
    tabA.getState().setAnswer('a-1', 1);
    b.map.set(STORE_KEY, a.map.get(STORE_KEY)!);
    const tabB = createAppStore({ storage: b.storage, now: clock });
    tabB.getState().setAnswer('a-2', 5);
    tabA.getState().setAnswer('a-1', 2);
    tabB.getState().syncFromOtherTab(a.map.get(STORE_KEY)!);
    tabA.getState().syncFromOtherTab(b.map.get(STORE_KEY)!);
    for (const tab of [tabA, tabB]) {
      const answers = tab.getState().responses[id]!.answers;
      expect(answers['a-1']?.value).toBe(2);
      expect(answers['a-2']?.value).toBe(5);
    }
  });

  it('ignores unreadable data from another tab', () => {
    const { storage } = memoryStorage();
    const store = createAppStore({ storage, now: clock });
    store.getState().startResponse(input);
    const before = store.getState().responses;
    store.getState().syncFromOtherTab('not json');
    expect(store.getState().responses).toBe(before);
  });
});

describe('a first visit', () => {
  it('starts clean with no recovery notice when nothing is saved', () => {
    const store = createAppStore({ storage: memoryStorage().storage });
    expect(store.getState().recovery).toBeNull();
    expect(store.getState().responses).toEqual({});
  });
});

describe('deletion across tabs', () => {
  it('a response deleted in one tab is not brought back by the other', () => {
    const a = memoryStorage();
    const tabA = createAppStore({ storage: a.storage, now: clock });
    const id = tabA.getState().startResponse(input);
    const b = memoryStorage({ [STORE_KEY]: a.map.get(STORE_KEY)! });
    const tabB = createAppStore({ storage: b.storage, now: clock });
    tabA.getState().deleteResponse(id);
    // B saves again (still holding the response), and each tab hears the other.
    tabB.getState().setLanguage('nn');
    tabA.getState().syncFromOtherTab(b.map.get(STORE_KEY)!);
    tabB.getState().syncFromOtherTab(a.map.get(STORE_KEY)!);
    expect(tabA.getState().responses).toEqual({});
    expect(tabB.getState().responses).toEqual({});
    expect(tabB.getState().activeResponseId).toBeNull();
  });
});
