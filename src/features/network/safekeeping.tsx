import { useEffect, useState } from 'react';
import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { Section } from '../../ui/section';
import { FilePicker } from '../../ui/fields';
import { useNetworkTranslation } from '../../i18n/network-namespace';
import {
  backupDue,
  backupFileName,
  lastChangeOf,
  readBackup,
  serializeBackup,
} from '../../domain/files/backup';
import { askToPersist, estimateStorage, storageLow } from '../../lib/browser-storage';
import { downloadText } from '../../lib/download';
import { readFileBytes } from '../../lib/read-file';
import { formatBytes, formatDate } from '../../i18n/format';
import { backupOf, restoreBackup } from '../../store/backup';
import { useAppStore, useAppStoreApi } from '../../store/store-context';
import { InstallOffer } from '../../ui/install-offer';

/**
 * Asks the browser once per visit, when a network is loaded, to keep the data
 * (navigator.storage.persist), and reads how much room is used; SafekeepingPanel shows both.
 */
function useStorageSafety(hasData: boolean): void {
  const asked = useAppStore((s) => s.persistence !== null);
  const setPersistence = useAppStore((s) => s.setPersistence);
  const setEstimate = useAppStore((s) => s.setStorageEstimate);
  useEffect(() => {
    if (!hasData || asked) return;
    let current = true;
    void askToPersist().then((answer) => current && setPersistence(answer));
    void estimateStorage().then((estimate) => current && setEstimate(estimate));
    return () => {
      current = false;
    };
  }, [hasData, asked, setPersistence, setEstimate]);
}

/**
 * useStorageSafety in a component of its own that draws nothing: the browser's answers then
 * re-render only it, not the network screen around it (at national scale, after an import, that
 * was a 60–80 ms task: every file's import report and the heatmap drawn again).
 */
export function StorageSafety({ hasData }: { hasData: boolean }) {
  useStorageSafety(hasData);
  return null;
}

/** Writes the whole network to one file and notes when (the reminder reads it). */
function useTakeBackup(): () => void {
  const { t } = useNetworkTranslation();
  const store = useAppStoreApi();
  return () => {
    const exportedAt = new Date().toISOString();
    const backup = backupOf(store.getState(), { appVersion: __APP_VERSION__, exportedAt });
    downloadText(backupFileName(t('safekeeping.fileWord'), exportedAt), serializeBackup(backup));
    store.getState().backupTaken();
  };
}

/**
 * The reminder, at the top of the network screens: the data changed (an import, or work at a
 * gathering) after the last backup. "Not now" hides it until the data changes again.
 */
export function BackupReminder() {
  const { t } = useNetworkTranslation();
  const take = useTakeBackup();
  const putOff = useAppStore((s) => s.putOffBackupReminder);
  const due = useAppStore((s) =>
    backupDue({
      changedAt: lastChangeOf({
        sources: s.network.sources,
        actions: s.actions,
        agreements: s.agreements,
      }),
      lastBackupAt: s.lastBackupAt,
      putOffAt: s.backupReminderPutOffAt,
    }),
  );
  if (!due) return null;
  return (
    <Alert data-color="info" data-size="sm" className="backup-reminder">
      <Paragraph>{t('safekeeping.reminder')}</Paragraph>
      <div className="button-row">
        <Button data-size="sm" onClick={take}>
          {t('safekeeping.backup')}
        </Button>
        <Button data-size="sm" variant="tertiary" onClick={putOff}>
          {t('safekeeping.notNow')}
        </Button>
      </div>
    </Alert>
  );
}

/**
 * On the data screen: whether the browser keeps the data, room left, backup and restore. With
 * no data yet (a new browser), only the restore.
 */
export function SafekeepingPanel({ hasData }: { hasData: boolean }) {
  const { t } = useNetworkTranslation();
  const store = useAppStoreApi();
  const language = useAppStore((s) => s.language);
  const persistence = useAppStore((s) => s.persistence);
  const estimate = useAppStore((s) => s.storageEstimate);
  const lastBackupAt = useAppStore((s) => s.lastBackupAt);
  const take = useTakeBackup();
  const [outcome, setOutcome] = useState<'restored' | 'failed' | null>(null);

  async function restore(file: File) {
    const read = readBackup(await readFileBytes(file));
    if (!read.ok) return setOutcome('failed');
    if (!window.confirm(t('safekeeping.restoreConfirm'))) return setOutcome(null);
    setOutcome(restoreBackup(store, read.backup) ? 'restored' : 'failed');
  }

  return (
    <Section
      id="safekeeping-heading"
      size="sm"
      className="safekeeping"
      title={t('safekeeping.title')}
    >
      {persistence !== null && (
        <Paragraph data-testid="persistence">
          {persistence === 'granted'
            ? t('safekeeping.persistGranted')
            : persistence === 'denied'
              ? t('safekeeping.persistDenied')
              : t('safekeeping.persistUnsupported')}
        </Paragraph>
      )}
      {estimate !== null && storageLow(estimate) && (
        <Alert data-color="warning" data-size="sm">
          <Paragraph>
            {t('safekeeping.storageLow', {
              used: formatBytes(estimate.usage, language),
              left: formatBytes(Math.max(0, estimate.quota - estimate.usage), language),
            })}
          </Paragraph>
        </Alert>
      )}
      {hasData && (
        <>
          <InstallOffer />
          <Paragraph data-size="sm">{t('safekeeping.backupHelp')}</Paragraph>
          <Paragraph data-size="sm">
            {lastBackupAt === null
              ? t('safekeeping.neverBackedUp')
              : t('safekeeping.lastBackup', { date: formatDate(lastBackupAt, language) })}
          </Paragraph>
        </>
      )}
      <div className="button-row">
        {hasData && <Button onClick={take}>{t('safekeeping.backup')}</Button>}
        <FilePicker
          label={t('safekeeping.restore')}
          accept=".json,application/json"
          onFile={(file) => void restore(file)}
        />
      </div>
      <div aria-live="polite">
        {outcome === 'restored' && (
          <Alert data-color="success" data-size="sm">
            {t('safekeeping.restored')}
          </Alert>
        )}
        {outcome === 'failed' && (
          <Alert data-color="danger" data-size="sm">
            {t('safekeeping.restoreFailed')}
          </Alert>
        )}
      </div>
    </Section>
  );
}
