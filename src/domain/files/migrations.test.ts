import { describe, expect, it } from 'vitest';
import {
  FORMAT_MIGRATIONS,
  applyLegacyKeys,
  keyRenameMigration,
  migrateResultsFile,
  renameKey,
  type FormatMigration,
} from './migrations';
import { RESULTS_FORMAT_VERSION } from './results-file';
import type { JsonRecord } from '../core/migrations';

// An injected table, as in src/store/persisted.test.ts: versions 1 → 2 → 3.
const table: FormatMigration[] = [
  { from: 2, description: '2 → 3', legacyKeys: [], migrate: (f) => ({ ...f, renamed: f.added }) },
  { from: 1, description: '1 → 2', legacyKeys: [], migrate: (f) => ({ ...f, added: 'in-2' }) },
];

describe('migrateResultsFile', () => {
  it('runs every step in order from the file version, and sets formatVersion', () => {
    expect(migrateResultsFile({ a: 1, formatVersion: 1 }, 1, table, 3)).toEqual({
      ok: true,
      file: { a: 1, formatVersion: 3, added: 'in-2', renamed: 'in-2' },
      applied: [1, 2],
    });
    expect(migrateResultsFile({ added: 'x', formatVersion: 2 }, 2, table, 3)).toEqual({
      ok: true,
      file: { added: 'x', formatVersion: 3, renamed: 'x' },
      applied: [2],
    });
  });

  it('leaves a current file alone', () => {
    expect(migrateResultsFile({ formatVersion: 3, x: 1 }, 3, table, 3)).toEqual({
      ok: true,
      file: { formatVersion: 3, x: 1 },
      applied: [],
    });
  });

  it.each<[string, number, string, string]>([
    ['a newer version', 4, 'newerFormat', 'formatVersion 4 > 3'],
    ['a version with no step', 0, 'unsupportedFormat', 'No migration from formatVersion 0'],
    ['a negative version', -1, 'unsupportedFormat', 'formatVersion -1'],
    ['a fraction', 1.5, 'unsupportedFormat', 'formatVersion 1.5'],
    ['NaN', Number.NaN, 'unsupportedFormat', 'formatVersion NaN'],
    ['Infinity', Number.POSITIVE_INFINITY, 'unsupportedFormat', 'formatVersion Infinity'],
  ])('refuses %s', (_name, version, code, detail) => {
    expect(migrateResultsFile({}, version, table, 3)).toEqual({ ok: false, code, detail });
  });

  it('turns a throwing step, or one that returns no object, into invalid', () => {
    const throwing: FormatMigration[] = [
      {
        from: 1,
        description: 'x',
        legacyKeys: [],
        migrate: () => {
          throw new RangeError('bad shape');
        },
      },
    ];
    expect(migrateResultsFile({}, 1, throwing, 2)).toEqual({
      ok: false,
      code: 'invalid',
      detail: 'Migration from formatVersion 1 failed: bad shape',
    });
    const returnsArray: FormatMigration[] = [
      { from: 1, description: 'x', legacyKeys: [], migrate: () => [] as unknown as JsonRecord },
    ];
    expect(migrateResultsFile({}, 1, returnsArray, 2)).toMatchObject({
      ok: false,
      code: 'invalid',
    });
  });

  it('never mutates its input', () => {
    const input = Object.freeze({ formatVersion: 1, a: Object.freeze({ b: 1 }) });
    const result = migrateResultsFile(input, 1, table, 3);
    expect(result.ok).toBe(true);
    expect(input).toEqual({ formatVersion: 1, a: { b: 1 } });
  });

  it('has a step for every released version below the current one, each once', () => {
    const froms = FORMAT_MIGRATIONS.map((m) => m.from).sort((a, b) => a - b);
    expect(new Set(froms).size).toBe(froms.length);
    // Version 1 is the first released format: steps cover 1 … current − 1 with no gap.
    expect(froms).toEqual(Array.from({ length: RESULTS_FORMAT_VERSION - 1 }, (_, i) => i + 1));
    for (const m of FORMAT_MIGRATIONS) expect(m.description).not.toBe('');
  });
});

describe('legacy keys', () => {
  it.each<[string, JsonRecord, string, string | null, JsonRecord]>([
    ['renames a key', { old: 1, x: 2 }, 'old', 'new', { x: 2, new: 1 }],
    ['drops a key', { old: 1, x: 2 }, 'old', null, { x: 2 }],
    ['keeps the new key when both are present', { old: 1, new: 2 }, 'old', 'new', { new: 2 }],
    ['does nothing when the key is absent', { x: 2 }, 'old', 'new', { x: 2 }],
  ])('renameKey %s', (_name, input, from, to, expected) => {
    expect(renameKey(input, from, to)).toEqual(expected);
  });

  it('copies a __proto__ key as an ordinary own key, polluting nothing', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "old": 1}') as JsonRecord;
    const out = renameKey(input, 'old', 'new');
    expect(Object.hasOwn(out, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(({} as JsonRecord).polluted).toBeUndefined();
  });

  it('applyLegacyKeys applies only its scope, in table order', () => {
    const keys = [
      { scope: 'response', key: 'a', replacedBy: 'b' },
      { scope: 'response', key: 'b', replacedBy: 'c' },
      { scope: 'file', key: 'x', replacedBy: null },
    ] as const;
    expect(applyLegacyKeys({ a: 1, x: 2 }, keys, 'response')).toEqual({ c: 1, x: 2 });
    expect(applyLegacyKeys({ a: 1, x: 2 }, keys, 'file')).toEqual({ a: 1 });
  });

  it('keyRenameMigration renames at every scope and leaves odd shapes alone', () => {
    const step = keyRenameMigration(1, 'test', [
      { scope: 'file', key: 'list', replacedBy: 'responses' },
      { scope: 'response', key: 'who', replacedBy: 'respondent' },
      { scope: 'answer', key: 'level', replacedBy: 'value' },
      { scope: 'action', key: 'text', replacedBy: 'title' },
    ]);
    const input = {
      list: [{ who: 'p', answers: { s1: { level: 3 }, s2: 'odd' } }, 42],
      actions: [{ text: 'Tiltak' }, null],
    };
    const frozen = structuredClone(input);
    expect(step.migrate(input)).toEqual({
      responses: [{ respondent: 'p', answers: { s1: { value: 3 }, s2: 'odd' } }, 42],
      actions: [{ title: 'Tiltak' }, null],
    });
    expect(input).toEqual(frozen); // not mutated
    expect(step.migrate({ responses: 'not a list' })).toEqual({ responses: 'not a list' });
  });
});
