import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useAppStoreApi } from '../store/store-context';
import type { NetworkRecovery } from '../store/status-slice';
import { clearBackup, readBackup } from '../lib/storage';
import { downloadText } from '../lib/download';
import { exportAllResponses } from '../features/assessment/export';

function downloadBackup() {
  const raw = readBackup();
  if (raw !== null) downloadText('naeringsspeilet-sikkerhetskopi.json', raw);
}

/** Download the kept copy, (optionally) delete it, or close the notice. */
function CopyActions({
  onDownload,
  onDismiss,
  deleteButton,
}: {
  onDownload: () => void;
  onDismiss: () => void;
  deleteButton?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button variant="secondary" data-size="sm" onClick={onDownload}>
        {t('recovery.downloadBackup')}
      </Button>
      {deleteButton}
      <Button variant="tertiary" data-size="sm" onClick={onDismiss}>
        {t('recovery.dismiss')}
      </Button>
    </div>
  );
}

/** Saved data could not be used as it was: why, a copy to download, and a way to close it. */
function RecoveryAlert({
  texts,
  onDownload,
  onDismiss,
}: {
  texts: string[];
  onDownload: () => void;
  onDismiss: () => void;
}) {
  return (
    <Alert data-color="danger" className="notice">
      {texts.map((text) => (
        <Paragraph key={text}>{text}</Paragraph>
      ))}
      <CopyActions onDownload={onDownload} onDismiss={onDismiss} />
    </Alert>
  );
}

/** A kept copy of unreadable data, within reach until the user deletes it (after a question). */
function KeptCopyNotice({
  text,
  onDownload,
  onDelete,
  onDismiss,
}: {
  text: string;
  onDownload: () => void;
  onDelete: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The button pressed gives way to the next step: keep keyboard focus with the question.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const askedRef = useRef(false);
  useEffect(() => {
    if (confirmDelete) confirmRef.current?.focus();
    else if (askedRef.current) deleteRef.current?.focus();
    askedRef.current = confirmDelete;
  }, [confirmDelete]);

  return (
    <Alert data-color="info" className="notice">
      <Paragraph>{text}</Paragraph>
      {confirmDelete ? (
        <>
          <Paragraph>{t('recovery.deleteQuestion')}</Paragraph>
          <div className="button-row">
            <Button
              ref={confirmRef}
              variant="secondary"
              data-color="danger"
              data-size="sm"
              onClick={() => {
                onDelete();
                setConfirmDelete(false);
              }}
            >
              {t('recovery.confirmDelete')}
            </Button>
            <Button variant="tertiary" data-size="sm" onClick={() => setConfirmDelete(false)}>
              {t('recovery.cancelDelete')}
            </Button>
          </div>
        </>
      ) : (
        <CopyActions
          onDownload={onDownload}
          onDismiss={onDismiss}
          deleteButton={
            <Button
              ref={deleteRef}
              variant="tertiary"
              data-size="sm"
              onClick={() => setConfirmDelete(true)}
            >
              {t('recovery.deleteBackup')}
            </Button>
          }
        />
      )}
    </Alert>
  );
}

/** What a load of the network's saved data could not use, one sentence per kind of problem. */
function networkRecoveryTexts(
  recovery: NetworkRecovery,
  t: ReturnType<typeof useTranslation>['t'],
): string[] {
  return [
    recovery.migrationFailed ? t('networkRecovery.migrationFailed') : null,
    recovery.unreadable > 0
      ? t('networkRecovery.unreadable', { count: recovery.unreadable })
      : null,
    recovery.invalidEntries > 0
      ? t('networkRecovery.invalidEntries', { count: recovery.invalidEntries })
      : null,
  ].filter((text) => text !== null);
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
  const network = useAppStore(
    useShallow((s) => ({
      status: s.networkStorageStatus,
      recovery: s.networkRecovery,
      kept: s.networkKept,
      dismiss: s.dismissNetworkRecovery,
      deleteKept: s.deleteNetworkKept,
    })),
  );
  const store = useAppStoreApi();
  const [hasBackup, setHasBackup] = useState(() => readBackup() !== null);
  const [backupDismissed, setBackupDismissed] = useState(false);
  const [networkKeptDismissed, setNetworkKeptDismissed] = useState(false);
  const downloadNetworkKept = () =>
    downloadText(t('networkRecovery.fileName'), JSON.stringify(network.kept, null, 2));

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
      {network.status !== 'ok' && (
        <Alert data-color="warning" className="notice">
          <Paragraph>{t(`networkStorage.${network.status}`)}</Paragraph>
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
      {network.recovery !== null && (
        <RecoveryAlert
          texts={networkRecoveryTexts(network.recovery, t)}
          onDownload={downloadNetworkKept}
          onDismiss={() => {
            network.dismiss();
            setNetworkKeptDismissed(true);
          }}
        />
      )}
      {network.recovery === null &&
        Object.keys(network.kept).length > 0 &&
        !networkKeptDismissed && (
          <KeptCopyNotice
            text={t('networkRecovery.backupKept')}
            onDownload={downloadNetworkKept}
            onDelete={network.deleteKept}
            onDismiss={() => setNetworkKeptDismissed(true)}
          />
        )}
    </>
  );
}
