import { describe, expect, it } from 'vitest';
import { migrateState, MigrationError, validatePersisted } from './persisted';
import { makeResponse } from '../domain/testing/fixtures';

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
    expect(migrateState({ responses: {} }, 1)).toEqual({ responses: {} });
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
