import { describe, expect, it } from 'vitest';
import {
  backupDue,
  backupFileName,
  createBackup,
  lastChangeOf,
  readBackup,
  serializeBackup,
} from './backup';
import { makeResponse } from '../testing/fixtures';

const held = {
  sources: [
    {
      id: 's1',
      fileName: 'haram.json',
      importedAt: '2024-05-03T10:00:00.000Z',
      kind: 'file' as const,
      responses: { b: makeResponse({ id: 'b' }), a: makeResponse({ id: 'a' }) },
      actions: {},
      agreements: {},
    },
  ],
  salt: '0123456789abcdef0123456789abcdef',
  anonymised: false,
  viewer: null,
  actions: {},
  agreements: {},
};
const meta = { appVersion: '0.1.0', exportedAt: '2024-05-04T08:00:00.000Z' };

describe('createBackup and readBackup', () => {
  it('reads back what it wrote, and writes it again byte for byte', () => {
    const text = serializeBackup(createBackup(held, meta));
    const read = readBackup(text);
    if (!read.ok) throw new Error(read.code);
    expect(read.backup.sources[0]!.responses.map((r) => r.id)).toEqual(['a', 'b']);
    expect(serializeBackup(read.backup)).toBe(text);
    expect(backupFileName('Sikkerhetskopi', meta.exportedAt)).toBe(
      'naeringsspeilet-sikkerhetskopi-2024-05-04.json',
    );
  });

  it.each<[string, string, string]>([
    ['not JSON', '{"format"', 'notJson'],
    ['a results file', '{"format":"naeringsspeilet-results","formatVersion":2}', 'notBackup'],
    ['from a newer app', '{"format":"naeringsspeilet-backup","formatVersion":2}', 'newerFormat'],
    ['without its parts', '{"format":"naeringsspeilet-backup","formatVersion":1}', 'invalid'],
    ['too deep', `${'['.repeat(100)}${']'.repeat(100)}`, 'tooDeep'],
  ])('refuses %s', (_name, input, code) => {
    const read = readBackup(input);
    expect(read.ok ? 'ok' : read.code).toBe(code);
  });

  it('refuses the same id twice in one list, and a file over the limit', () => {
    const twice = createBackup(held, meta);
    twice.sources[0]!.responses.push(twice.sources[0]!.responses[0]!);
    expect(readBackup(serializeBackup(twice))).toMatchObject({ ok: false, code: 'invalid' });
    expect(readBackup(serializeBackup(createBackup(held, meta)), 100)).toMatchObject({
      ok: false,
      code: 'tooLarge',
    });
  });
});

describe('the backup reminder', () => {
  const changedAt = lastChangeOf({
    ...held,
    actions: { x: { updatedAt: '2024-05-03T12:00:00.000Z' } },
  });

  it('knows when the data last changed: an import, or an edit at a gathering', () => {
    expect(changedAt).toBe('2024-05-03T12:00:00.000Z');
    expect(lastChangeOf({ sources: [], actions: {}, agreements: {} })).toBeNull();
  });

  it('does not ask for a backup of the made-up demo network', () => {
    const demo = { updatedAt: '2024-05-03T12:00:00.000Z', demo: true };
    expect(
      lastChangeOf({
        sources: [{ importedAt: '2024-05-03T12:00:00.000Z', kind: 'demo' }],
        actions: { a: demo },
        agreements: { b: demo },
      }),
    ).toBeNull();
    expect(
      lastChangeOf({
        sources: [
          { importedAt: '2024-05-03T12:00:00.000Z', kind: 'demo' },
          { importedAt: '2024-05-01T08:00:00.000Z', kind: 'file' },
        ],
        actions: { a: demo },
        agreements: {},
      }),
    ).toBe('2024-05-01T08:00:00.000Z');
  });

  it('reminds once the data is newer than the last backup, and not again once put off', () => {
    expect(backupDue({ changedAt: null, lastBackupAt: null, putOffAt: null })).toBe(false);
    expect(backupDue({ changedAt, lastBackupAt: null, putOffAt: null })).toBe(true);
    expect(backupDue({ changedAt, lastBackupAt: '2024-05-03T11:00:00Z', putOffAt: null })).toBe(
      true,
    );
    expect(
      backupDue({ changedAt, lastBackupAt: '2024-05-03T14:00:00+02:00', putOffAt: null }),
    ).toBe(false);
    expect(backupDue({ changedAt, lastBackupAt: null, putOffAt: '2024-05-03T13:00:00Z' })).toBe(
      false,
    );
    // A later import brings it back.
    expect(
      backupDue({
        changedAt: '2024-06-13T09:00:00Z',
        lastBackupAt: null,
        putOffAt: '2024-05-03T13:00:00Z',
      }),
    ).toBe(true);
  });
});
