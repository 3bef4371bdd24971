import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createAction } from '../domain/priorities/actions';
import { createAppStore } from './app-store';

function memoryStorage(): StateStorage {
  const map = new Map<string, string>();
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

const input = {
  municipality: { number: '1516', name: 'Ulstein' },
  areaId: 'a',
  title: 'Næringsforum',
  round: 1 as const,
};

function storeHolding(updatedAt: string) {
  const storage = memoryStorage();
  const store = createAppStore({ storage, now: () => new Date('2024-05-03T08:00:00Z') });
  const held = { ...createAction(input, updatedAt, 'act-1'), title: 'Held' };
  store.getState().adoptAction(held);
  return store;
}

describe('adoptAction (the import rule: the newer edit wins, compared as instants)', () => {
  it('takes an imported copy edited later, even when its text sorts lower (+02:00 against Z)', () => {
    // Held: 12:00 at +02:00 is 10:00 UTC. Imported: 11:00 UTC, an hour later.
    const store = storeHolding('2024-05-03T12:00:00+02:00');
    const imported = { ...createAction(input, '2024-05-03T11:00:00Z', 'act-1'), title: 'Newer' };
    store.getState().adoptAction(imported);
    expect(store.getState().actions['act-1']!.title).toBe('Newer');
  });

  it('keeps the held copy when the imported one is older, even when its text sorts higher', () => {
    // Held: 10:00 UTC. Imported: 11:30 at +02:00 is 09:30 UTC.
    const store = storeHolding('2024-05-03T10:00:00Z');
    const imported = {
      ...createAction(input, '2024-05-03T11:30:00+02:00', 'act-1'),
      title: 'Older',
    };
    store.getState().adoptAction(imported);
    expect(store.getState().actions['act-1']!.title).toBe('Held');
  });

  it('keeps the same object when the imported copy is identical', () => {
    const store = storeHolding('2024-05-03T10:00:00Z');
    const before = store.getState().actions;
    store.getState().adoptAction(structuredClone(before['act-1']!));
    expect(store.getState().actions).toBe(before);
  });
});
