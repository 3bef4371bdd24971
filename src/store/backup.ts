import { createBackup, type NetworkBackup } from '../domain/files/backup';
import { isSalt } from '../lib/id';
import type { AppState, AppStore } from './app-store';
import { networkFromSources, type ImportedSource } from './network-slice';

const record = <T extends { id: string }>(items: readonly T[]): Record<string, T> =>
  Object.fromEntries(items.map((x) => [x.id, x]));

/** The backup of everything the network screens are made from (domain/files/backup.ts). */
export function backupOf(
  state: Pick<AppState, 'network' | 'networkView' | 'actions' | 'agreements'>,
  meta: { appVersion: string; exportedAt: string },
): NetworkBackup {
  return createBackup(
    {
      sources: state.network.sources,
      salt: state.network.salt,
      anonymised: state.networkView.anonymised,
      viewer: state.networkView.viewer,
      actions: state.actions,
      agreements: state.agreements,
    },
    meta,
  );
}

/**
 * Puts back what a backup holds, in place of the network, this device's actions and agreed
 * answers, and the anonymisation settings; this device's own responses stay. Refuses (and
 * changes nothing) when the salt is not one the app makes.
 */
export function restoreBackup(store: AppStore, backup: NetworkBackup): boolean {
  if (!isSalt(backup.settings.salt)) return false;
  const sources: ImportedSource[] = backup.sources.map((s) => ({
    id: s.id,
    fileName: s.fileName,
    importedAt: s.importedAt,
    kind: s.kind,
    responses: record(s.responses),
    actions: record(s.actions),
    agreements: record(s.agreements),
  }));
  const state = store.getState();
  store.setState({
    network: networkFromSources(sources, backup.settings.salt),
    actions: record(backup.own.actions),
    agreements: record(backup.own.agreements),
    networkView: {
      ...state.networkView,
      anonymised: backup.settings.anonymised,
      viewer: backup.settings.viewer,
    },
    // The data is now exactly what the backup holds.
    lastBackupAt: backup.exportedAt,
  });
  return true;
}
