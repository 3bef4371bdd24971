import { describe, expect, it } from 'vitest';
import { migrateState, MigrationError, STORE_KEY, validatePersisted } from './persisted';
import { makeResponse } from '../domain/testing/fixtures';
import type { Response } from '../domain/core/types';
import { createAppStore } from './app-store';
import fixtureV1 from './fixtures/persisted-v1.json';

describe('migrateState', () => {
  const table = {
    1: (s: Record<string, unknown>) => ({ ...s, added: 'in-2' }),
    2: (s: Record<string, unknown>) => ({ ...s, renamed: s.added }),
  };
  it('runs every step in order from the saved version', () => {
    expect(migrateState({ a: 1 }, 1, table, 3)).toEqual({ a: 1, added: 'in-2', renamed: 'in-2' });
    expect(migrateState({ added: 'x' }, 2, table, 3)).toEqual({ added: 'x', renamed: 'x' });
  });
  it('refuses a newer version and a missing step', () => {
    expect(() => migrateState({}, 4, table, 3)).toThrow(MigrationError);
    expect(() => migrateState({}, 0, table, 3)).toThrow(/No migration from version 0/);
  });
  it('leaves current state alone', () => {
    expect(migrateState({ responses: {} }, 2)).toEqual({ responses: {} });
  });
});

describe('validatePersisted', () => {
  it('drops responses stored under a key that is not their id, and reserved keys', () => {
    const r = makeResponse({ id: 'r1' });
    const state = JSON.parse(
      `{"responses": {"other": ${JSON.stringify(r)}, "__proto__": ${JSON.stringify(r)}}}`,
    ) as unknown;
    const { state: out, rejected } = validatePersisted(state);
    expect(out.responses).toEqual({});
    expect(rejected).toBe(2);
    expect(({} as Record<string, unknown>).id).toBeUndefined();
  });
});

describe('saved state of version 1 (before periods)', () => {
  const saved = fixtureV1 as { state: Record<string, unknown>; version: number };

  it('migrates: every gathering gets its period, and the network view starts from the latest', () => {
    expect(saved.version).toBe(1);
    const migrated = migrateState(saved.state, saved.version);
    const { state, rejected } = validatePersisted(migrated);
    expect(rejected).toBe(0);
    expect(state.responses['r-1516-adm-1']!.gathering).toEqual({
      round: 4,
      date: '2024-12-05',
      period: '2024',
    });
    expect(state.responses['r-1516-adm-2']!.gathering.period).toBe('2025');
    // Agreed at the December gathering, written in January: the gathering's period.
    const action = state.actions['act-1516-1']!;
    expect(action.period).toBe('2024');
    expect(action.followUps[0]!.period).toBe('2025');
    expect(state.agreements['agreed-1516-r4']!.period).toBe('2024');
    expect(state.networkView).toEqual({
      gathering: null,
      anonymised: true,
      viewer: '1516',
      source: 'agreed',
    });
    // Everything else is as it was.
    expect(state.language).toBe('nn');
    expect(state.activeResponseId).toBe('r-1516-adm-2');
    expect(state.lastAreaByResponse).toEqual({ 'r-1516-adm-2': 'strategy' });
    expect(state.deletedResponses).toEqual({ 'r-old': '2024-11-30T10:00:00.000Z' });
    expect(state.responses['r-1516-adm-1']!.answers).toEqual(
      (saved.state.responses as Record<string, Response>)['r-1516-adm-1']!.answers,
    );
    expect(JSON.stringify(saved)).toBe(JSON.stringify(fixtureV1));
  });

  it('loads in a new store with nothing set aside', () => {
    const map = new Map([[STORE_KEY, JSON.stringify(saved)]]);
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
      removeItem: (k: string) => void map.delete(k),
    };
    const store = createAppStore({ storage });
    expect(store.getState().recovery).toBeNull();
    expect(Object.keys(store.getState().responses)).toHaveLength(2);
    expect(store.getState().responses['r-1516-adm-2']!.gathering.period).toBe('2025');
  });
});
