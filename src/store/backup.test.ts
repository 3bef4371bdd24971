import { describe, expect, it } from 'vitest';
import { memoryStateStorage } from '../app/test-utils';
import { createDemoNetwork } from '../domain/demo/demo-network';
import { readBackup, serializeBackup } from '../domain/files/backup';
import { CURRENT_QUESTIONNAIRE } from '../lib/questionnaires';
import { createAppStore, type AppStore } from './app-store';
import { backupOf, restoreBackup } from './backup';

const META = { appVersion: 'test', exportedAt: '2024-05-04T08:00:00.000Z' };

function facilitatorStore(): AppStore {
  const store = createAppStore({ storage: memoryStateStorage() });
  const s = store.getState();
  s.hydrateNetwork(null);
  s.addImport(
    { fileName: 'demo.json', kind: 'demo' },
    createDemoNetwork(CURRENT_QUESTIONNAIRE),
    [],
  );
  s.addAction({
    municipality: { number: '1580', name: 'Haram' },
    areaId: 'strategy',
    title: 'Rullere næringsplanen',
    period: '2024',
    round: 2,
  });
  s.setAgreed(
    {
      municipality: { number: '1580', name: 'Haram' },
      gathering: { period: '2024', round: 2 },
      questionnaire: { id: CURRENT_QUESTIONNAIRE.id, version: CURRENT_QUESTIONNAIRE.version },
    },
    'strategy-1',
    4,
    'Planen finst, men er gammal.',
  );
  s.setNetworkView({ anonymised: true, viewer: '1516' });
  return store;
}

function text(store: AppStore): string {
  return serializeBackup(backupOf(store.getState(), META));
}

describe('the network backup', () => {
  it('backup, clear, restore: the same data, byte for byte', () => {
    const store = facilitatorStore();
    const before = text(store);
    const backup = JSON.parse(before) as { settings: { salt: string }; own: { actions: [] } };
    expect(backup.settings.salt).toBe(store.getState().network.salt);
    expect(backup.own.actions).toHaveLength(1);

    // The browser's data is gone: a new store, empty, with another salt.
    const cleared = createAppStore({ storage: memoryStateStorage() });
    cleared.getState().hydrateNetwork(null);
    expect(cleared.getState().network.salt).not.toBe(store.getState().network.salt);
    const read = readBackup(new TextEncoder().encode(before));
    if (!read.ok) throw new Error(read.code);
    expect(restoreBackup(cleared, read.backup)).toBe(true);
    expect(text(cleared)).toBe(before);
    // The same salt, so hidden names get the same letters; the same records from each file.
    expect(cleared.getState().network.salt).toBe(store.getState().network.salt);
    expect(cleared.getState().network.responses).toEqual(store.getState().network.responses);
    expect(cleared.getState().network.sources.map((s) => s.id)).toEqual(
      store.getState().network.sources.map((s) => s.id),
    );
    expect(cleared.getState().networkView).toMatchObject({ anonymised: true, viewer: '1516' });
  });

  it('a failed restore changes nothing', () => {
    const store = facilitatorStore();
    const before = text(store);
    for (const bad of [
      '',
      '{',
      '{"format":"naeringsspeilet-results"}',
      before.replace('"salt"', '"salz"'),
    ]) {
      expect(readBackup(bad).ok).toBe(false);
    }
    const read = readBackup(before);
    if (!read.ok) throw new Error(read.code);
    const badSalt = { ...read.backup, settings: { ...read.backup.settings, salt: 'short' } };
    expect(restoreBackup(store, badSalt)).toBe(false);
    expect(text(store)).toBe(before);
  });

  it('is saved as taken: the reminder stays away until the data changes', () => {
    const store = facilitatorStore();
    expect(store.getState().lastBackupAt).toBeNull();
    store.getState().backupTaken();
    const read = readBackup(text(store));
    if (!read.ok) throw new Error(read.code);
    expect(restoreBackup(store, read.backup)).toBe(true);
    expect(store.getState().lastBackupAt).toBe(META.exportedAt);
  });
});
