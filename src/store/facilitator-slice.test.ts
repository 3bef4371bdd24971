import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createAppStore } from './app-store';
import { STORE_KEY, STORE_VERSION } from './persisted';

function memoryStorage(initial: Record<string, string> = {}): StateStorage {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
  };
}

describe('facilitator slice', () => {
  it('keeps hidden texts and expected numbers across a reload', () => {
    const storage = memoryStorage();
    const store = createAppStore({ storage });
    const s = () => store.getState();
    s().setFreeTextHidden('comment:r1:a-1', true);
    s().setFreeTextHidden('comment:r1:a-1', true);
    s().setFreeTextHidden('action:act-1', true);
    s().setFreeTextHidden('action:act-1', false);
    s().setExpectedResponses('1580|2|politician', 4);
    s().setExpectedResponses('1580|2|business', 2);
    s().setExpectedResponses('1580|2|business', null);
    s().setExpectedResponses('1580|2|other', -1);
    expect(s().hiddenFreeText).toEqual(['comment:r1:a-1']);
    expect(s().expectedResponses).toEqual({ '1580|2|politician': 4 });
    const reloaded = createAppStore({ storage }).getState();
    expect(reloaded.hiddenFreeText).toEqual(['comment:r1:a-1']);
    expect(reloaded.expectedResponses).toEqual({ '1580|2|politician': 4 });
    expect(reloaded.recovery).toBeNull();
  });

  it('reads state saved before these fields existed as nothing hidden and nothing typed', () => {
    const old = { state: { responses: {}, language: 'nn' }, version: STORE_VERSION };
    const storage = memoryStorage({ [STORE_KEY]: JSON.stringify(old) });
    const state = createAppStore({ storage }).getState();
    expect(state.language).toBe('nn');
    expect(state.hiddenFreeText).toEqual([]);
    expect(state.expectedResponses).toEqual({});
    expect(state.recovery).toBeNull();
  });

  it('drops saved values of the wrong shape without losing the rest', () => {
    const bad = {
      state: { language: 'en', hiddenFreeText: 'all', expectedResponses: { x: 'many' } },
      version: STORE_VERSION,
    };
    const storage = memoryStorage({ [STORE_KEY]: JSON.stringify(bad) });
    const state = createAppStore({ storage }).getState();
    expect(state.language).toBe('en');
    expect(state.hiddenFreeText).toEqual([]);
    expect(state.expectedResponses).toEqual({});
  });
});
