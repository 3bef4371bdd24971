import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore, useAppStoreApi } from '../store/store-context';
import { clearBackup, readBackup } from '../lib/storage';
import { downloadText } from '../lib/download';
import { exportAllResponses } from '../features/assessment/export';

function downloadBackup() {
  const raw = readBackup();
  if (raw !== null) downloadText('naeringsspeilet-sikkerhetskopi.json', raw);
}

/**
 * Storage problems and recovered state, with a way out for the user's data. A kept copy of
 * unreadable data stays within reach after a reload, until the user deletes it.
 */
export function StatusNotices() {
  const { t } = useTranslation();
  const storageStatus = useAppStore((s) => s.storageStatus);
  const recovery = useAppStore((s) => s.recovery);
  const dismissRecovery = useAppStore((s) => s.dismissRecovery);
  const store = useAppStoreApi();
  const [hasBackup, setHasBackup] = useState(() => readBackup() !== null);
  const [backupDismissed, setBackupDismissed] = useState(false);
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
        <Alert data-color="danger" className="notice">
          <Paragraph>{t(`recovery.${recovery}`)}</Paragraph>
          <div className="button-row">
            <Button variant="secondary" data-size="sm" onClick={downloadBackup}>
              {t('recovery.downloadBackup')}
            </Button>
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() => {
                dismissRecovery();
                setBackupDismissed(true);
              }}
            >
              {t('recovery.dismiss')}
            </Button>
          </div>
        </Alert>
      )}
      {recovery === null && hasBackup && !backupDismissed && (
        <Alert data-color="info" className="notice">
          <Paragraph>{t('recovery.backupKept')}</Paragraph>
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
                    clearBackup();
                    setHasBackup(readBackup() !== null);
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
            <div className="button-row">
              <Button variant="secondary" data-size="sm" onClick={downloadBackup}>
                {t('recovery.downloadBackup')}
              </Button>
              <Button
                ref={deleteRef}
                variant="tertiary"
                data-size="sm"
                onClick={() => setConfirmDelete(true)}
              >
                {t('recovery.deleteBackup')}
              </Button>
              <Button variant="tertiary" data-size="sm" onClick={() => setBackupDismissed(true)}>
                {t('recovery.dismiss')}
              </Button>
            </div>
          )}
        </Alert>
      )}
    </>
  );
}
