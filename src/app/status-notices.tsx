import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { lazy, Suspense, useState } from 'react';
import { KeptCopyNotice, RecoveryAlert } from './kept-copy';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../store/store-context';
import { clearBackup, readBackup } from '../lib/storage';
import { downloadText } from '../lib/download';
import { exportAllResponses } from '../features/assessment/export';

// Precached with the delegate's files (scripts/first-screen.ts), so they show offline too.
const NetworkNotices = lazy(() => import('./network-notices'));

function downloadBackup() {
  const raw = readBackup();
  if (raw !== null) downloadText('naeringsspeilet-sikkerhetskopi.json', raw);
}

/**
 * Storage problems and recovered state, with a way out for the user's data: the answers saved
 * in localStorage, and the network's data saved in IndexedDB. A kept copy of unreadable data
 * stays within reach after a reload, until the user deletes it.
 */
export function StatusNotices() {
  const { t } = useTranslation();
  const storageStatus = useAppStore((s) => s.storageStatus);
  const recovery = useAppStore((s) => s.recovery);
  const dismissRecovery = useAppStore((s) => s.dismissRecovery);
  // The network's saved data loads after the first screen (main.tsx); so do its notices.
  const networkNotices = useAppStore(
    (s) =>
      s.networkStorageStatus !== 'ok' ||
      s.networkRecovery !== null ||
      Object.keys(s.networkKept).length > 0,
  );
  const store = useAppStoreApi();
  const [hasBackup, setHasBackup] = useState(() => readBackup() !== null);
  const [backupDismissed, setBackupDismissed] = useState(false);

  return (
    <>
      {storageStatus !== 'ok' && (
        <Alert data-color="warning" className="notice">
          <Paragraph>{t(`storage.${storageStatus}`)}</Paragraph>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={() => exportAllResponses(store.getState())}
          >
            {t('storage.exportNow')}
          </Button>
        </Alert>
      )}
      {recovery !== null && (
        <RecoveryAlert
          texts={[t(`recovery.${recovery}`)]}
          onDownload={downloadBackup}
          onDismiss={() => {
            dismissRecovery();
            setBackupDismissed(true);
          }}
        />
      )}
      {recovery === null && hasBackup && !backupDismissed && (
        <KeptCopyNotice
          text={t('recovery.backupKept')}
          onDownload={downloadBackup}
          onDelete={() => {
            clearBackup();
            setHasBackup(readBackup() !== null);
          }}
          onDismiss={() => setBackupDismissed(true)}
        />
      )}
      {networkNotices && (
        <Suspense fallback={null}>
          <NetworkNotices />
        </Suspense>
      )}
    </>
  );
}
